import { describe, expect, it } from 'vitest';
import { normalisePastedText, renderMarkdown } from './markdown.server';

describe('renderMarkdown', () => {
  const payloads: Array<[string, string]> = [
    ['script tag', 'Ennen<script>alert(1)</script> jälkeen'],
    ['onerror attribute', '<img src=x onerror="alert(1)"> kuva'],
    ['javascript: link', '[klikkaa](javascript:alert(1))'],
    ['mixed-case javascript: link', '[klikkaa](JaVaScRiPt:alert(1))'],
    ['entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">klikkaa</a>'],
    ['data: URL', '[lataa](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['iframe', '<iframe src="https://evil.example/">sisältö</iframe>'],
    ['style', '<style>body { display: none }</style>teksti'],
    ['SVG', '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)">x</a></svg>'],
    ['event handler on allowed tag', '<p onclick="alert(1)" style="color:red">kappale</p>'],
    ['markdown image', '![kuva](https://evil.example/track.png)'],
  ];

  it.each(payloads)('removes %s', (_name, payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<script|<iframe|<style|<svg|<img/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/javascript:|data:|style=/i);
  });

  it('keeps the text around removed markup but not the script body', () => {
    const html = renderMarkdown('Ennen<script>alert(1)</script> jälkeen');
    expect(html).toContain('Ennen');
    expect(html).toContain('jälkeen');
    expect(html).not.toContain('alert');
  });

  it('keeps paragraphs, line breaks and lists', () => {
    const html = renderMarkdown('Ensimmäinen kappale\ntoinen rivi\n\nToinen kappale\n\n- yksi\n- kaksi\n\n1. eka\n2. toka');
    expect(html).toContain('<p>Ensimmäinen kappale<br />toinen rivi</p>');
    expect(html).toContain('<p>Toinen kappale</p>');
    expect(html).toMatch(/<ul>\s*<li>yksi<\/li>\s*<li>kaksi<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>eka<\/li>\s*<li>toka<\/li>\s*<\/ol>/);
  });

  it('keeps safe links and marks them nofollow', () => {
    const html = renderMarkdown('[Kela](https://www.kela.fi) ja [posti](mailto:sihteeri@example.fi)');
    expect(html).toContain('<a href="https://www.kela.fi" rel="noopener noreferrer nofollow">Kela</a>');
    expect(html).toContain('<a href="mailto:sihteeri@example.fi" rel="noopener noreferrer nofollow">posti</a>');
  });

  it('drops relative and protocol-relative hrefs but keeps the link text', () => {
    const html = renderMarkdown('[a](/fi/meetings) [b](//evil.example) <https://ok.example>');
    expect(html).not.toContain('/fi/meetings');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('<a>a</a>');
    expect(html).toContain('<a href="https://ok.example" rel="noopener noreferrer nofollow">https://ok.example</a>');
  });

  it('demotes headings under the page headings and keeps tables and code', () => {
    const html = renderMarkdown('# Otsikko\n\n###### Pieni\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nkoodi\n```');
    expect(html).toContain('<h3>Otsikko</h3>');
    expect(html).toContain('<h4>Pieni</h4>');
    expect(html).toMatch(/<table>[\s\S]*<th>a<\/th>[\s\S]*<td>2<\/td>[\s\S]*<\/table>/);
    expect(html).toContain('<pre><code>koodi');
  });

  it('leaves Finnish and Swedish text intact', () => {
    const text = 'Hyvinvointialueen järjestöneuvottelukunta käsitteli äänestyksen § 12. Välfärdsområdets råd – möte.';
    expect(renderMarkdown(text)).toBe(`<p>${text}</p>`);
  });
});

describe('normalisePastedText', () => {
  it('leaves ordinary Finnish text unchanged', () => {
    const text = 'Päätösehdotus: neuvottelukunta hyväksyy äänestysjärjestyksen.\n\nSeuraava kokous pidetään Åbossa.';
    expect(normalisePastedText(text)).toBe(text);
  });

  it('collapses Windows line endings, non-breaking spaces and trailing spaces', () => {
    expect(normalisePastedText('Rivi\u00a0yksi  \r\nRivi kaksi\t\r\n')).toBe('Rivi yksi\nRivi kaksi');
  });

  it('keeps paragraphs separated by one blank line', () => {
    expect(normalisePastedText('Eka kappale.\r\n\r\n\r\n\r\nToka kappale.')).toBe('Eka kappale.\n\nToka kappale.');
  });

  it('turns word-processor bullets into Markdown list items', () => {
    const pasted = ['Osallistujat:', '•\tMatti', '◦ Maija', '▪ Pekka', '– Liisa', '* Anna', '· Olli', '- Ville'].join('\r\n');
    expect(normalisePastedText(pasted)).toBe(
      ['Osallistujat:', '', '- Matti', '- Maija', '- Pekka', '- Liisa', '- Anna', '- Olli', '- Ville'].join('\n'),
    );
  });

  it('turns numbered and lettered lines into ordered items and separates the list from following text', () => {
    const pasted = '1) Avaus\n2. Läsnäolijat\na) Kokouksen laillisuus\nb) Pöytäkirjantarkastajat\nMuuta ei käsitelty.';
    expect(normalisePastedText(pasted)).toBe(
      '1. Avaus\n2. Läsnäolijat\n1. Kokouksen laillisuus\n2. Pöytäkirjantarkastajat\n\nMuuta ei käsitelty.',
    );
  });

  it('does not mistake a minus sign or bold text for a bullet', () => {
    expect(normalisePastedText('-5 astetta\n**Tärkeää**')).toBe('-5 astetta\n**Tärkeää**');
  });

  it('removes indentation that Markdown would read as a code block', () => {
    expect(normalisePastedText('\t\tSisennetty kappale')).toBe('Sisennetty kappale');
    expect(renderMarkdown(normalisePastedText('        Sisennetty'))).toBe('<p>Sisennetty</p>');
  });

  it('produces lists that renderMarkdown renders as lists', () => {
    const html = renderMarkdown(normalisePastedText('Asiat:\r\n•\tEka\r\n•\tToka'));
    expect(html).toMatch(/<p>Asiat:<\/p>\s*<ul>\s*<li>Eka<\/li>\s*<li>Toka<\/li>\s*<\/ul>/);
  });
});
