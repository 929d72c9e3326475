import { describe, expect, it } from 'vitest';
import { checkManifests, formatDiagnostic, resourceKey } from '~/lib/istio/check';

const check = (text: string) => checkManifests(text, { fileName: 'test.yaml' });
const summary = (text: string) => check(text).diagnostics.map((d) => [d.code, d.path, d.line, d.column]);

const vs = (http: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
${http}`;
const route = '  - route:\n    - destination:\n        host: reviews\n';

describe('checker: documents and kinds', () => {
  it('accepts a minimal VirtualService and reports its resource', () => {
    const r = check(vs(route));
    expect(r.diagnostics).toEqual([]);
    expect(r.documents).toEqual([expect.objectContaining({ index: 0, line: 1, kind: 'VirtualService', name: 'reviews', rejected: false })]);
  });

  it('reads several documents, core kinds included, and skips empty ones', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 8080
---
${vs(route)}---
`;
    const r = check(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.documents.map((d) => [d.index, d.kind, d.line])).toEqual([
      [0, 'Namespace', 1],
      [1, 'Service', 8],
      [2, 'VirtualService', 21],
    ]);
  });

  it('reports an unknown kind and an unserved version as kubectl does', () => {
    const unknown = check(vs(route).replace('kind: VirtualService', 'kind: VirtualServce'));
    expect(unknown.diagnostics[0]).toMatchObject({ code: 'unknown-kind', path: 'kind', line: 2, column: 1 });
    expect(unknown.diagnostics[0]!.message).toContain('no matches for kind "VirtualServce" in version "networking.istio.io/v1"');
    const unserved = check(vs(route).replace('networking.istio.io/v1', 'networking.istio.io/v2'));
    expect(unserved.diagnostics[0]).toMatchObject({ code: 'unserved-version', path: 'apiVersion', line: 1 });
    expect(unserved.diagnostics[0]!.message).toContain('networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1');
  });

  it('reports a missing kind, a document that is not a mapping, and YAML errors with their line', () => {
    expect(summary('metadata:\n  name: x\n')).toEqual([['missing-kind', '', 1, 1]]);
    expect(check('- a\n- b\n').diagnostics[0]!.code).toBe('not-an-object');
    const bad = check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n');
    expect(bad.diagnostics[0]!.code).toBe('yaml-syntax');
    expect(bad.diagnostics[0]!.message).toMatch(/^error converting YAML to JSON: yaml: line \d+: /);
    const dup = check('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
    expect(dup.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 5, message: 'error converting YAML to JSON: yaml: unmarshal errors: line 5: key "name" already set in map' });
  });
});

describe('checker: schema, in the API server words', () => {
  it('unknown field (strict field validation), at the key', () => {
    const r = check(vs('  - matchs:\n    - uri:\n        prefix: /\n' + route.replace('  - route', '    route')));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'unknown-field', path: 'spec.http[0].matchs', line: 9, column: 5, message: 'unknown field "spec.http[0].matchs"' });
    expect(r.diagnostics[0]!.resource).toEqual({ kind: 'VirtualService', name: 'reviews' });
    expect(formatDiagnostic(r.diagnostics[0]!)).toBe('test.yaml:9:5: error unknown-field at spec.http[0].matchs: unknown field "spec.http[0].matchs"');
  });

  it('wrong type', () => {
    const r = check(vs(route + '      weight: "50"\n'));
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'spec.http[0].route[0].weight: Invalid value: "string": spec.http[0].route[0].weight in body must be of type integer: "string"',
    ]);
  });

  it('enum: Unsupported value with the supported values', () => {
    const dr = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r\n  trafficPolicy:\n    loadBalancer:\n      simple: ROUND_ROBBIN\n';
    const r = check(dr);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'unsupported-value', line: 9, column: 7 });
    expect(r.diagnostics[0]!.message).toBe(
      'spec.trafficPolicy.loadBalancer.simple: Unsupported value: "ROUND_ROBBIN": supported values: "UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST"',
    );
    expect(check(dr.replace('ROUND_ROBBIN', 'ROUND_ROBIN')).diagnostics).toEqual([]);
  });

  it('required field, at the nearest existing parent', () => {
    const r = check('apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  subsets:\n  - name: v1\n');
    expect(r.diagnostics.map((d) => [d.code, d.path, d.line, d.message])).toEqual([['required', 'spec.host', 5, 'spec.host: Required value']]);
  });

  it('bounds: maximum, maxItems, maxLength', () => {
    const route = (backend: string) =>
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n  - backendRefs:\n${backend}`;
    expect(check(route('    - name: web\n      port: 70000\n')).diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [9, 7, 'spec.rules[0].backendRefs[0].port: Invalid value: 70000: spec.rules[0].backendRefs[0].port in body should be less than or equal to 65535'],
    ]);
    const many = Array.from({ length: 17 }, (_, i) => `    - name: web${i}\n      port: 80\n`).join('');
    expect(check(route(many)).diagnostics.map((d) => d.message)).toEqual(['spec.rules[0].backendRefs: Too many: 17: must have at most 16 items']);
    expect(check(route(`    - name: ${'a'.repeat(254)}\n      port: 80\n`)).diagnostics.map((d) => d.message)).toEqual([
      'spec.rules[0].backendRefs[0].name: Too long: may not be more than 253 bytes',
    ]);
  });

  it('oneOf: at most one of simple and consistentHash', () => {
    const dr = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r\n  trafficPolicy:\n    loadBalancer:\n      simple: RANDOM\n      consistentHash:\n        useSourceIp: true\n';
    const r = check(dr);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['invalid-value', 'spec.trafficPolicy.loadBalancer']]);
    expect(r.diagnostics[0]!.message).toContain('must validate one and only one schema (oneOf)');
  });

  it('free-form fields keep anything (preserve-unknown-fields), IstioOperator knows its own', () => {
    const io = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: demo
spec:
  profile: demo
  meshConfig:
    accessLogFile: /dev/stdout
    anyNestedSetting: {deep: true}
  components:
    egressGateways:
    - name: istio-egressgateway
      enabled: true
`;
    expect(check(io).diagnostics).toEqual([]);
    expect(summary(io.replace('  profile: demo', '  profile: demo\n  accessLogFile: /dev/stdout'))).toEqual([['unknown-field', 'spec.accessLogFile', 7, 3]]);
  });

  it('core kinds: unknown fields, enums and required fields from the Kubernetes API', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIp\n  ports:\n  - prot: 80\n';
    expect(check(svc).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['unsupported-value', 'spec.type'],
      ['required', 'spec.ports[0].port'],
      ['unknown-field', 'spec.ports[0].prot'],
    ]);
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        imagePullPolicy: Sometimes\n';
    expect(check(deploy).diagnostics.map((d) => d.message)).toEqual([
      'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });

  it('Gateway API: defaults apply, an experimental field is a warning, an IPAddress must be an IP', () => {
    const route = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - name: web\n      port: 80\n';
    expect(check(route).diagnostics).toEqual([]);
    const retry = check(route + '    retry:\n      attempts: 2\n').diagnostics;
    expect(retry.map((d) => [d.severity, d.code, d.path])).toEqual([['warning', 'experimental', 'spec.rules[0].retry']]);
    const gw = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  gatewayClassName: istio\n  addresses:\n  - value: not-an-ip\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n';
    expect(check(gw).diagnostics.map((d) => [d.code, d.path])).toEqual([['invalid-value', 'spec.addresses[0].value']]);
    expect(check(gw.replace('not-an-ip', '10.0.0.1')).diagnostics).toEqual([]);
  });

  it('resourceKey names a resource as istioctl does', () => {
    expect(resourceKey({ kind: 'VirtualService', name: 'reviews' })).toBe('VirtualService default/reviews');
    expect(resourceKey({ kind: 'Gateway', namespace: 'istio-system', name: 'gw' })).toBe('Gateway istio-system/gw');
  });
});

describe('checker: metadata as the API server checks it', () => {
  const cm = (meta: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${meta}`;
  it('needs a name, in the form the kind requires', () => {
    expect(check(cm('  namespace: x\n')).diagnostics.map((d) => d.message)).toEqual(['metadata.name: Required value: name or generateName is required']);
    const upper = check(cm('  name: Web\n')).diagnostics;
    expect(upper[0]!.message).toMatch(/^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of/);
    const svc = check('apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n  - port: 80\n').diagnostics;
    expect(svc[0]!.message).toMatch(/^metadata\.name: Invalid value: "1web": a DNS-1035 label must consist of/);
  });

  it('validates label keys and values', () => {
    const r = check(cm('  name: x\n  labels:\n    -bad: ok\n    good/and/bad: v\n    app: "no spaces"\n    example.com/app: fine\n')).diagnostics;
    expect(r.map((d) => [d.path, d.message.split(':').slice(0, 3).join(':')])).toEqual([
      ['metadata.labels.-bad', 'metadata.labels: Invalid value: "-bad"'],
      ['metadata.labels.good/and/bad', 'metadata.labels: Invalid value: "good/and/bad"'],
      ['metadata.labels.app', 'metadata.labels.app: Invalid value: "no spaces"'],
    ]);
  });
});
