/**
 * Engine timings for npm run bench: how long the semantics engine and the route simulator's model take on
 * large and hostile input (64 KB of rules, a regex that backtracking engines choke on, the pastes that once
 * froze the page). Reported, not asserted: the unit tests check the answers, this measures the time on this
 * machine. Best of several runs. In the browser the model runs in a Worker, so these are not main-thread
 * times.
 */
import { parseYaml } from '../src/lib/yaml/paths';
import { routeHttp } from '../src/lib/istio';
// The model only: the presets import example files with Vite's ?raw, which tsx cannot load.
import { computeRoute, exampleRequest } from '../src/components/sim/route/model';

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    if (i > 0 || runs === 1) min = Math.min(min, ms);
  }
  return Math.round(min * 10) / 10;
}

function bigVirtualService(bytes: number): string {
  let text = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: big\nspec:\n  hosts: [svc]\n  http:\n';
  for (let i = 0; text.length < bytes; i++) {
    text += `  - name: rule-${i}\n    match:\n    - uri: { regex: "/v${i}/(a+)+b" }\n      headers: { x-user-${i}: { prefix: "user" } }\n    - queryParams: { id: { exact: "${i}" } }\n    route:\n    - destination: { host: svc }\n`;
  }
  return text + '  - route:\n    - destination: { host: svc }\n';
}

export function measureEngine(): Array<{ scenario: string; 'best ms': number; budget: string }> {
  const text = bigVirtualService(64 * 1024);
  const request = { path: `/v1/${'a'.repeat(5000)}b`, headers: { 'x-user-1': 'userx' } };
  const parseAndRoute = best(8, () => {
    const v = parseYaml(text).documents[0]!.toJS() as unknown;
    routeHttp({ virtualService: v, request });
  });
  const pathological = best(4, () => {
    routeHttp({
      virtualService: { kind: 'VirtualService', metadata: { name: 'x' }, spec: { hosts: ['svc'], http: [{ match: [{ uri: { regex: '(a+)+b' } }], route: [{ destination: { host: 'svc' } }] }] } },
      request: { path: 'a'.repeat(100_000) },
    });
  });
  let yaml = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n';
  for (let i = 0; yaml.length < 64 * 1024; i++) {
    yaml += `  - match:\n    - uri:\n        regex: "/v${i}/(a+)+$"\n      headers:\n        x-user:\n          prefix: "u${i}"\n    route:\n    - destination:\n        host: reviews\n`;
  }
  const simulator = best(8, () => {
    computeRoute({ ...exampleRequest, yaml, headers: 'x-user: zzz', path: `/v3/${'a'.repeat(2000)}` });
  });
  const hostile = measureHostile();
  return [
    ...hostile,
    { scenario: 'parse + route a 64 KB VirtualService', 'best ms': parseAndRoute, budget: '< 100 ms' },
    { scenario: 'regex (a+)+b against 100,000 characters', 'best ms': pathological, budget: '< 100 ms' },
    { scenario: 'route simulator: 64 KB YAML, route, 1,000 samples, view', 'best ms': simulator, budget: '< 100 ms' },
  ];
}

/** The pastes of issue #10 through the route simulator's model: each must end fast with a message. */
function measureHostile(): Array<{ scenario: string; 'best ms': number; budget: string }> {
  const base = exampleRequest;
  const head = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: big\nspec:\n  hosts: [reviews]\n  http:\n';
  const rule = (regex: string) => `  - match:\n    - uri: { regex: "${regex}" }\n    route: [{ destination: { host: reviews } }]\n`;
  const cases: Array<[string, () => unknown]> = [
    ['hostile: 1,000 rules of regex (.*){1000}N', () => computeRoute({ ...base, yaml: head + rule('(.*){1000}N').repeat(1000), path: `/${'a'.repeat(100)}` })],
    ['hostile: (.*){1000}N against a 100,000-character path', () => computeRoute({ ...base, yaml: head + rule('(.*){1000}N'), path: `/${'a'.repeat(100_000)}` })],
    ['hostile: 65,000 empty documents', () => computeRoute({ ...base, yaml: '---\n'.repeat(65_000) })],
    ['hostile: 120,000 nested brackets', () => computeRoute({ ...base, yaml: `${head}  - match: ${'['.repeat(120_000)}${']'.repeat(120_000)}` })],
  ];
  return cases.map(([scenario, fn]) => ({ scenario, 'best ms': best(2, fn), budget: '< 1000 ms, with a message' }));
}
