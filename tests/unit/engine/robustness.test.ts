import { describe, expect, it } from 'vitest';
import { evaluateAuthz, evaluateJwt, resolvePeerAuthentication, routeHttp, simulateOutlierDetection } from '../../../src/lib/istio';
import { createRandom } from '../../../src/lib/istio';
import { docs } from './load';

function bigVirtualService(bytes: number): string {
  let text = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: big\nspec:\n  hosts: [svc]\n  http:\n';
  let i = 0;
  while (text.length < bytes) {
    text += `  - name: rule-${i}\n    match:\n    - uri: { regex: "/v${i}/(a+)+b" }\n      headers: { x-user-${i}: { prefix: "user" } }\n    - queryParams: { id: { exact: "${i}" } }\n    route:\n    - destination: { host: svc }\n`;
    i++;
  }
  return text + '  - route:\n    - destination: { host: svc }\n';
}

describe('bad input never throws', () => {
  const garbage: unknown[] = [null, undefined, 0, 'text', [], [1, 2], { kind: 'VirtualService' }, { kind: 'VirtualService', spec: 5 }, { kind: 'VirtualService', spec: { hosts: 'svc' } }];
  it('routeHttp returns a typed error for every malformed VirtualService', () => {
    for (const g of garbage) {
      const r = routeHttp({ virtualService: g, request: {} });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
    }
  });
  it('the wrong kind names the kind field', () => {
    const r = routeHttp({ virtualService: { kind: 'DestinationRule', metadata: { name: 'x' }, spec: {} }, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('kind');
      expect(r.error.message).toMatch(/expected VirtualService/);
    }
  });
  it('a bad request field is reported against the request', () => {
    const vs = { kind: 'VirtualService', metadata: { name: 'x' }, spec: { hosts: ['svc'], http: [{ route: [{ destination: { host: 'svc' } }] }] } };
    const r = routeHttp({ virtualService: vs, request: { headers: { a: { b: 1 } } as unknown as Record<string, string> } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.source).toBe('request');
  });
  it('authz, peer-authn, jwt and outlier detection return errors for garbage', () => {
    for (const g of garbage) {
      expect(evaluateAuthz({ policies: [g], workload: { namespace: 'a' }, request: {} }).ok).toBe(false);
      expect(resolvePeerAuthentication({ policies: [g], workload: { namespace: 'a' } }).ok).toBe(false);
      expect(evaluateJwt({ requestAuthentications: [g], workload: { namespace: 'a' }, token: { state: 'none' } }).ok).toBe(false);
    }
    expect(simulateOutlierDetection({ hosts: [], durationMs: 1 }).ok).toBe(false);
    expect(simulateOutlierDetection({ hosts: ['a'], durationMs: -5 }).ok).toBe(false);
  });
  it('random structures never make an engine function throw (seeded fuzz)', () => {
    const rnd = createRandom('fuzz');
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const leaf = () => pick<unknown>([null, 1, -1, 'x', '', true, [], {}, '(?=a)', '10.0.0.0/99', 'STRICT', 'GET']);
    const gen = (depth: number): unknown => {
      if (depth === 0 || rnd() < 0.3) return leaf();
      if (rnd() < 0.5) return Array.from({ length: Math.floor(rnd() * 3) }, () => gen(depth - 1));
      const keys = ['kind', 'spec', 'http', 'match', 'route', 'destination', 'host', 'subset', 'uri', 'headers', 'rules', 'from', 'to', 'source', 'operation', 'mtls', 'mode', 'selector', 'jwtRules', 'weight', 'metadata'];
      const o: Record<string, unknown> = {};
      for (let i = 0; i < 4; i++) o[pick(keys)] = gen(depth - 1);
      return o;
    };
    for (let i = 0; i < 300; i++) {
      const g = gen(6);
      expect(() => routeHttp({ virtualService: g, destinationRules: [gen(4)], request: {} })).not.toThrow();
      expect(() => evaluateAuthz({ policies: [g], workload: { namespace: 'a' }, request: {} })).not.toThrow();
      expect(() => resolvePeerAuthentication({ policies: [g], workload: { namespace: 'a' } })).not.toThrow();
      expect(() => evaluateJwt({ requestAuthentications: [g], workload: { namespace: 'a' }, token: { state: 'valid', iss: 'i', sub: 's' } })).not.toThrow();
    }
  });
  it('deeply nested YAML is handled (no stack overflow, a typed error)', () => {
    const deep = `kind: VirtualService\nmetadata: { name: x }\nspec:\n  hosts: [svc]\n  http:\n  - match:\n    - uri: ${'['.repeat(500)}${']'.repeat(500)}\n    route: [{ destination: { host: svc } }]\n`;
    const [v] = docs(deep);
    const r = routeHttp({ virtualService: v, request: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.http[0].match[0].uri');
  });
});

describe('hostile input is answered, not hung (timings: npm run bench)', () => {
  it('a 64 KB VirtualService with pathological-looking regexes is parsed and routed by the right rule', () => {
    const text = bigVirtualService(64 * 1024);
    expect(text.length).toBeGreaterThanOrEqual(64 * 1024);
    const request = { path: `/v1/${'a'.repeat(5000)}b`, headers: { 'x-user-1': 'userx' } };
    const [v] = docs(text);
    const r = routeHttp({ virtualService: v, request });
    expect(r.ok && r.decision.outcome).toBe('routed');
    expect(r.ok && r.decision.rule?.name).toBe('rule-1');
  });
  it('RE2 has no catastrophic backtracking: (a+)+b against 100,000 a characters returns no-route', () => {
    const vs = { kind: 'VirtualService', metadata: { name: 'x' }, spec: { hosts: ['svc'], http: [{ match: [{ uri: { regex: '(a+)+b' } }], route: [{ destination: { host: 'svc' } }] }] } };
    const r = routeHttp({ virtualService: vs, request: { path: 'a'.repeat(100_000) } });
    expect(r.ok && r.decision.outcome).toBe('no-route');
  });
});
