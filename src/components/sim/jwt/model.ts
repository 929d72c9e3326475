/**
 * JWT outcomes: RequestAuthentication (+ AuthorizationPolicy) and a token → 200, 401 or 403 with the
 * reason, and the same for every kind of token, with and without the AuthorizationPolicies.
 */
import { evaluateRequest, type RequestDecision, type TokenState } from '../../../lib/istio';
import { h, type VNode } from '../shared/vnode';
import { readYaml, whereIs, type YamlObject } from '../shared/yaml-docs';

export interface JwtFields {
  yaml: string;
  state: string;
  iss: string;
  sub: string;
  aud: string;
  groups: string;
}

export type JwtOutcome = { ok: true; decision: RequestDecision; view: VNode; verdict: string } | { ok: false; message: string; line?: number; field?: string };

/** The sample workload: namespace shop, app=orders. */
const workload = { namespace: 'shop', labels: { app: 'orders' } };
const request = { method: 'GET', path: '/orders', sourcePrincipal: 'cluster.local/ns/shop/sa/frontend' };

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function token(f: JwtFields): TokenState | string {
  if (f.state === 'none') return { state: 'none' };
  if (f.state === 'invalid') return { state: 'invalid', reason: 'bad signature or expired' };
  if (f.state !== 'valid') return 'Token: choose none, invalid or valid';
  if (!f.iss.trim()) return 'Token issuer: enter the iss claim of the valid token';
  if (!f.sub.trim()) return 'Token subject: enter the sub claim of the valid token';
  const groups = list(f.groups);
  return { state: 'valid', iss: f.iss.trim(), sub: f.sub.trim(), aud: list(f.aud), claims: groups.length ? { groups } : {} };
}

function statusText(d: RequestDecision): string {
  if (d.status === 200) return '200 OK';
  if (d.status === 401) return '401 from the JWT filter';
  return d.stage === 'jwt' ? '403 from the JWT filter' : '403 RBAC: access denied';
}

export function computeJwt(f: JwtFields): JwtOutcome {
  const y = readYaml(f.yaml, 'YAML');
  if (!y.ok) return y;
  const ras = y.objects.filter((o) => o.kind === 'RequestAuthentication');
  const aps = y.objects.filter((o) => o.kind === 'AuthorizationPolicy');
  const other = y.objects.find((o) => o.kind !== 'RequestAuthentication' && o.kind !== 'AuthorizationPolicy');
  if (other) {
    const at = whereIs(other, y.parsed, ['kind']);
    const out: JwtOutcome = { ok: false, message: `YAML, ${at.text}: kind ${other.kind || '(missing)'}: this simulator reads RequestAuthentication and AuthorizationPolicy.` };
    if (at.line !== undefined) out.line = at.line;
    return out;
  }
  const t = token(f);
  if (typeof t === 'string') return { ok: false, message: t, field: f.state !== 'valid' ? 'state' : !f.iss.trim() ? 'iss' : 'sub' };
  const run = (tok: TokenState, policies: YamlObject[]) => evaluateRequest({ requestAuthentications: ras.map((o) => o.value), authorizationPolicies: policies.map((o) => o.value), workload, token: tok, request });
  const main = run(t, aps);
  if (!main.ok) {
    const src = main.error.source;
    const m = /^(requestAuthentications|policies)\[(\d+)\]$/.exec(src);
    const obj = m ? (m[1] === 'policies' ? aps : ras)[Number(m[2])] : undefined;
    if (obj) {
      const at = whereIs(obj, y.parsed, main.error.segments);
      const out: JwtOutcome = { ok: false, message: `${obj.kind} ${obj.name}, ${at.text}: ${main.error.message}` };
      if (at.line !== undefined) out.line = at.line;
      return out;
    }
    return { ok: false, message: main.error.message };
  }
  const d = main.decision;
  const issuer = ras.flatMap((r) => {
    const rules = (r.value as { spec?: { jwtRules?: { issuer?: unknown; audiences?: unknown }[] } }).spec?.jwtRules ?? [];
    return rules.map((x) => ({ iss: typeof x.issuer === 'string' ? x.issuer : '', aud: Array.isArray(x.audiences) ? x.audiences.map(String) : [] }));
  })[0];
  const iss = issuer?.iss || f.iss.trim() || 'https://issuer.example';
  const goodAud = issuer?.aud[0] ? [issuer.aud[0]] : [];
  const scenarios: { label: string; token: TokenState }[] = [
    { label: 'No token', token: { state: 'none' } },
    { label: 'Invalid token (bad signature, expired)', token: { state: 'invalid' } },
    { label: `Valid token from ${iss}`, token: { state: 'valid', iss, sub: f.sub.trim() || 'alice', aud: goodAud, claims: { groups: list(f.groups) } } },
    ...(goodAud.length ? [{ label: 'Valid token, wrong audience', token: { state: 'valid', iss, sub: 'alice', aud: ['another-api'] } as TokenState }] : []),
    { label: 'Valid token from an issuer no rule names', token: { state: 'valid', iss: 'https://other-issuer.example', sub: 'alice', aud: goodAud } },
  ];
  const matrix = scenarios.map((s) => {
    const without = run(s.token, []);
    const withAp = run(s.token, aps);
    return { label: s.label, without: without.ok ? without.decision : null, withAp: withAp.ok ? withAp.decision : null };
  });
  const verdict = `${statusText(d)}${d.jwt.principal ? ` (request principal ${d.jwt.principal})` : ''}`;
  return { ok: true, decision: d, verdict, view: jwtView(d, verdict, matrix, aps.length, ras.length) };
}

function jwtView(d: RequestDecision, verdict: string, matrix: { label: string; without: RequestDecision | null; withAp: RequestDecision | null }[], apCount: number, raCount: number): VNode {
  const cell = (x: RequestDecision | null) => (x ? h('td', null, h('strong', null, String(x.status)), ' ', x.stage === 'jwt' ? 'JWT filter' : x.stage === 'authz' ? 'AuthorizationPolicy' : 'allowed') : h('td', null, 'error'));
  return h(
    'div',
    { class: 'sim-output' },
    h('p', { class: `sim-verdict ${d.status === 200 ? 'is-ok' : 'is-error'}` }, `This request: ${verdict}`),
    h('p', null, d.summary),
    d.jwt.notes.length ? h('ul', { class: 'sim-notes' }, d.jwt.notes.map((n) => h('li', null, n))) : null,
    h(
      'section',
      { class: 'sim-section' },
      h('h4', null, 'Every kind of token, with and without the AuthorizationPolicies'),
      h(
        'div',
        { class: 'sim-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Outcome per token' },
        h(
          'table',
          null,
          h('caption', { class: 'sim-visually-hidden' }, 'Outcome per token'),
          h(
            'thead',
            null,
            h('tr', null, h('th', { scope: 'col' }, 'Token'), h('th', { scope: 'col' }, `RequestAuthentication only (${raCount})`), h('th', { scope: 'col' }, `With the AuthorizationPolicies (${apCount})`)),
          ),
          h(
            'tbody',
            null,
            matrix.map((m) => h('tr', null, h('th', { scope: 'row' }, m.label), cell(m.without), cell(m.withAp))),
          ),
        ),
      ),
      h('p', { class: 'sim-note' }, 'The workload is app=orders in namespace shop; the token is sent as Authorization: Bearer. 401 and the audience 403 come from the JWT filter before any AuthorizationPolicy runs.'),
    ),
  );
}
