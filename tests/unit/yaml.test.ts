import { describe, expect, it } from 'vitest';
import { ExampleHeaderError, parseExampleFile } from '~/lib/yaml/example-file';
import { parseInput } from '~/lib/istio/check/yaml-input';
import { formatPath, locatePath, parsePath } from '~/lib/yaml/paths';

describe('field paths', () => {
  it('formats and parses the same path', () => {
    const segs = ['spec', 'http', 0, 'match', 1, 'headers', 'end-user'];
    expect(formatPath(segs)).toBe('spec.http[0].match[1].headers.end-user');
    expect(parsePath('spec.http[0].match[1].headers.end-user')).toEqual(segs);
  });

  it('quotes keys with dots', () => {
    expect(formatPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe('metadata.labels["app.kubernetes.io/name"]');
    expect(parsePath('metadata.labels["app.kubernetes.io/name"]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });

  it('rejects malformed paths with the position of the problem', () => {
    expect(() => parsePath('spec..hosts')).toThrow(/character/);
    expect(() => parsePath('spec.http[0')).toThrow(/never closed/);
    expect(() => parsePath('spec.http[x]')).toThrow(/list index/);
    expect(() => parsePath('')).toThrow(/empty/);
  });
});

describe('locating a path in YAML', () => {
  const text = 'spec:\n  hosts:\n  - reviews\n  portLevelMtls:\n    8080:\n      mode: STRICT\n  http:\n  - name: a\n    route: []\n';
  const { documents, lineCounter } = parseInput(text);
  const doc = documents[0]!;

  it('finds a map key with its columns', () => {
    expect(locatePath(doc, ['spec', 'hosts'], lineCounter)).toEqual({ line: 2, column: 3, endColumn: 8 });
  });
  it('finds a scalar list item', () => {
    expect(locatePath(doc, ['spec', 'hosts', 0], lineCounter)).toEqual({ line: 3, column: 5, endColumn: 12 });
  });
  it('points a map list item at its first key', () => {
    expect(locatePath(doc, ['spec', 'http', 0], lineCounter)).toEqual({ line: 8, column: 5, endColumn: 9 });
  });
  it('finds numeric map keys given as numbers or strings', () => {
    expect(locatePath(doc, ['spec', 'portLevelMtls', 8080, 'mode'], lineCounter)?.line).toBe(6);
    expect(locatePath(doc, ['spec', 'portLevelMtls', '8080'], lineCounter)?.line).toBe(5);
  });
  it('returns undefined for a missing path', () => {
    expect(locatePath(doc, ['spec', 'tcp'], lineCounter)).toBeUndefined();
    expect(locatePath(doc, ['spec', 'hosts', 3], lineCounter)).toBeUndefined();
  });
});

describe('example file headers', () => {
  it('reads title, notes with continuation lines and document numbers, and the body', () => {
    const f = parseExampleFile(`# @title Route jason
# @note spec.hosts[0] First line
#   and a second line.
# @note 2 spec.host
#   On document two.

apiVersion: v1
kind: Namespace
`);
    expect(f.title).toBe('Route jason');
    expect(f.notes.map((n) => [n.document, n.path, n.text, n.line])).toEqual([
      [1, 'spec.hosts[0]', 'First line and a second line.', 2],
      [2, 'spec.host', 'On document two.', 4],
    ]);
    expect(f.body).toBe('apiVersion: v1\nkind: Namespace\n');
    expect(f.bodyLineOffset).toBe(6);
  });

  it('reads @expect-invalid with code, path and reason', () => {
    const f = parseExampleFile('# @expect-invalid unknown-field spec.mach\n#   A typo.\nkind: X\n');
    expect(f.expectInvalid).toMatchObject({ code: 'unknown-field', path: 'spec.mach', reason: 'A typo.', document: 1 });
  });

  it('keeps a plain comment before any directive as part of the body', () => {
    const f = parseExampleFile('# A licence line\nkind: X\n');
    expect(f.body).toBe('# A licence line\nkind: X\n');
    expect(f.notes).toEqual([]);
  });

  it('rejects notes without text, duplicate titles and bad paths', () => {
    expect(() => parseExampleFile('# @note spec.hosts\nkind: X\n')).toThrow(ExampleHeaderError);
    expect(() => parseExampleFile('# @title A\n# @title B\nkind: X\n')).toThrow(/only one @title/);
    expect(() => parseExampleFile('# @note spec..x Text\nkind: X\n')).toThrow(/Bad field path/);
    expect(() => parseExampleFile('# @expect-invalid schema\nkind: X\n')).toThrow(/needs a reason/);
  });
});
