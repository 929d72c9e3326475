/** Finds words the browser broke across two lines inside table cells or headings. */
import type { Page } from '@playwright/test';

/**
 * For every text node under `selector`, each word (a run of letters and digits: a line may break at a
 * hyphen, slash, dot or space, never inside the run) is measured with Range.getClientRects(): a word set on
 * one line has all its boxes on one line; a split word has boxes with different tops.
 * Returns "<element>: <word>" for each split word, e.g. "td: Fundamentals".
 */
export async function splitWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      if (!(el instanceof HTMLElement) || el.offsetParent === null) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        for (const m of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) found.push(`${el.tagName.toLowerCase()}: ${m[0]}`);
        }
      }
    }
    return found;
  }, selector);
}
