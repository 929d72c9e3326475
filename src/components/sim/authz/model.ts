/**
 * AuthorizationPolicy evaluator: policies + a request → allowed or 403, the path through CUSTOM, DENY and
 * ALLOW, and the deciding policy and rule. Runs at build time and in the browser (authz-sim.ts).
 */
import { evaluateAuthz, type AuthzDecision, type AuthzRequest, type PolicyResult } from '../../../lib/istio';
import { checkInput } from '../kit/check-input';
import { parseHeaderLines, parseLabels, parseLine, parsePort } from '../kit/fields';
import { engineProblem, fieldProblem, problemFrom, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';

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

export type AuthzOutcome = { ok: true; decision: AuthzDecision; view: VNode; verdict: string } | Problem;

export function computeAuthz(f: AuthzFields): AuthzOutcome {
  const y = checkInput(f.yaml, ['AuthorizationPolicy']);
  // This evaluator reads AuthorizationPolicies only: another kind is an error here, not a skipped document.
  const problem = y.diagnostics[0];
  if (problem || !y.parsed) return problemFrom(problem!, 'YAML');
  const parsed = y.parsed;
  const policies = y.objects;
  const labels = parseLabels(f.labels, 'labels', 'Workload labels');
  if (!labels.ok) return labels;
  const headers = parseHeaderLines(f.headers);
  if (!headers.ok) return headers;
  const port = parsePort(f.port);
  if (!port.ok) return port;
  const text: Record<string, string> = {};
  for (const [name, label] of [
    ['namespace', 'Workload namespace'],
    ['principal', 'Source principal'],
    ['sourceIp', 'Source IP'],
    ['remoteIp', 'Remote IP'],
    ['jwtPrincipal', 'JWT principal'],
    ['method', 'Method'],
    ['path', 'Path'],
    ['host', 'Host'],
  ] as const) {
    const v = parseLine(f[name], name, label);
    if (!v.ok) return v;
    text[name] = v.value;
  }
  const namespace = text['namespace']!;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) return fieldProblem('namespace', 'Workload namespace', 'enter a namespace name (lower case letters, digits, dashes).');
  const request: AuthzRequest = { method: text['method'] || 'GET', path: text['path'] || '/', headers: headers.value };
  if (text['principal']) request.sourcePrincipal = text['principal'];
  if (text['sourceIp']) request.sourceIp = text['sourceIp'];
  if (text['remoteIp']) request.remoteIp = text['remoteIp'];
  if (text['host']) request.host = text['host'];
  if (port.value !== undefined) request.port = port.value;
  request.auth = text['jwtPrincipal'] ? { principal: text['jwtPrincipal'] } : null;
  if (f.protocol !== 'http' && f.protocol !== 'tcp') return fieldProblem('protocol', 'Protocol', 'choose HTTP or TCP.');
  request.protocol = f.protocol;
  const custom = f.custom === 'deny' ? 'deny' : 'allow';
  const r = evaluateAuthz({ policies: policies.map((p) => p.value), workload: { namespace, labels: labels.value }, request, customProviderDecision: custom });
  if (!r.ok) return engineProblem(r.error, (input, index) => (input === 'policies' && index !== undefined ? policies[index] : undefined), parsed, () => ({ name: 'path', label: 'Request' }));
  const d = r.decision;
  const verdict = d.allowed
    ? `Allowed: the ${request.protocol === 'tcp' ? 'connection' : 'request'} reaches the workload`
    : d.connectionClosed
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
