/** Hostile input: bounded work, a clear message with its place, nothing polluted, never a stack overflow. */
import { describe, expect, it } from 'vitest';
import { checkManifests, limits } from '~/lib/istio/check';

const only = (text: string) => {
  const r = checkManifests(text, { fileName: 'paste.yaml' });
  return r.diagnostics.map((d) => [d.code, d.line, d.column, d.message]);
};

describe('hostile input', () => {
  it('refuses text over the size limit without parsing it', () => {
    expect(only('a: ' + 'x'.repeat(10 * 1024 * 1024))).toEqual([['input-limit', 1, 1, 'the input is 10.0 MiB; the checker reads at most 1 MiB']]);
  });

  it('stops 10,000 nesting levels (flow, indentation, dashes) with the place', () => {
    expect(only('a: ' + '['.repeat(10_000) + ']'.repeat(10_000))).toEqual([['input-limit', 1, 4 + limits.maxDepth, `nesting deeper than ${limits.maxDepth} levels`]]);
    expect(only('a: ' + '- '.repeat(10_000) + 'x')[0]!.slice(0, 2)).toEqual(['input-limit', 1]);
    const indented = 'a:\n' + Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 1)}b${i}:`).join('\n');
    expect(only(indented)[0]![0]).toBe('input-limit');
  });

  it('stops an alias bomb with the Kubernetes decoder’s words', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 8; i++) text += `a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const r = only(text);
    expect(r).toHaveLength(1);
    expect(r[0]!.slice(0, 2)).toEqual(['input-limit', 1]);
    expect(r[0]![3]).toBe('yaml: document contains excessive aliasing');
  });

  it('refuses more documents than the limit before parsing them', () => {
    const r = only('a: 1\n---\n'.repeat(limits.maxDocuments + 10));
    expect(r).toEqual([['input-limit', 2 * limits.maxDocuments, 1, `the input has more than ${limits.maxDocuments} documents; the checker reads at most ${limits.maxDocuments}`]]);
  });

  it('treats __proto__ and constructor as ordinary (unknown) fields and pollutes nothing', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  __proto__: {polluted: true}\n  constructor: x\ndata:\n  __proto__: a\n  constructor: b\n';
    const r = checkManifests(text);
    expect(r.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['metadata.__proto__', 'unknown field "metadata.__proto__"'],
      ['metadata.constructor', 'unknown field "metadata.constructor"'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const data = (r.documents[0]!.value as { data: Record<string, unknown> }).data;
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('shows NUL, right-to-left and zero-width characters as escapes', () => {
    const r = checkManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "c\\u0000\\u202e\\u200b"\n');
    expect(r.diagnostics[0]!.message).toMatch(/^metadata\.name: Invalid value: "c\\u0000\\u202e\\u200b": a lowercase RFC 1123 subdomain/);
    expect(r.diagnostics[0]!.message).not.toMatch(/[\u0000\u202e\u200b]/);
  });

  it('caps the findings of one document', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' + Array.from({ length: 150 }, (_, i) => `bad${i}: 1\n`).join('');
    const r = checkManifests(text).diagnostics;
    expect(r).toHaveLength(101);
    expect(r[100]).toMatchObject({ code: 'input-limit', message: '50 more problems in this document are not shown' });
  });

  it('checks a pathological regex in linear time (RE2)', () => {
    const re = '(a+)+'.repeat(100);
    const text = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: c\nspec:\n  hosts: [a]\n  http:\n  - match:\n    - uri: {regex: "${re}"}\n    route:\n    - destination: {host: a}\n`;
    expect(checkManifests(text).diagnostics).toEqual([]);
  });
});
