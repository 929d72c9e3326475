/** Loading, printing, ordering and namespace rules of the analyzer, and hostile input. */
import { describe, expect, it } from 'vitest';
import { parseInput } from '~/lib/istio/check/yaml-input';
import { analyzeFiles, formatMessage, goFormat, loadResources, MAX_FILE_BYTES, messageTypes, noIssuesLine, sortAndDedupe, type AnalysisMessage } from '~/lib/istio/analyze';

const subsetVs = (ns = '') => `# a comment opens the document
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
${ns ? `  namespace: ${ns}\n` : ''}spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v3
`;

describe('message table', () => {
  it('holds the 1.26 codes with their levels and no newer ones', () => {
    expect(messageTypes.IST0101).toEqual({ name: 'ReferencedResourceNotFound', level: 'Error', template: 'Referenced %s not found: %q' });
    expect(messageTypes.IST0118.level).toBe('Info');
    expect(Object.keys(messageTypes)).not.toContain('IST0175');
    expect(Object.keys(messageTypes)).toContain('IST0174');
  });
});

describe('printing', () => {
  it('fills Go verbs as istioctl does', () => {
    expect(goFormat('%s %q %v %d %v %%', ['a', 'b"c', ['x', 'y'], 7, [80, 443]])).toBe('a "b\\"c" [x y] 7 [80 443] %');
    expect(goFormat('%q', ['tab\there\u202e'])).toBe('"tab\\there\\u202e"');
    expect(goFormat('%s %s', ['only'])).toBe('only %!s(MISSING)');
  });

  it('prints a message as istioctl does, and no line number for JSON files', () => {
    const { messages } = analyzeFiles([{ name: 'reviews.yaml', text: subsetVs() }]);
    expect(messages.map(formatMessage)).toEqual(['Error [IST0101] (VirtualService default/reviews reviews.yaml:11) Referenced host+subset in destinationrule not found: "reviews+v3"']);
    const json = JSON.stringify({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'r' }, spec: { hosts: ['r'], http: [{ route: [{ destination: { host: 'r', subset: 'x' } }] }] } });
    expect(analyzeFiles([{ name: 'r.json', text: json }]).messages.map(formatMessage)).toEqual([
      'Error [IST0101] (VirtualService default/r r.json) Referenced host+subset in destinationrule not found: "r+x"',
    ]);
  });

  it('gives the field path of the line it points at', () => {
    const [m] = analyzeFiles([{ name: 'reviews.yaml', text: subsetVs() }]).messages;
    expect(m).toMatchObject({ line: 11, path: 'spec.http[0].route[0].destination.host', resource: 'VirtualService default/reviews' });
  });

  it('sorts by level, code and resource, and drops repeats', () => {
    const m = (level: AnalysisMessage['level'], code: AnalysisMessage['code'], resource: string): AnalysisMessage => ({ code, level, resource, message: 'x', file: 'f.yaml', line: 1 });
    const sorted = sortAndDedupe([m('Info', 'IST0118', 'Service a/s'), m('Error', 'IST0101', 'VirtualService b/a'), m('Error', 'IST0101', 'VirtualService a/b'), m('Error', 'IST0101', 'VirtualService a/b'), m('Warning', 'IST0002', 'Sidecar a/x')]);
    expect(sorted.map((x) => `${x.code} ${x.resource}`)).toEqual(['IST0101 VirtualService b/a', 'IST0101 VirtualService a/b', 'IST0002 Sidecar a/x', 'IST0118 Service a/s']);
  });

  it('words the success line as istioctl does', () => {
    expect(noIssuesLine(['a.yaml'], 'namespace: default')).toBe('\u2714 No validation issues found when analyzing a.yaml.');
    expect(noIssuesLine(['a.yaml', 'b.yaml'], 'namespace: default')).toBe('\u2714 No validation issues found when analyzing:\n  - a.yaml\n  - b.yaml');
  });
});

describe('loading', () => {
  it('starts a resource at its first non-blank line after ---, comments included', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n\n# second\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: b}\n`;
    const { resources } = loadResources([{ name: 'x.yaml', text }], { defaultNamespace: 'default', runtimeResources: false });
    expect(resources.map((r) => [r.name, r.line, r.document])).toEqual([
      ['a', 1, 0],
      ['b', 6, 1],
    ]);
  });

  it('drops what istioctl drops without a cluster, and keeps it on request', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}';
    expect(loadResources([{ name: 'x.yaml', text }], { defaultNamespace: 'default', runtimeResources: false }).resources).toEqual([]);
    const kept = loadResources([{ name: 'x.yaml', text }], { defaultNamespace: 'default', runtimeResources: true }).resources;
    expect(kept.map((r) => `${r.kind} ${r.namespace}/${r.name}`)).toEqual(['Service default/s']);
  });

  it('skips kinds and versions istioctl has no schema for', () => {
    const text = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\n---\napiVersion: networking.istio.io/v9\nkind: VirtualService\nmetadata: {name: v}';
    const { resources, errors } = loadResources([{ name: 'x.yaml', text }], { defaultNamespace: 'default', runtimeResources: true });
    expect(resources).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a later object with the same kind and name replaces the earlier one', () => {
    const one = (host: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec: {host: ${host}}`;
    const { resources } = loadResources([{ name: 'x.yaml', text: `${one('a')}\n---\n${one('b')}` }], { defaultNamespace: 'default', runtimeResources: false });
    expect(resources.map((r) => r.spec.host)).toEqual(['b']);
  });
});

describe('namespaces', () => {
  it('reports only the selected namespace, like istioctl without -A', () => {
    const files = [{ name: 'r.yaml', text: subsetVs('bookinfo') }];
    expect(analyzeFiles(files).messages).toEqual([]);
    expect(analyzeFiles(files, { namespace: 'bookinfo' }).messages).toHaveLength(1);
    expect(analyzeFiles(files, { allNamespaces: true }).messages.map((m) => m.resource)).toEqual(['VirtualService bookinfo/reviews']);
  });

  it('leaves objects without a namespace without one under -A', () => {
    expect(analyzeFiles([{ name: 'r.yaml', text: subsetVs() }], { allNamespaces: true }).messages.map((m) => m.resource)).toEqual(['VirtualService reviews']);
  });

  it('skips the analyzers that need cluster objects unless asked to treat the files as a cluster', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - {name: web, port: 8080}';
    const files = [{ name: 's.yaml', text: svc }];
    const offline = analyzeFiles(files);
    expect(offline.messages).toEqual([]);
    expect(offline.skipped).toContain('service.PortNameAnalyzer');
    expect(analyzeFiles(files, { runtimeResources: true }).messages.map((m) => m.code)).toEqual(['IST0118']);
  });

  it('honours the analyze-suppress annotation', () => {
    const text = subsetVs().replace('  name: reviews\n', '  name: reviews\n  annotations:\n    galley.istio.io/analyze-suppress: IST0101\n');
    expect(analyzeFiles([{ name: 'r.yaml', text }]).messages).toEqual([]);
  });
});

describe('reading files', () => {
  it('keeps the last value of a key set twice, as istioctl\'s non-strict YAML decoder does', () => {
    // pilot/pkg/config/file/store.go converts each document with k8s.io/apimachinery's yaml.ToJSON (not strict).
    const text = subsetVs().replace('subset: v3', 'subset: v1\n        subset: v3');
    const { messages, errors } = analyzeFiles([{ name: 'r.yaml', text }]);
    expect(errors).toEqual([]);
    expect(messages.map((m) => m.message)).toEqual(['Referenced host+subset in destinationrule not found: "reviews+v3"']);
  });

  it('reads what the checker already read instead of parsing the text again', () => {
    const text = subsetVs();
    // Values come from `parsed` (read from a text naming subset v4); the text itself only gives line numbers.
    const { messages } = analyzeFiles([{ name: 'r.yaml', text, parsed: parseInput(text.replace('v3', 'v4')) }]);
    expect(messages.map((m) => `${m.line} ${m.message}`)).toEqual(['11 Referenced host+subset in destinationrule not found: "reviews+v4"']);
  });
});

describe('hostile input', () => {
  it('reports an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const started = performance.now();
    const { errors, messages } = analyzeFiles([{ name: 'bomb.yaml', text: bomb }]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(messages).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^cannot read document 1: .*alias/i);
  });

  it('refuses a file over the size limit with its size', () => {
    const huge = `# ${'x'.repeat(MAX_FILE_BYTES + 10)}`;
    const { errors } = analyzeFiles([{ name: 'huge.yaml', text: huge }]);
    expect(errors).toEqual([{ file: 'huge.yaml', line: 1, message: 'file is 5.0 MB; the analyzer reads files up to 5 MB' }]);
  });

  it('reports deep nesting and syntax errors with a line', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const nested = analyzeFiles([{ name: 'deep.yaml', text: deep }]);
    expect(nested.messages).toEqual([]);
    expect(nested.errors).toHaveLength(1);
    const broken = analyzeFiles([{ name: 'bad.yaml', text: 'apiVersion: v1\nkind: [unclosed\n' }]);
    expect(broken.errors[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number) });
    expect(broken.errors[0]!.message).toMatch(/^YAML syntax error: /);
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
  labels:
    __proto__: polluted
    constructor: x
  annotations:
    __proto__: y
spec:
  containers: [{name: app}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: a, namespace: shop}
spec:
  selector:
    matchLabels: {constructor: x}`;
    const { messages } = analyzeFiles([{ name: 'p.yaml', text }], { runtimeResources: true, allNamespaces: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages.map((m) => m.code)).toEqual(['IST0127']);
  });

  it('prints markup and control characters as data', () => {
    const text = subsetVs().replace('subset: v3', 'subset: "<img src=x onerror=alert(1)>\\u0000"');
    const [m] = analyzeFiles([{ name: 'r.yaml', text }]).messages;
    expect(m!.message).toBe('Referenced host+subset in destinationrule not found: "reviews+<img src=x onerror=alert(1)>\\x00"');
  });
});
