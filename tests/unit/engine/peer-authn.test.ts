import { describe, expect, it } from 'vitest';
import { resolvePeerAuthentication, resolvePeerGrid, type PeerDecision, type PeerWorkload } from '../../../src/lib/istio';
import { doc, expectOk } from './load';

function pa(name: string, namespace: string, spec: string, created?: string): unknown {
  return doc(`apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: ${name}
  namespace: ${namespace}
${created ? `  creationTimestamp: "${created}"\n` : ''}spec:
${spec
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`);
}

const web: PeerWorkload = { name: 'web', namespace: 'shop', labels: { app: 'web' } };

function resolve(policies: unknown[], workload: PeerWorkload = web, port?: number): PeerDecision {
  return expectOk(resolvePeerAuthentication(port === undefined ? { policies, workload } : { policies, workload, port })).decision;
}

const meshStrict = pa('default', 'istio-system', 'mtls: { mode: STRICT }');
const nsPermissive = pa('default', 'shop', 'mtls: { mode: PERMISSIVE }');

describe('peer authentication: levels', () => {
  it('no PeerAuthentication at all → PERMISSIVE by default', () => {
    const d = resolve([]);
    expect(d.mode).toBe('PERMISSIVE');
    expect(d.level).toBe('default');
    expect(d.policy).toBeNull();
  });
  it('a mesh policy (root namespace, no selector) applies to every namespace', () => {
    const d = resolve([meshStrict]);
    expect(d.mode).toBe('STRICT');
    expect(d.level).toBe('mesh');
    expect(d.policy?.namespace).toBe('istio-system');
  });
  it('the namespace policy overrides the mesh policy', () => {
    const d = resolve([meshStrict, nsPermissive]);
    expect(d.mode).toBe('PERMISSIVE');
    expect(d.level).toBe('namespace');
  });
  it('a namespace policy of another namespace does not apply', () => {
    expect(resolve([meshStrict, pa('default', 'other', 'mtls: { mode: DISABLE }')]).mode).toBe('STRICT');
  });
  it('the workload policy (selector) overrides the namespace policy', () => {
    const w = pa('web', 'shop', 'selector: { matchLabels: { app: web } }\nmtls: { mode: STRICT }');
    const d = resolve([nsPermissive, w]);
    expect(d.mode).toBe('STRICT');
    expect(d.level).toBe('workload');
  });
  it('a workload policy whose selector does not match does not apply', () => {
    const w = pa('db', 'shop', 'selector: { matchLabels: { app: db } }\nmtls: { mode: DISABLE }');
    expect(resolve([meshStrict, w]).mode).toBe('STRICT');
  });
  it('a selector policy in another namespace does not apply', () => {
    const w = pa('web', 'other', 'selector: { matchLabels: { app: web } }\nmtls: { mode: DISABLE }');
    expect(resolve([meshStrict, w]).mode).toBe('STRICT');
  });
  it('a selector policy in the root namespace is ignored', () => {
    const w = pa('web', 'istio-system', 'selector: { matchLabels: { app: web } }\nmtls: { mode: DISABLE }');
    const d = resolve([meshStrict, w]);
    expect(d.mode).toBe('STRICT');
    expect(d.ignored[0]?.reason).toMatch(/root namespace/);
  });
  it('the root namespace can be changed', () => {
    const r = resolvePeerAuthentication({ policies: [pa('default', 'mesh-config', 'mtls: { mode: STRICT }')], workload: web, rootNamespace: 'mesh-config' });
    expect(r.ok && r.decision.level).toBe('mesh');
  });
});

describe('peer authentication: UNSET inheritance', () => {
  it('UNSET at namespace level inherits the mesh mode', () => {
    const d = resolve([meshStrict, pa('default', 'shop', 'mtls: { mode: UNSET }')]);
    expect(d.mode).toBe('STRICT');
    expect(d.level).toBe('mesh');
    expect(d.chain.find((c) => c.level === 'namespace')?.applied).toBe(false);
  });
  it('a missing mtls field counts as UNSET', () => {
    expect(resolve([meshStrict, pa('default', 'shop', '{}')]).mode).toBe('STRICT');
  });
  it('UNSET everywhere → PERMISSIVE', () => {
    expect(resolve([pa('default', 'istio-system', 'mtls: { mode: UNSET }')]).mode).toBe('PERMISSIVE');
  });
  it('an UNSET workload policy inherits the namespace mode', () => {
    const w = pa('web', 'shop', 'selector: { matchLabels: { app: web } }\nmtls: { mode: UNSET }');
    const d = resolve([meshStrict, pa('default', 'shop', 'mtls: { mode: DISABLE }'), w]);
    expect(d.mode).toBe('DISABLE');
    expect(d.level).toBe('namespace');
  });
});

describe('peer authentication: oldest wins', () => {
  it('oldest PeerAuthentication wins at one level (creationTimestamp)', () => {
    const newer = pa('b-newer', 'shop', 'mtls: { mode: DISABLE }', '2025-02-01T00:00:00Z');
    const older = pa('a-older', 'shop', 'mtls: { mode: STRICT }', '2025-01-01T00:00:00Z');
    const d = resolve([newer, older]);
    expect(d.mode).toBe('STRICT');
    expect(d.policy?.name).toBe('a-older');
    expect(d.chain.find((c) => c.level === 'namespace')?.shadowed.map((s) => s.name)).toEqual(['b-newer']);
  });
  it('oldest wins regardless of input order', () => {
    const older = pa('z', 'shop', 'mtls: { mode: DISABLE }', '2024-01-01T00:00:00Z');
    const newer = pa('a', 'shop', 'mtls: { mode: STRICT }', '2025-01-01T00:00:00Z');
    expect(resolve([newer, older]).mode).toBe('DISABLE');
  });
  it('oldest wins among workload policies too', () => {
    const a = pa('w1', 'shop', 'selector: { matchLabels: { app: web } }\nmtls: { mode: STRICT }', '2025-03-01T00:00:00Z');
    const b = pa('w2', 'shop', 'selector: { matchLabels: { app: web } }\nmtls: { mode: DISABLE }', '2025-01-01T00:00:00Z');
    expect(resolve([a, b]).policy?.name).toBe('w2');
  });
  it('same creationTimestamp: the name decides', () => {
    const t = '2025-01-01T00:00:00Z';
    expect(resolve([pa('b', 'shop', 'mtls: { mode: DISABLE }', t), pa('a', 'shop', 'mtls: { mode: STRICT }', t)]).policy?.name).toBe('a');
  });
  it('without creationTimestamp the order given counts as creation order', () => {
    expect(resolve([pa('first', 'shop', 'mtls: { mode: STRICT }'), pa('second', 'shop', 'mtls: { mode: DISABLE }')]).policy?.name).toBe('first');
  });
  it('a bad creationTimestamp names the field', () => {
    const r = resolvePeerAuthentication({ policies: [pa('x', 'shop', '{}', 'yesterday')], workload: web });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('metadata.creationTimestamp');
  });
});

describe('peer authentication: portLevelMtls', () => {
  const wl = (ports: string, mode = 'STRICT') => pa('web', 'shop', `selector: { matchLabels: { app: web } }\nmtls: { mode: ${mode} }\nportLevelMtls:\n${ports}`);
  it('portLevelMtls overrides the workload mode on that port', () => {
    const p = wl('  8080: { mode: DISABLE }');
    const d = resolve([p], web, 8080);
    expect(d.mode).toBe('DISABLE');
    expect(d.level).toBe('port');
    expect(resolve([p], web, 9090).mode).toBe('STRICT');
  });
  it('portLevelMtls keys are container ports: another port keeps the workload mode', () => {
    const d = resolve([wl('  8080: { mode: PERMISSIVE }')], web, 80);
    expect(d.mode).toBe('STRICT');
    expect(d.notes.join(' ')).toMatch(/container ports/);
  });
  it('an UNSET port inherits the workload mode', () => {
    const d = resolve([meshStrict, wl('  8080: { mode: UNSET }', 'PERMISSIVE')], web, 8080);
    expect(d.mode).toBe('PERMISSIVE');
    expect(d.level).toBe('workload');
  });
  it('an UNSET port under an UNSET workload inherits the namespace mode', () => {
    const d = resolve([pa('default', 'shop', 'mtls: { mode: DISABLE }'), wl('  8080: { mode: UNSET }', 'UNSET')], web, 8080);
    expect(d.mode).toBe('DISABLE');
  });
  it('portLevelMtls without a selector is rejected and ignored', () => {
    const p = pa('default', 'shop', 'mtls: { mode: STRICT }\nportLevelMtls:\n  8080: { mode: DISABLE }');
    const d = resolve([p], web, 8080);
    expect(d.mode).toBe('PERMISSIVE');
    expect(d.ignored[0]?.reason).toMatch(/selector/);
  });
  it('a portLevelMtls key that is not a port names the field', () => {
    const r = resolvePeerAuthentication({ policies: [wl('  http: { mode: DISABLE }')], workload: web, port: 80 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.portLevelMtls.http');
  });
  it('an unknown mode names the field', () => {
    const r = resolvePeerAuthentication({ policies: [pa('x', 'shop', 'mtls: { mode: MUTUAL }')], workload: web });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('spec.mtls.mode');
  });
});

describe('peer authentication: grid', () => {
  it('gives one cell per workload port, each resolved on its own', () => {
    const p = pa('web', 'shop', 'selector: { matchLabels: { app: web } }\nportLevelMtls:\n  9000: { mode: DISABLE }');
    const r = resolvePeerGrid({
      policies: [meshStrict, p],
      workloads: [
        { name: 'web', namespace: 'shop', labels: { app: 'web' }, ports: [8080, 9000] },
        { name: 'db', namespace: 'data', labels: { app: 'db' }, ports: [5432] },
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.cells.map((c) => [c.workload, c.port, c.decision.mode])).toEqual([
      ['web', 8080, 'STRICT'],
      ['web', 9000, 'DISABLE'],
      ['db', 5432, 'STRICT'],
    ]);
  });
});
