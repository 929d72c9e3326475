/**
 * PeerAuthentication resolution (Istio 1.26, pilot/pkg/security/authn/policy_applier.go): the mesh policy
 * (root namespace, no selector), the namespace policy (no selector), the workload policy (selector, same
 * namespace) — the oldest wins at each level; each level overrides the one above unless its mode is UNSET;
 * nothing set = PERMISSIVE. A selector policy in the root namespace is ignored. `portLevelMtls` (workload
 * policies only) is keyed by the workload's container port; an UNSET port inherits the workload's mode.
 */
import type { PolicyRef } from './trace';
import { labelsMatch, readResource, Reader } from './reader';
import { guard, type EngineResult, type PathSegment } from './result';

export type MtlsMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT';
export type EffectiveMode = Exclude<MtlsMode, 'UNSET'>;
export type PeerLevel = 'mesh' | 'namespace' | 'workload' | 'port' | 'default';

export interface PeerWorkload {
  name?: string;
  namespace: string;
  labels?: Record<string, string>;
}

export interface PeerInput {
  policies: unknown[];
  workload: PeerWorkload;
  /** A container port of the workload; absent = the workload-wide mode. */
  port?: number;
  rootNamespace?: string;
}

/** A PeerAuthentication the decision refers to (its creation time decides between two at one level). */
export interface PeerPolicyRef extends PolicyRef {
  creationTimestamp?: string;
}

export interface LevelStep {
  level: Exclude<PeerLevel, 'default'>;
  policy: PeerPolicyRef | null;
  /** Mode written at this level (UNSET when the field is missing). */
  mode: MtlsMode | null;
  /** Path of the field that set it, inside the policy. */
  path: PathSegment[];
  /** Did this level change the result? */
  applied: boolean;
  reason: string;
  /** Other policies at the same level that lost to the oldest one. */
  shadowed: PeerPolicyRef[];
}

export interface PeerDecision {
  mode: EffectiveMode;
  level: PeerLevel;
  policy: PeerPolicyRef | null;
  summary: string;
  chain: LevelStep[];
  ignored: { policy: PeerPolicyRef; reason: string }[];
  notes: string[];
}

const MODES: MtlsMode[] = ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'];

interface Pa {
  ref: PeerPolicyRef;
  ts: number;
  order: number;
  selector: Record<string, string> | undefined;
  mode: MtlsMode;
  ports: Map<number, MtlsMode>;
  path: PathSegment[];
}

function readMode(r: Reader): MtlsMode {
  if (r.isMissing()) return 'UNSET';
  r.dict();
  const m = r.child('mode');
  if (m.isMissing()) return 'UNSET';
  const v = m.scalar();
  if (!MODES.includes(v as MtlsMode)) throw m.err(`${m.where} must be one of ${MODES.join(', ')}, got ${v}`);
  return v as MtlsMode;
}

function readPa(raw: unknown, index: number): Pa {
  const r = new Reader(raw, 'policies', [], index);
  const meta = readResource(r, ['PeerAuthentication']);
  const spec = r.child('spec');
  spec.optDict();
  const selR = spec.child('selector');
  const selector = selR.isMissing() ? undefined : selR.child('matchLabels').labels();
  const mode = readMode(spec.child('mtls'));
  const ports = new Map<number, MtlsMode>();
  for (const key of spec.child('portLevelMtls').keys()) {
    const port = Number(key);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw spec.err(`portLevelMtls key ${key} is not a port number`, ['portLevelMtls', key]);
    ports.set(port, readMode(spec.child('portLevelMtls').child(key)));
  }
  let ts = Number.POSITIVE_INFINITY;
  if (meta.creationTimestamp !== undefined) {
    ts = Date.parse(meta.creationTimestamp);
    if (Number.isNaN(ts)) throw r.err(`metadata.creationTimestamp is not a date: ${meta.creationTimestamp}`, ['metadata', 'creationTimestamp']);
  }
  const ref: PeerPolicyRef = { index, name: meta.name, namespace: meta.namespace };
  if (meta.creationTimestamp !== undefined) ref.creationTimestamp = meta.creationTimestamp;
  return { ref, ts, order: index, selector: selector && Object.keys(selector).length > 0 ? selector : undefined, mode, ports, path: r.path };
}

/** Oldest first: creationTimestamp, then name, then namespace; without timestamps, input order. */
function olderFirst(a: Pa, b: Pa): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  if (Number.isFinite(a.ts)) {
    if (a.ref.name !== b.ref.name) return a.ref.name < b.ref.name ? -1 : 1;
    if (a.ref.namespace !== b.ref.namespace) return a.ref.namespace < b.ref.namespace ? -1 : 1;
  }
  return a.order - b.order;
}

function resolve(policies: Pa[], workload: PeerWorkload, port: number | undefined, root: string): PeerDecision {
  const labels = workload.labels ?? {};
  const ignored: PeerDecision['ignored'] = [];
  const mesh: Pa[] = [];
  const ns: Pa[] = [];
  const wl: Pa[] = [];
  const notes: string[] = [];
  for (const p of policies) {
    if (p.ports.size > 0 && !p.selector) {
      ignored.push({ policy: p.ref, reason: 'portLevelMtls without a selector is rejected by validation' });
      continue;
    }
    if (p.selector) {
      if (p.ref.namespace === root) {
        ignored.push({ policy: p.ref, reason: `a policy with a selector in the root namespace (${root}) is ignored` });
        continue;
      }
      if (p.ref.namespace !== workload.namespace) continue;
      if (labelsMatch(p.selector, labels)) wl.push(p);
      continue;
    }
    if (p.ref.namespace === root) mesh.push(p);
    else if (p.ref.namespace === workload.namespace) ns.push(p);
  }
  const pick = (list: Pa[]) => [...list].sort(olderFirst);
  const chain: LevelStep[] = [];
  let mode: EffectiveMode = 'PERMISSIVE';
  let level: PeerLevel = 'default';
  let source: PeerPolicyRef | null = null;
  let reasonSource = 'no PeerAuthentication sets a mode: PERMISSIVE by default';
  for (const [lvl, list] of [
    ['mesh', mesh],
    ['namespace', ns],
    ['workload', wl],
  ] as const) {
    const sorted = pick(list);
    const winner = sorted[0];
    const shadowed = sorted.slice(1).map((s) => s.ref);
    if (!winner) {
      chain.push({ level: lvl, policy: null, mode: null, path: [], applied: false, reason: `no ${lvl}-level policy`, shadowed });
      continue;
    }
    const applied = winner.mode !== 'UNSET';
    const older = shadowed.length ? ` (oldest of ${sorted.length}; the others are ignored)` : '';
    chain.push({
      level: lvl,
      policy: winner.ref,
      mode: winner.mode,
      path: [...winner.path, 'spec', 'mtls', 'mode'],
      applied,
      reason: applied ? `${winner.ref.namespace}/${winner.ref.name} sets ${winner.mode}${older}` : `${winner.ref.namespace}/${winner.ref.name} leaves the mode UNSET: inherits ${mode}${older}`,
      shadowed,
    });
    if (applied) {
      mode = winner.mode as EffectiveMode;
      level = lvl;
      source = winner.ref;
      reasonSource = `${lvl} policy ${winner.ref.namespace}/${winner.ref.name} sets ${mode}`;
    }
  }
  const wlWinner = pick(wl)[0];
  if (port !== undefined && wlWinner && wlWinner.ports.has(port)) {
    const pm = wlWinner.ports.get(port)!;
    const applied = pm !== 'UNSET';
    chain.push({
      level: 'port',
      policy: wlWinner.ref,
      mode: pm,
      path: [...wlWinner.path, 'spec', 'portLevelMtls', String(port), 'mode'],
      applied,
      reason: applied ? `portLevelMtls ${port} sets ${pm}` : `portLevelMtls ${port} is UNSET: inherits the workload mode ${mode}`,
      shadowed: [],
    });
    if (applied) {
      mode = pm as EffectiveMode;
      level = 'port';
      source = wlWinner.ref;
      reasonSource = `portLevelMtls ${port} of ${wlWinner.ref.namespace}/${wlWinner.ref.name} sets ${mode}`;
    }
  } else if (port !== undefined && wlWinner && wlWinner.ports.size > 0) {
    notes.push(`portLevelMtls lists ports ${[...wlWinner.ports.keys()].join(', ')}, not ${port}: keys are the workload's container ports, not Service ports.`);
  }
  const who = workload.name ? `${workload.namespace}/${workload.name}` : `the workload in ${workload.namespace}`;
  return { mode, level, policy: source, summary: `${who}${port !== undefined ? ` port ${port}` : ''} accepts ${mode}: ${reasonSource}.`, chain, ignored, notes };
}

function readAll(policies: unknown): Pa[] {
  const r = new Reader(policies ?? [], 'policies');
  return r.list().map((_, i) => readPa((policies as unknown[])[i], i));
}

/** The effective mTLS mode of a workload (and port). Never throws. */
export function resolvePeerAuthentication(input: PeerInput): EngineResult<{ decision: PeerDecision }> {
  return guard(() => {
    const r = new Reader(input, 'input');
    r.dict();
    const w = r.child('workload');
    w.dict();
    const workload: PeerWorkload = { namespace: w.child('namespace').str(), labels: w.child('labels').labels() };
    const name = w.child('name').optStr();
    if (name !== undefined) workload.name = name;
    const port = r.child('port').optNum();
    return { decision: resolve(readAll(input.policies), workload, port, r.child('rootNamespace').optStr() || 'istio-system') };
  });
}

export interface GridWorkload {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  ports: number[];
}

export interface GridCell {
  workload: string;
  namespace: string;
  /** null = the workload-wide mode. */
  port: number | null;
  decision: PeerDecision;
}

/** The effective mode of every workload and port: one row per workload, a cell per port. Never throws. */
export function resolvePeerGrid(input: { policies: unknown[]; workloads: GridWorkload[]; rootNamespace?: string }): EngineResult<{ cells: GridCell[] }> {
  return guard(() => {
    const list = readAll(input.policies);
    const root = input.rootNamespace || 'istio-system';
    const wr = new Reader(input.workloads, 'workloads');
    const cells: GridCell[] = [];
    for (const w of wr.list()) {
      const workload: PeerWorkload = { name: w.child('name').scalar(), namespace: w.child('namespace').str(), labels: w.child('labels').labels() };
      const ports = w.child('ports').list().map((p) => p.num());
      for (const port of ports) cells.push({ workload: workload.name!, namespace: workload.namespace, port, decision: resolve(list, workload, port, root) });
      if (ports.length === 0) cells.push({ workload: workload.name!, namespace: workload.namespace, port: null, decision: resolve(list, workload, undefined, root) });
    }
    return { cells };
  });
}
