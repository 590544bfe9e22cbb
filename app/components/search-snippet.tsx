/** Render a snippet whose matches are wrapped in \u0002…\u0003 as text with <mark>: no HTML parsing. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('\u0002') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p.replace(/[\u0002\u0003]/g, '')}</span>,
      )}
    </>
  );
}

/** The snippet as plain text with the matches in ‹…› removed of markers (for JSON). */
export function plainSnippet(text: string): string {
  return text.replace(/[\u0002\u0003]/g, '');
}
