import { describe, expect, it } from 'vitest';
import { numberLinks } from '../../src/lib/commands/endnotes';
import { pageExists, pageFile, pageTitle } from '../../src/lib/commands/pages';
import { buildDate, cssString, runningHeader } from '../../src/lib/commands/build-info';
import { countPdfPages } from '../../scripts/bench-pdf';
import { scanMdxForCommands } from '../../src/lib/commands/mdx-scan';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('endnotes', () => {
  it('numbers each address once, skips in-page and heading anchor links', () => {
    const html =
      '<p><a href="/traffic/mirroring/">Mirroring</a> and <a href="https://istio.io/x/">istio.io</a>, again <a href="/traffic/mirroring/">mirror</a>.' +
      ' <a href="#top">top</a> <a class="sl-anchor-link" href="#h">#</a></p>';
    const { html: out, notes } = numberLinks(html, 'https://guide.example.org');
    expect(notes).toEqual([
      { n: 1, href: '/traffic/mirroring/', url: 'https://guide.example.org/traffic/mirroring/', text: 'Mirroring' },
      { n: 2, href: 'https://istio.io/x/', url: 'https://istio.io/x/', text: 'istio.io' },
    ]);
    expect(out.match(/endnote-ref/g)).toHaveLength(3);
    expect(out).toContain('mirror</a><sup class="endnote-ref" aria-hidden="true" data-pagefind-ignore>[1]</sup>');
    expect(out).toContain('<a href="#top">top</a> ');
  });
  it('keeps internal paths when the site is unknown and decodes entities', () => {
    const { notes } = numberLinks('<a href="/a/?x=1&amp;y=2"><code>a &amp; b</code></a>', undefined);
    expect(notes[0]).toMatchObject({ url: '/a/?x=1&y=2', text: 'a & b' });
  });
});

describe('pages', () => {
  it('finds existing pages and their titles', () => {
    expect(pageExists('/commands/')).toBe(true);
    expect(pageTitle('/commands/')).toBe('Command finder');
    expect(pageTitle('/cheat-sheets/cli/')).toBe('CLI cheat sheet');
    expect(pageFile('/')).toBeDefined();
  });
  it('returns undefined for a missing page', () => {
    expect(pageExists('/no/such/page/')).toBe(false);
    expect(pageTitle('/no/such/page/')).toBeUndefined();
    expect(pageTitle('/no/such/page/')).toBeUndefined();
  });
});

describe('print header', () => {
  it('names the sheet, the Istio release and the build date', () => {
    expect(buildDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(runningHeader('CLI cheat sheet')).toBe(`CLI cheat sheet · Istio 1.26 · built ${buildDate}`);
    expect(cssString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
  });
});

describe('PDF page count', () => {
  it('counts /Type /Page objects, not /Pages', () => {
    const pdf = new TextEncoder().encode('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>');
    expect(countPdfPages(pdf)).toBe(2);
  });
});

describe('MDX scan', () => {
  it('finds shell fences, <Code lang="bash"> and command references', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdx-scan-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(
      join(dir, 'a', 'page.mdx'),
      [
        '# Page',
        '```bash',
        'kubectl get pods',
        '```',
        '```yaml',
        'a: 1',
        '```',
        '<Code code="istioctl ps" lang="sh" />',
        '<Command id="istioctl-proxy-status" bare />',
        "<CommandTable ids={['kubectl-get-pods-namespace',",
        "  'no-such-id']} />",
      ].join('\n'),
    );
    const r = scanMdxForCommands(dir);
    expect(r.fences.map((f) => [f.line, f.lang])).toEqual([
      [2, 'bash'],
      [8, '<Code lang="sh">'],
    ]);
    expect(r.refs.map((x) => x.id)).toEqual(['istioctl-proxy-status', 'kubectl-get-pods-namespace', 'no-such-id']);
  });
});
