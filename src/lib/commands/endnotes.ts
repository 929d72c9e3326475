/**
 * Build-time endnotes for printed cheat sheets: every link in a rendered sheet gets a print-only number after
 * it, and the sheet gets a numbered list of the links' full addresses (a printout cannot follow a link).
 */
export interface Endnote {
  n: number;
  href: string;
  /** The address as printed: absolute, with the site's origin for internal links. */
  url: string;
  text: string;
}

const stripTags = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/**
 * Numbers the links of an HTML fragment (in-page `#...` links are skipped; the same address keeps its first
 * number). Returns the HTML with `<sup class="endnote-ref">` markers and the endnote list.
 */
export function numberLinks(html: string, site: string | URL | undefined): { html: string; notes: Endnote[] } {
  const notes: Endnote[] = [];
  const byHref = new Map<string, Endnote>();
  const out = html.replace(/<a\s([^>]*?)href="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (whole, _pre, rawHref: string, _post, inner: string) => {
    const href = decode(rawHref);
    if (!href || href.startsWith('#') || /\bclass="[^"]*sl-anchor-link/.test(whole)) return whole;
    let note = byHref.get(href);
    if (!note) {
      const url = /^https?:/.test(href) ? href : site ? new URL(href, site).href : href;
      note = { n: notes.length + 1, href, url, text: decode(stripTags(inner)) };
      notes.push(note);
      byHref.set(href, note);
    }
    return `${whole}<sup class="endnote-ref" aria-hidden="true" data-pagefind-ignore>[${note.n}]</sup>`;
  });
  return { html: out, notes };
}
