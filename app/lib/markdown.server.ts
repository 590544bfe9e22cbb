import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A private instance so that nobody's global marked.use() changes how minutes render.
// `breaks` because secretaries write in a plain textarea where a single Enter means a new line.
const marked = new Marked({ gfm: true, breaks: true, async: false });

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote', 'code', 'pre',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // iframe, svg and math contents are markup, not prose; drop them with their text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'svg', 'math', 'object', 'embed'],
  transformTags: {
    // The record page already has h1/h2; Markdown headings nest under them.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      // Relative and protocol-relative links are refused too: a record is also read from PDFs and
      // e-mails, where a relative link points nowhere or somewhere unexpected. The tag stays an
      // <a> without href (inert text): renaming it to a dropped tag trips a sanitize-html bug that
      // closes a later sibling link with the wrong tag.
      if (!SAFE_HREF.test(href)) return { tagName: 'a', attribs: {} };
      return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer nofollow' } };
    },
  },
};

/** Renders user-written Markdown to HTML that is safe to insert with dangerouslySetInnerHTML. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, sanitizeOptions).trim();
}

const BULLET = /^\s*(?:[•◦▪·]\s*|[-–*]\s+)(\S.*)$/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(\S.*)$/;
const LETTERED = /^\s*([a-z])\)\s+(\S.*)$/i;

type Line = { text: string; list: boolean };

function convertLine(raw: string): Line {
  const bullet = BULLET.exec(raw);
  if (bullet) return { text: `- ${bullet[1]}`, list: true };
  const numbered = NUMBERED.exec(raw);
  if (numbered) return { text: `${Number(numbered[1])}. ${numbered[2]}`, list: true };
  const lettered = LETTERED.exec(raw);
  if (lettered) {
    // Markdown has no lettered lists; a) b) c) become 1. 2. 3. so that the order survives.
    const n = (lettered[1] ?? 'a').toLowerCase().charCodeAt(0) - 96;
    return { text: `${n}. ${lettered[2]}`, list: true };
  }
  // Typographic indentation from a word processor would otherwise turn into a Markdown code block.
  return { text: raw.trimStart(), list: false };
}

/** Turns text pasted from a word processor into tidy Markdown: lists, paragraphs, plain spaces. */
export function normalisePastedText(text: string): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    // Invisible characters that word processors leave behind and that break searching.
    .replace(/[\u200b\u00ad\ufeff]/g, '');

  const lines = cleaned.split('\n').map((line) => convertLine(line.replace(/\s+$/, '')));
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    const prevLine = lines[i - 1];
    // A list needs a blank line before it and after it, or Markdown folds it into the paragraph.
    if (prev !== undefined && prev !== '' && prevLine && prevLine.list !== line.list && line.text !== '') {
      out.push('');
    }
    if (line.text === '' && prev === '') return;
    out.push(line.text);
  });
  while (out[0] === '') out.shift();
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
