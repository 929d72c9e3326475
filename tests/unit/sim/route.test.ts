import { describe, expect, it } from 'vitest';
import { computeRoute } from '../../../src/components/sim/route/model';
import { routePresets, defaultRoutePreset } from '../../../src/components/sim/route/presets';
import { toHtml } from '../../../src/components/sim/kit/vnode';

const f = defaultRoutePreset.fields;

describe('route simulator model', () => {
  it('every preset evaluates (the page renders them at build time)', () => {
    for (const p of routePresets) expect(computeRoute(p.fields).ok, p.id).toBe(true);
  });
  it('the header preset: jason goes to v2 by rule 0, others to v1 by rule 1', () => {
    const a = computeRoute(f);
    expect(a.ok && a.verdict).toBe('Routed by rule 0 to reviews v2');
    const b = computeRoute({ ...f, headers: 'end-user: mary' });
    expect(b.ok && b.verdict).toBe('Routed by rule 1 to reviews v1');
  });
  it('the missing-subset preset is 503 NC', () => {
    const p = routePresets.find((x) => x.id === 'missing-subset')!;
    const r = computeRoute(p.fields);
    expect(r.ok && r.verdict).toMatch(/503 NC/);
  });
  it('the wrong-order preset: /api/v2 is caught by the /api rule', () => {
    const p = routePresets.find((x) => x.id === 'uri-order')!;
    const r = computeRoute(p.fields);
    expect(r.ok && r.decision.rule?.index).toBe(0);
  });
  it('the winning rule lines are marked in the YAML view', () => {
    const r = computeRoute(f);
    expect(r.ok).toBe(true);
    if (r.ok) expect(toHtml(r.view)).toContain('The winning rule is highlighted: lines 9–17');
  });
  it('a route without retries shows the default policy and that 503 is not retried (Istio 1.24+)', () => {
    const r = computeRoute(f);
    expect(r.ok).toBe(true);
    if (r.ok) expect(toHtml(r.view)).toMatch(/2 retries \(3 tries in all\), the default; retryOn connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes \(its status-code list is empty since Istio 1\.24: a 503 answer is not retried\)/);
  });
  it('invalid YAML names the line', () => {
    const r = computeRoute({ ...f, yaml: 'kind: VirtualService\nspec:\n  hosts: [a\n' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/line \d+/);
  });
  it('the wrong kind is named', () => {
    const r = computeRoute({ ...f, yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: x }\n' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/no VirtualService found \(found Service\)/);
  });
  it('a regex istiod refuses stops the simulator with istiod\'s message at the regex\'s line', () => {
    const yaml = f.yaml.replace('exact: jason', 'regex: "(?=j)ason"');
    const r = computeRoute({ ...f, yaml });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic.line).toBe(13);
      expect(r.diagnostic.source).toEqual({ input: 'yaml', index: 0, path: 'spec.http[0].match[0].headers.end-user.regex' });
      expect(r.message).toMatch(/line 13, spec\.http\[0\]\.match\[0\]\.headers\.end-user\.regex: admission webhook "validation\.istio\.io" denied the request: .*error parsing regexp/);
    }
  });
  it('a typo the API server refuses (matchs) is not read as a catch-all rule', () => {
    const r = computeRoute({ ...f, yaml: f.yaml.replace('    match:', '    matchs:') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/unknown field "spec\.http\[0\]\.matchs"/);
  });
  it('an enum value the API server refuses (ROUND_ROBBIN) is refused with kubectl\'s message', () => {
    const dr = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews}\nspec:\n  host: reviews\n  trafficPolicy:\n    loadBalancer: {simple: ROUND_ROBBIN}\n';
    const r = computeRoute({ ...f, yaml: `${f.yaml}\n---\n${dr}` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Unsupported value: "ROUND_ROBBIN"/);
  });
  it('markup in a header value stays text in the rendered HTML', () => {
    const r = computeRoute({ ...f, headers: 'end-user: <script>alert(1)</script>' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const html = toHtml(r.view);
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;');
    }
  });
  it('a bad header line names the line', () => {
    const r = computeRoute({ ...f, headers: 'end-user: jason\nnot a header' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('Headers, line 2: write one header per line as name: value');
  });
  it('more than 256 KB is refused with a message', () => {
    const r = computeRoute({ ...f, yaml: `${f.yaml}\n#${'x'.repeat(300 * 1024)}` });
    expect(r.ok).toBe(false);
  });
  it('the sampled bar is the same for the same input (seeded)', () => {
    const p = routePresets.find((x) => x.id === 'split')!;
    const a = computeRoute(p.fields);
    const b = computeRoute(p.fields);
    expect(a.ok && b.ok && a.sample.byDestination).toEqual(b.ok ? b.sample.byDestination : null);
  });
});

describe('route simulator model: hostile input', () => {
  it('deeply nested YAML gives a message, not a crash', () => {
    const r = computeRoute({ ...f, yaml: `kind: VirtualService\nspec: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
  });
  it("the simulator's bounds, read by the checker's reader, each give their message and line", () => {
    const over = (yaml: string) => {
      const r = computeRoute({ ...f, yaml });
      if (r.ok) throw new Error('expected a refusal');
      return [r.diagnostic.code, r.diagnostic.line, r.message];
    };
    expect(over('---\n'.repeat(150))).toEqual(['too-many-documents', 101, 'YAML, line 101: More than 100 YAML documents: the simulator reads at most 100.']);
    const deep = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(over(`${deep} x\n`)[0]).toBe('too-deep');
    expect(over(`a: ${'['.repeat(65)}${']'.repeat(65)}\n`)).toEqual(['too-deep', 1, 'YAML, line 1: Brackets or indentation nest more than 64 levels deep: the simulator reads at most 64.']);
  });
  it('a YAML alias bomb is refused', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';
    const r = computeRoute({ ...f, yaml: bomb });
    expect(r.ok).toBe(false);
  });
  it('64 KB of rules: parse, route, sample 1,000 requests and build the view (timing: npm run bench)', () => {
    let yaml = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n';
    for (let i = 0; yaml.length < 64 * 1024; i++) yaml += `  - match:\n    - uri:\n        regex: "/v${i}/(a+)+$"\n      headers:\n        x-user:\n          prefix: "u${i}"\n    route:\n    - destination:\n        host: reviews\n`;
    const r = computeRoute({ ...f, yaml, headers: 'x-user: zzz', path: `/v3/${'a'.repeat(200)}` });
    expect(r.ok && r.verdict).toBe('404 NR: no rule matches');
  });
  it('rule: the same rules against a 2,000-character path stop at the regex work limit, with a message on the YAML', () => {
    let yaml = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n';
    for (let i = 0; yaml.length < 64 * 1024; i++) yaml += `  - match:\n    - uri:\n        regex: "/v${i}/(a+)+$"\n    route:\n    - destination:\n        host: reviews\n`;
    const r = computeRoute({ ...f, yaml, path: `/v7/${'a'.repeat(2000)}!` });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic.code).toBe('work-limit');
      expect(r.message).toMatch(/Regex work limit reached/);
    }
  });

});
