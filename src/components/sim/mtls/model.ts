/**
 * mTLS scope resolver: PeerAuthentications + a small mesh → the mode every workload port accepts, the
 * level and policy that set it, and which cells changed since the last result.
 */
import { resolvePeerGrid, type GridCell, type GridWorkload } from '../../../lib/istio';
import { checkInput } from '../kit/check-input';
import { MAX_LINES } from '../kit/limits';
import { engineProblem, fieldProblem, problemFrom, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';

export interface MtlsFields {
  yaml: string;
  workloads: string;
}

/** Cell key → mode, kept between runs to mark changes. */
export type MtlsState = Record<string, string>;

export type MtlsOutcome = { ok: true; cells: GridCell[]; view: VNode; verdict: string; state: MtlsState } | Problem;

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function parseWorkloads(text: string): { ok: true; value: GridWorkload[] } | Problem {
  const bad = (message: string, line?: number) => fieldProblem('workloads', 'Workloads', message, line);
  if (text.length > MAX_LINES) return bad(`at most ${MAX_LINES.toLocaleString('en-US')} characters.`);
  const out: GridWorkload[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [id, labels = '', ports = ''] = line.split(/\s+/);
    const [ns, name] = (id ?? '').split('/');
    if (!ns || !name || !NAME.test(ns) || !NAME.test(name)) return bad('start with namespace/name, e.g. shop/web app=web 8080', i + 1);
    const l = Object.create(null) as Record<string, string>;
    for (const pair of labels.split(',').filter(Boolean)) {
      const [k, v] = pair.split('=');
      if (!k || v === undefined) return bad('labels are key=value separated by commas', i + 1);
      l[k] = v;
    }
    const p = ports.split(',').filter(Boolean).map(Number);
    if (p.length === 0 || p.some((x) => !Number.isInteger(x) || x < 1 || x > 65535)) return bad('list the container ports, e.g. 8080,9090', i + 1);
    out.push({ name, namespace: ns, labels: l, ports: p });
  }
  if (out.length === 0) return bad('list at least one workload, e.g. shop/web app=web 8080');
  if (out.length > 50) return bad('at most 50 workloads');
  return { ok: true, value: out };
}

const key = (c: GridCell) => `${c.namespace}/${c.workload}:${c.port ?? '*'}`;

export function computeMtls(f: MtlsFields, previous?: unknown): MtlsOutcome {
  const y = checkInput(f.yaml, ['PeerAuthentication']);
  // This resolver reads PeerAuthentications only: another kind is an error here, not a skipped document.
  const problem = y.diagnostics[0];
  if (problem || !y.parsed) return problemFrom(problem!, 'YAML');
  const w = parseWorkloads(f.workloads);
  if (!w.ok) return w;
  const pas = y.objects;
  const r = resolvePeerGrid({ policies: pas.map((p) => p.value), workloads: w.value });
  if (!r.ok) return engineProblem(r.error, (input, index) => (input === 'policies' && index !== undefined ? pas[index] : undefined), y.parsed, () => ({ name: 'workloads', label: 'Workloads' }));
  const prev = (previous && typeof previous === 'object' ? previous : undefined) as MtlsState | undefined;
  const state: MtlsState = {};
  for (const c of r.cells) state[key(c)] = c.decision.mode;
  const changed = prev ? r.cells.filter((c) => prev[key(c)] !== undefined && prev[key(c)] !== c.decision.mode) : [];
  const counts = { STRICT: 0, PERMISSIVE: 0, DISABLE: 0 };
  for (const c of r.cells) counts[c.decision.mode] += 1;
  const verdict = `${r.cells.length} ports: ${counts.STRICT} STRICT, ${counts.PERMISSIVE} PERMISSIVE, ${counts.DISABLE} DISABLE${changed.length ? `; ${changed.length} changed` : ''}`;
  return { ok: true, cells: r.cells, state, verdict, view: mtlsView(r.cells, prev, changed.length) };
}

function mtlsView(cells: GridCell[], prev: MtlsState | undefined, changedCount: number): VNode {
  const ignored = new Map<string, string>();
  for (const c of cells) for (const i of c.decision.ignored) ignored.set(`${i.policy.namespace}/${i.policy.name}`, i.reason);
  const rows = cells.map((c) => {
    const before = prev?.[key(c)];
    const changed = before !== undefined && before !== c.decision.mode;
    const d = c.decision;
    const setBy = d.policy ? `${d.level}: ${d.policy.namespace}/${d.policy.name}${d.level === 'port' ? ` (portLevelMtls ${c.port})` : ''}` : 'nothing set: the default';
    return h(
      'tr',
      { class: changed ? 'is-changed' : undefined },
      h('th', { scope: 'row' }, `${c.namespace}/${c.workload}`),
      h('td', { 'data-label': 'Port' }, c.port === null ? 'all' : String(c.port)),
      h('td', { 'data-label': 'Accepts' }, h('strong', { class: `sim-mode sim-mode-${d.mode.toLowerCase()}` }, d.mode), changed ? ` (was ${before})` : ''),
      h('td', { 'data-label': 'Set by' }, setBy),
      h('td', { 'data-label': 'Why' }, d.chain.filter((s) => s.policy).map((s) => s.reason).join('; ') || 'no PeerAuthentication applies', d.notes.length ? ` ${d.notes.join(' ')}` : ''),
    );
  });
  return h(
    'div',
    { class: 'sim-output' },
    h('p', { class: 'sim-verdict is-ok' }, `Effective mode of every workload port${changedCount ? ` (${changedCount} changed since the last result)` : ''}`),
    h(
      'div',
      { class: 'sim-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Effective mTLS mode per workload port' },
      h(
        'table',
        { class: 'sim-stack' },
        h('caption', { class: 'sim-visually-hidden' }, 'Effective mTLS mode per workload port'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Workload'), h('th', { scope: 'col' }, 'Port'), h('th', { scope: 'col' }, 'Accepts'), h('th', { scope: 'col' }, 'Set by'), h('th', { scope: 'col' }, 'Why'))),
        h('tbody', null, rows),
      ),
    ),
    h(
      'p',
      { class: 'sim-note' },
      'STRICT accepts only mutual TLS; PERMISSIVE accepts mutual TLS and plaintext; DISABLE accepts plaintext only. The levels are mesh (root namespace), namespace, workload (selector) and port (portLevelMtls); each overrides the one above unless UNSET.',
    ),
    ignored.size ? h('section', { class: 'sim-section' }, h('h3', null, 'Ignored policies'), h('ul', null, [...ignored].map(([n, why]) => h('li', null, `${n}: ${why}`)))) : null,
  );
}
