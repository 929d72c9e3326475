/**
 * Puts every `<table>` of a rendered page body in a scroll region:
 *   <div class="table-scroll" tabindex="0" role="region" aria-label="...">
 * A wide table then scrolls inside the content column (reachable by keyboard, named for screen readers)
 * instead of squeezing its cells until words break. The label is the table's `<caption>`, else the text of
 * the last heading before it, else "Table". A table already inside a simulator's `.sim-table-wrap` is kept.
 */
const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(?:39|x27);/g, "'").replace(/&amp;/g, '&');
const stripTags = (s: string) => decode(s.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function wrapTables(html: string): string {
  const pattern = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>|(<div class="sim-table-wrap"[^>]*>\s*)?<table\b[^>]*>[\s\S]*?<\/table>/g;
  let heading = '';
  return html.replace(pattern, (whole: string, level: string | undefined, headingHtml: string | undefined, simWrap: string | undefined) => {
    if (level) {
      heading = stripTags(headingHtml ?? '');
      return whole;
    }
    if (simWrap) return whole;
    const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(whole);
    const label = (caption && stripTags(caption[1] ?? '')) || (heading ? `Table: ${heading}` : 'Table');
    return `<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeAttr(label)}">${whole}</div>`;
  });
}
