import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { wrapTables } from '../../src/components/overrides/wrap-tables';
import { addInlineScriptHashes } from '../../src/integrations/csp-inline-hashes';

describe('wrapTables', () => {
  it('puts a table in a focusable region named after the heading above it', () => {
    const html = wrapTables('<h2 id="x">Defaults &amp; traps</h2><p>text</p><table><tr><td>a</td></tr></table>');
    expect(html).toBe(
      '<h2 id="x">Defaults &amp; traps</h2><p>text</p><div class="table-scroll" tabindex="0" role="region" aria-label="Table: Defaults &amp; traps"><table><tr><td>a</td></tr></table></div>',
    );
  });

  it('prefers the caption, and escapes it for the attribute', () => {
    const html = wrapTables('<table><caption>Ports "in" use</caption><tr><td>1</td></tr></table>');
    expect(html).toContain('aria-label="Ports &quot;in&quot; use"');
  });

  it('names a table with no caption and no heading "Table"', () => {
    expect(wrapTables('<table></table>')).toContain('aria-label="Table"');
  });

  it('leaves a table that a simulator already wraps', () => {
    const html = '<div class="sim-table-wrap" tabindex="0" role="region" aria-label="Matrix"><table></table></div>';
    expect(wrapTables(html)).toBe(html);
  });
});

describe('addInlineScriptHashes', () => {
  const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  const page = (scripts: string) =>
    `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self' 'unsafe-inline' ;">${scripts}</head>`;

  it('adds the hash of each inline script that the policy lacks, to script-src only', () => {
    const out = addInlineScriptHashes(page('<script>a()</script><script type="module">b()</script>'));
    expect(out).toContain(`script-src 'self' 'sha256-abc=' ${sha('a()')} ${sha('b()')}; style-src 'self' 'unsafe-inline'`);
  });

  it('skips external and JSON scripts and hashes already present', () => {
    const html = page(`<script src="/x.js"></script><script type="application/ld+json">{}</script>`);
    expect(addInlineScriptHashes(html)).toBe(html);
  });

  it('leaves a page without a policy alone', () => {
    expect(addInlineScriptHashes('<script>a()</script>')).toBe('<script>a()</script>');
  });
});
