import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAllExamples, checkExampleText } from '~/lib/istio/examples';
import { catalogKey, loadFieldCatalog } from '~/lib/istio/field-catalog';
import { formatProblem, validateManifest, type CatalogLookup } from '~/lib/istio/validate';

const catalog = await loadFieldCatalog();
const lookup: CatalogLookup = (apiVersion, kind) => catalog.get(catalogKey(apiVersion, kind));
const validate = (text: string) => validateManifest(text, 'test.yaml', lookup);

const vs = (extra: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
${extra}`;

describe('validator: what passes', () => {
  it('every example under src/examples is valid, or rejected for the reason its header gives', async () => {
    const { files, errors } = await checkAllExamples();
    expect(errors).toEqual([]);
    expect(files).toBeGreaterThan(0);
  });

  it('accepts a minimal VirtualService', async () => {
    expect((await validate(vs(''))).problems).toEqual([]);
  });

  it('accepts several documents and Kubernetes core kinds', async () => {
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
${vs('')}`;
    const r = await validate(text);
    expect(r.problems).toEqual([]);
    expect(r.documents.map((d) => d.kind)).toEqual(['Namespace', 'Service', 'VirtualService']);
  });

  it('accepts older served apiVersions (v1beta1, v1alpha3) for networking kinds', async () => {
    for (const v of ['v1beta1', 'v1alpha3']) {
      const r = await validate(vs('').replace('networking.istio.io/v1', `networking.istio.io/${v}`));
      expect(r.problems).toEqual([]);
    }
  });

  it('accepts free-form IstioOperator meshConfig and values, and knows its components', async () => {
    const text = `apiVersion: install.istio.io/v1alpha1
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
      k8s:
        resources:
          requests:
            cpu: 100m
  values:
    global:
      proxy:
        resources: {}
`;
    expect((await validate(text)).problems).toEqual([]);
  });

  it.runIf(existsSync(join(process.cwd(), '../shared/reference/istio-samples-1.26/bookinfo/networking')))(
    "accepts every one of Istio's own bookinfo samples, networking and platform (reference data, when ../shared is present)",
    async () => {
      const root = join(process.cwd(), '../shared/reference/istio-samples-1.26/bookinfo');
      const files = ['networking', 'platform'].flatMap((d) =>
        readdirSync(join(root, d))
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => `${d}/${f}`),
      );
      expect(files.length).toBeGreaterThan(10);
      for (const f of files) {
        const r = await validateManifest(readFileSync(join(root, f), 'utf8'), f, lookup);
        expect(r.problems.map(formatProblem), f).toEqual([]);
      }
    },
  );
});

describe('validator: what fails, with file, line and field path', () => {
  it('rejects an unknown field (strict), naming line, path and a suggestion', async () => {
    const text = vs('').replace('  - route:', '  - mach:\n    - uri:\n        prefix: /\n    route:');
    const r = await validate(text);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p).toMatchObject({ code: 'unknown-field', path: 'spec.http[0].mach', line: 9, column: 5 });
    expect(p.message).toContain('did you mean "match"');
    expect(formatProblem(p)).toBe(`test.yaml:9:5: unknown-field at spec.http[0].mach: ${p.message}`);
  });

  it('rejects an unknown field deep inside a list of objects', async () => {
    const r = await validate(vs('      weigth: 10\n'));
    expect(r.problems.map((p) => [p.code, p.path, p.line])).toEqual([['unknown-field', 'spec.http[0].route[0].weigth', 12]]);
  });

  it('rejects a wrong type', async () => {
    const r = await validate(vs('    retries:\n      attempts: three\n').replace('    retries', '    retries'));
    // retries sits at the rule level in this snippet
    const text = vs('').replace('  - route:', '  - retries:\n      attempts: three\n    route:');
    const r2 = await validate(text);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r2.problems.map((p) => [p.code, p.path, p.message])).toEqual([['schema', 'spec.http[0].retries.attempts', 'must be integer']]);
    expect(r2.problems[0]!.line).toBe(10);
  });

  it('rejects a wrong enum value and lists the allowed ones', async () => {
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  trafficPolicy:
    loadBalancer:
      simple: FASTEST
`;
    const r = await validate(text);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'schema', path: 'spec.trafficPolicy.loadBalancer.simple', line: 9 });
    expect(r.problems[0]!.message).toContain('"LEAST_REQUEST"');
  });

  it('rejects a missing required field', async () => {
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  subsets:
  - name: v1
`;
    const r = await validate(text);
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([['schema', 'spec.host']]);
    expect(r.problems[0]!.message).toBe('required field "host" is missing');
  });

  it('rejects a missing metadata.name', async () => {
    const r = await validate(vs('').replace('  name: reviews\n', '  namespace: x\n'));
    expect(r.problems.map((p) => p.code)).toContain('missing-name');
  });

  it('rejects a kind Istio 1.26 does not serve at that apiVersion, naming the served ones', async () => {
    const r = await validate(vs('').replace('networking.istio.io/v1', 'networking.istio.io/v2'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'unserved-version', line: 1, path: 'apiVersion' });
    expect(r.problems[0]!.message).toContain('networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3');
    const sec = await validate('apiVersion: security.istio.io/v1alpha1\nkind: AuthorizationPolicy\nmetadata:\n  name: x\nspec: {}\n');
    expect(sec.problems[0]!.code).toBe('unserved-version');
  });

  it('rejects an unknown kind', async () => {
    const r = await validate('apiVersion: networking.istio.io/v1\nkind: VirtualServce\nmetadata:\n  name: x\n');
    expect(r.problems[0]).toMatchObject({ code: 'unknown-kind', line: 2, path: 'kind' });
  });

  it('reports YAML syntax errors with their line', async () => {
    const r = await validate('apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: [unclosed\n');
    expect(r.problems[0]!.code).toBe('yaml-syntax');
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('rejects a document that is not a mapping', async () => {
    const r = await validate('- just\n- a list\n');
    expect(r.problems[0]!.code).toBe('not-an-object');
  });

  it('rejects a route to a subset the DestinationRule in the same file does not define', async () => {
    const text = `${vs('        subset: v3\n')}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
`;
    const r = await validate(text);
    expect(r.problems.map((p) => [p.code, p.path, p.line])).toEqual([['undefined-subset', 'spec.http[0].route[0].destination.subset', 12]]);
    expect(r.problems[0]!.message).toContain('503 NC');
  });

  it('rejects a DENY AuthorizationPolicy without rules, and portLevelMtls without a selector', async () => {
    const deny = await validate('apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: d\nspec:\n  action: DENY\n');
    expect(deny.problems.map((p) => p.code)).toEqual(['rules-required']);
    const pa = await validate('apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\nspec:\n  portLevelMtls:\n    8080:\n      mode: DISABLE\n');
    expect(pa.problems.map((p) => [p.code, p.line])).toEqual([['selector-required', 6]]);
  });

  it('accepts deny-all written as an ALLOW policy with an empty spec', async () => {
    const r = await validate('apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-all\nspec: {}\n');
    expect(r.problems).toEqual([]);
  });
});

describe('example files: annotations and expected failures', () => {
  const file = (header: string, body = vs('        subset: v1\n')) => `${header}\n${body}`;

  it('maps a note to the line and columns of its key in the shown YAML', async () => {
    const r = await checkExampleText(file('# @note spec.http[0].route[0].destination.host\n#   The service.'), 'x.yaml');
    expect(r.errors).toEqual([]);
    const body = r.header!.body.split('\n');
    const n = r.notes[0]!;
    expect(body[n.line - 1]!.slice(n.column - 1, n.endColumn - 1)).toBe('host');
    expect(n.apiDescription).toBe('The name of a service from the service registry.');
  });

  it('fails when a note points at a path that is not in the YAML', async () => {
    const r = await checkExampleText(file('# @note spec.http[0].match[0].uri\n#   Nothing here.'), 'x.yaml');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^x\.yaml:1: bad-annotation: .*spec\.http\[0\]\.match\[0\]\.uri/);
  });

  it('fails when a note names a document the file does not have', async () => {
    const r = await checkExampleText(file('# @note 2 spec.host\n#   No second document.'), 'x.yaml');
    expect(r.errors[0]).toContain('bad-annotation');
  });

  it('fails when a file marked broken on purpose is not rejected', async () => {
    const r = await checkExampleText(file('# @expect-invalid undefined-subset\n#   Should fail but does not.'), 'x.yaml');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('not-rejected');
  });

  it('fails when a broken example is rejected for another reason than the one it states', async () => {
    const body = vs('      wieght: 5\n');
    const r = await checkExampleText(file('# @expect-invalid undefined-subset\n#   Wrong reason.', body), 'x.yaml');
    expect(r.errors.some((e) => e.includes('unknown-field'))).toBe(true);
    expect(r.errors.some((e) => e.includes('not-rejected'))).toBe(true);
  });

  it('passes a broken example that is rejected for the stated reason and path', async () => {
    const body = vs('      wieght: 5\n');
    const r = await checkExampleText(file('# @expect-invalid unknown-field spec.http[0].route[0].wieght\n#   A typo.', body), 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.expected.map((p) => p.code)).toEqual(['unknown-field']);
  });

  it('reports a malformed header with its line', async () => {
    const r = await checkExampleText('# @title A\n# @colour red\n' + vs(''), 'x.yaml');
    expect(r.errors[0]).toBe('x.yaml:2: bad-header: unknown directive @colour (known: @title, @note, @expect-invalid)');
  });
});
