/**
 * AuthorizationPolicy evaluator: policies + a request → allowed or 403, the path through CUSTOM, DENY and
 * ALLOW, and the deciding policy and rule. Runs at build time and in the browser (authz-sim.ts).
 */
import { evaluateAuthz, type AuthzDecision, type AuthzRequest, type PolicyResult } from '../../../lib/istio';
import { parseHeaderLines, parseLabels, parsePort } from '../shared/form';
import { h, type VNode } from '../shared/vnode';
import { readYaml, whereIs } from '../shared/yaml-docs';

export interface AuthzFields {
  yaml: string;
  namespace: string;
  labels: string;
  principal: string;
  sourceIp: string;
  remoteIp: string;
  jwtPrincipal: string;
  method: string;
  path: string;
  host: string;
  port: string;
  headers: string;
  /** `http` or `tcp`. */
  protocol: string;
  /** What a CUSTOM provider answers: `allow` or `deny`. */
  custom: string;
}

export type AuthzOutcome = { ok: true; decision: AuthzDecision; view: VNode; verdict: string } | { ok: false; message: string; line?: number; field?: string };

export function computeAuthz(f: AuthzFields): AuthzOutcome {
  const y = readYaml(f.yaml, 'YAML');
  if (!y.ok) return y;
  const policies = y.objects.filter((o) => o.kind === 'AuthorizationPolicy');
  const other = y.objects.filter((o) => o.kind !== 'AuthorizationPolicy');
  if (other.length > 0) {
    const o = other[0]!;
    const at = whereIs(o, y.parsed, ['kind']);
    const out: AuthzOutcome = { ok: false, message: `YAML, ${at.text}: kind ${o.kind || '(missing)'} is not an AuthorizationPolicy; this evaluator reads AuthorizationPolicies only.` };
    if (at.line !== undefined) out.line = at.line;
    return out;
  }
  const labels = parseLabels(f.labels, 'Workload labels');
  if (!labels.ok) return labels;
  const headers = parseHeaderLines(f.headers);
  if (!headers.ok) return headers;
  const port = parsePort(f.port);
  if (!port.ok) return port;
  const namespace = f.namespace.trim();
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) return { ok: false, message: 'Workload namespace: enter a namespace name (lower case letters, digits, dashes).' };
  const request: AuthzRequest = { method: f.method.trim() || 'GET', path: f.path.trim() || '/', headers: headers.value };
  if (f.principal.trim()) request.sourcePrincipal = f.principal.trim();
  if (f.sourceIp.trim()) request.sourceIp = f.sourceIp.trim();
  if (f.remoteIp.trim()) request.remoteIp = f.remoteIp.trim();
  if (f.host.trim()) request.host = f.host.trim();
  if (port.value !== undefined) request.port = port.value;
  request.auth = f.jwtPrincipal.trim() ? { principal: f.jwtPrincipal.trim() } : null;
  if (f.protocol !== 'http' && f.protocol !== 'tcp') return { ok: false, message: 'Protocol: choose HTTP or TCP.', field: 'protocol' };
  request.protocol = f.protocol;
  const custom = f.custom === 'deny' ? 'deny' : 'allow';
  const r = evaluateAuthz({ policies: policies.map((p) => p.value), workload: { namespace, labels: labels.value }, request, customProviderDecision: custom });
  if (!r.ok) {
    const m = /^policies\[(\d+)\]$/.exec(r.error.source);
    const obj = m ? policies[Number(m[1])] : undefined;
    if (obj) {
      const at = whereIs(obj, y.parsed, r.error.segments);
      const out: AuthzOutcome = { ok: false, message: `AuthorizationPolicy ${obj.name}, ${at.text}: ${r.error.message}` };
      if (at.line !== undefined) out.line = at.line;
      return out;
    }
    return { ok: false, message: `Request: ${r.error.message}` };
  }
  const d = r.decision;
  const verdict = d.allowed
    ? `Allowed: the ${request.protocol === 'tcp' ? 'connection' : 'request'} reaches the workload`
    : request.protocol === 'tcp'
      ? 'Denied: the TCP connection is closed'
      : `Denied: ${d.status}${d.body ? ` ${d.body}` : ''}`;
  return { ok: true, decision: d, verdict, view: authzView(d, verdict) };
}

function policyItem(p: PolicyResult): VNode {
  const head = `${p.action} ${p.namespace}/${p.name} (${p.scope === 'mesh' ? 'mesh-wide, root namespace' : p.scope === 'namespace' ? 'whole namespace' : p.scope === 'workload' ? 'selector matches' : 'targetRefs'})`;
  const rules = p.rules.map((r) =>
    h(
      'li',
      { class: r.matched ? 'is-pass' : 'is-fail' },
      h('span', { class: 'sim-tag' }, r.matched ? 'matches' : 'no match'),
      ` rule ${r.index}: ${r.reason}`,
      !r.matched && r.conditions.some((c) => !c.passed)
        ? h(
            'ul',
            null,
            r.conditions.filter((c) => !c.passed).map((c) => h('li', null, c.reason)),
          )
        : null,
    ),
  );
  return h('li', { class: p.matched ? 'is-hit' : 'is-miss' }, h('strong', null, head, p.matched ? ': matches' : ': no match'), rules.length ? h('ul', { class: 'sim-checks' }, rules) : h('p', null, p.reason));
}

function authzView(d: AuthzDecision, verdict: string): VNode {
  const stageNames = { CUSTOM: '1. CUSTOM (external authorizer)', DENY: '2. DENY policies', ALLOW: '3. ALLOW policies' } as const;
  return h(
    'div',
    { class: 'sim-output' },
    h('p', { class: `sim-verdict ${d.allowed ? 'is-ok' : 'is-error'}` }, verdict),
    h('p', null, d.summary),
    h(
      'section',
      { class: 'sim-section' },
      h('h3', null, 'The path through the checks'),
      h(
        'ol',
        { class: 'sim-rules' },
        d.stages.some((s) => s.stage === 'CUSTOM') ? null : h('li', { class: 'is-hit' }, h('strong', null, `${stageNames.CUSTOM}: `), 'no CUSTOM policy applies'),
        d.stages.map((s) => h('li', { class: s.outcome.includes('403') || s.outcome.includes('denies') ? 'is-miss' : 'is-hit' }, h('strong', null, `${stageNames[s.stage]}: `), s.outcome, s.policies.length ? h('ul', { class: 'sim-rules' }, s.policies.map(policyItem)) : null)),
      ),
      !d.allowed && !d.stages.some((s) => s.stage === 'ALLOW') ? h('p', { class: 'sim-note' }, 'The ALLOW stage is not reached: the request was denied before it.') : null,
    ),
    d.audited.length ? h('p', { class: 'sim-note' }, `AUDIT marks this request (${d.audited.map((a) => a.name).join(', ')}); AUDIT never allows or denies.`) : null,
    d.notApplicable.length
      ? h('section', { class: 'sim-section' }, h('h3', null, 'Policies that do not apply to this workload'), h('ul', null, d.notApplicable.map((n) => h('li', null, `${n.namespace}/${n.name}: ${n.reason}`))))
      : null,
    d.rejected.length
      ? h('section', { class: 'sim-section' }, h('h3', null, 'Policies the API server would reject'), h('ul', null, d.rejected.map((n) => h('li', null, `${n.namespace}/${n.name}: ${n.reason}`))))
      : null,
    d.notes.length ? h('ul', { class: 'sim-notes' }, d.notes.map((n) => h('li', null, n))) : null,
  );
}
