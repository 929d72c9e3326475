import { describe, expect, it } from 'vitest';
import { computeMtls, parseWorkloads } from '../../../src/components/sim/mtls/model';
import { mtlsPresets } from '../../../src/components/sim/mtls/presets';
import { toHtml } from '../../../src/components/sim/kit/vnode';

const preset = (id: string) => mtlsPresets.find((p) => p.id === id)!.fields;
const modes = (r: ReturnType<typeof computeMtls>) => (r.ok ? r.cells.map((c) => `${c.namespace}/${c.workload}:${c.port}=${c.decision.mode}`) : []);

describe('mTLS scope resolver model', () => {
  it('typos the API server refuses are refused, not read as UNSET or a second namespace-wide policy', () => {
    const base = preset('port-exception');
    const mtls = computeMtls({ ...base, yaml: base.yaml.replace('  mtls:', '  mTLS:') });
    expect(mtls.ok).toBe(false);
    if (!mtls.ok) expect(mtls.message).toMatch(/unknown field "spec\.mTLS"/);
    const labels = computeMtls({ ...base, yaml: base.yaml.replace('matchLabels:', 'matchlabels:') });
    expect(labels.ok).toBe(false);
    if (!labels.ok) expect(labels.message).toMatch(/unknown field "spec\.selector\.matchlabels"/);
    const mode = computeMtls({ ...base, yaml: base.yaml.replace('mode: STRICT', 'mode: STRICTLY') });
    expect(mode.ok).toBe(false);
    if (!mode.ok) expect(mode.message).toMatch(/Unsupported value: "STRICTLY"/);
  });
  it('every preset evaluates', () => {
    for (const p of mtlsPresets) expect(computeMtls(p.fields).ok, p.id).toBe(true);
  });
  it('mesh STRICT with legacy PERMISSIVE: the namespace policy overrides the mesh for legacy only', () => {
    expect(modes(computeMtls(preset('mesh-strict-legacy')))).toEqual(['shop/web:8080=STRICT', 'shop/web:9090=STRICT', 'shop/orders:8080=STRICT', 'legacy/billing:8080=PERMISSIVE']);
  });
  it('port exception: portLevelMtls 9090 PERMISSIVE, 8080 inherits STRICT through UNSET', () => {
    expect(modes(computeMtls(preset('port-exception')))).toEqual(['shop/web:8080=STRICT', 'shop/web:9090=PERMISSIVE', 'shop/orders:8080=STRICT', 'legacy/billing:8080=STRICT']);
  });
  it('oldest wins: the PERMISSIVE policy created first decides for shop', () => {
    const r = computeMtls(preset('oldest-wins'));
    expect(modes(r)).toContain('shop/web:8080=PERMISSIVE');
  });
  it('a selector in the root namespace is ignored: everything stays PERMISSIVE by default', () => {
    const r = computeMtls(preset('root-selector'));
    expect(modes(r).every((m) => m.endsWith('PERMISSIVE'))).toBe(true);
    expect(r.ok && toHtml(r.view)).toMatch(/Ignored policies/);
  });
  it('cells that changed since the previous result are marked', () => {
    const before = computeMtls(preset('mesh-strict-legacy'));
    const after = computeMtls({ ...preset('mesh-strict-legacy'), yaml: preset('mesh-strict-legacy').yaml.replace('mode: PERMISSIVE', 'mode: DISABLE') }, before.ok ? before.state : undefined);
    expect(after.ok && after.verdict).toMatch(/1 changed/);
    expect(after.ok && toHtml(after.view)).toContain('(was PERMISSIVE)');
  });
  it('workload lines are checked and named', () => {
    expect(parseWorkloads('shop/web app=web 8080').ok).toBe(true);
    const bad = parseWorkloads('shop/web app=web\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/line 1/);
    const r = computeMtls({ ...preset('port-exception'), workloads: 'web 8080' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic.source.input).toBe('workloads');
  });
  it('a bad mode names the YAML line', () => {
    const r = computeMtls({ ...preset('mesh-strict-legacy'), yaml: preset('mesh-strict-legacy').yaml.replace('mode: STRICT', 'mode: MUTUAL') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic.line).toBe(8);
  });
});
