/**
 * JWT outcomes: token states × authorization set-ups → 200/401/403, each cell computed by the engine's
 * evaluateRequest (RequestAuthentication, then AuthorizationPolicy, as the sidecar runs them); cells that
 * changed since the starting point are marked.
 */
import { evaluateRequest, type TokenState } from '../../../lib/istio/engine/jwt';
import { parseLine } from '../kit/fields';
import { fieldProblem, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';

/** The form's fields as typed; lists are comma-separated. */
export interface JwtFields {
  issuer: string;
  audiences: string;
  tokenIss: string;
  tokenSub: string;
  tokenAud: string;
  principal: string;
}

export interface JwtForm {
  issuer: string;
  /** RequestAuthentication audiences; empty = not checked. */
  audiences: string[];
  tokenIss: string;
  tokenSub: string;
  tokenAud: string[];
  /** requestPrincipals value of the last column. */
  principal: string;
}

export const jwtExample: JwtFields = {
  issuer: 'https://auth.example.com',
  audiences: 'bookinfo',
  tokenIss: 'https://auth.example.com',
  tokenSub: 'alice',
  tokenAud: 'bookinfo',
  principal: 'https://auth.example.com/bob',
};

export const JWT_LABELS: Record<keyof JwtFields, string> = {
  issuer: 'issuer',
  audiences: 'audiences (comma-separated, empty = not checked)',
  tokenIss: 'iss',
  tokenSub: 'sub',
  tokenAud: 'aud (comma-separated)',
  principal: 'requestPrincipals value (iss/sub)',
};

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function read(f: JwtFields): { ok: true; value: JwtForm } | Problem {
  const out: Record<string, string> = {};
  for (const k of ['issuer', 'tokenIss', 'tokenSub', 'principal', 'audiences', 'tokenAud'] as const) {
    const v = parseLine(f[k], k, JWT_LABELS[k]);
    if (!v.ok) return v;
    const list = k === 'audiences' || k === 'tokenAud';
    if (!list && v.value === '') return fieldProblem(k, JWT_LABELS[k], 'must not be empty.');
    if (!list && /\s/.test(v.value)) return fieldProblem(k, JWT_LABELS[k], 'must not contain spaces.');
    out[k] = v.value;
  }
  return { ok: true, value: { issuer: out['issuer']!, audiences: splitList(out['audiences']!), tokenIss: out['tokenIss']!, tokenSub: out['tokenSub']!, tokenAud: splitList(out['tokenAud']!), principal: out['principal']! } };
}

const NS = 'bookinfo';
const workload = { namespace: NS, labels: { app: 'productpage' } };
const selector = { matchLabels: { app: 'productpage' } };

export interface Column {
  key: string;
  label: (f: JwtForm) => string;
  policies: (f: JwtForm) => unknown[];
}

const ap = (name: string, action: string, source: Record<string, string[]>) => ({
  apiVersion: 'security.istio.io/v1',
  kind: 'AuthorizationPolicy',
  metadata: { name, namespace: NS },
  spec: { selector, action, rules: [{ from: [{ source }] }] },
});

export const columns: Column[] = [
  { key: 'none', label: () => 'No AuthorizationPolicy', policies: () => [] },
  { key: 'allow', label: () => 'ALLOW requestPrincipals: ["*"]', policies: () => [ap('require-jwt', 'ALLOW', { requestPrincipals: ['*'] })] },
  { key: 'deny', label: () => 'DENY notRequestPrincipals: ["*"]', policies: () => [ap('deny-without-jwt', 'DENY', { notRequestPrincipals: ['*'] })] },
  { key: 'one', label: (f) => `ALLOW requestPrincipals: [${JSON.stringify(f.principal)}]`, policies: (f) => [ap('allow-one-user', 'ALLOW', { requestPrincipals: [f.principal] })] },
];

export interface Row {
  key: string;
  label: (f: JwtForm) => string;
  token: (f: JwtForm) => TokenState;
}

export const rows: Row[] = [
  { key: 'none', label: () => 'No token', token: () => ({ state: 'none' }) },
  { key: 'sig', label: () => 'Invalid: bad signature', token: () => ({ state: 'invalid', reason: 'bad signature' }) },
  { key: 'exp', label: () => 'Invalid: expired', token: () => ({ state: 'invalid', reason: 'expired' }) },
  {
    key: 'iss',
    label: () => 'Signed by an issuer not in jwtRules (https://other.example.org)',
    token: (f) => ({ state: 'valid', iss: 'https://other.example.org', sub: f.tokenSub, aud: f.tokenAud }),
  },
  { key: 'aud', label: () => 'Valid, audience "wrong-audience"', token: (f) => ({ state: 'valid', iss: f.tokenIss, sub: f.tokenSub, aud: ['wrong-audience'] }) },
  {
    key: 'valid',
    label: (f) => `Valid: iss ${f.tokenIss}, sub ${f.tokenSub}, aud ${f.tokenAud.join(', ') || '(none)'}`,
    token: (f) => ({ state: 'valid', iss: f.tokenIss, sub: f.tokenSub, aud: f.tokenAud }),
  },
];

export interface Cell {
  status: number;
  short: string;
  full: string;
}

export function requestAuthentication(f: JwtForm) {
  const rule: Record<string, unknown> = { issuer: f.issuer, jwksUri: `${f.issuer.replace(/\/$/, '')}/.well-known/jwks.json` };
  if (f.audiences.length) rule['audiences'] = f.audiences;
  return { apiVersion: 'security.istio.io/v1', kind: 'RequestAuthentication', metadata: { name: 'productpage-jwt', namespace: NS }, spec: { selector, jwtRules: [rule] } };
}

export function raYaml(f: JwtForm): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    'apiVersion: security.istio.io/v1',
    'kind: RequestAuthentication',
    'metadata:',
    '  name: productpage-jwt',
    `  namespace: ${NS}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: productpage',
    '  jwtRules:',
    `  - issuer: ${q(f.issuer)}`,
    `    jwksUri: ${q(`${f.issuer.replace(/\/$/, '')}/.well-known/jwks.json`)}`,
  ];
  if (f.audiences.length) lines.push('    audiences:', ...f.audiences.map((a) => `    - ${q(a)}`));
  return lines.join('\n');
}

/** The whole matrix, row by row; a message instead when the engine refuses the input. */
function buildMatrix(f: JwtForm): { ok: true; cells: Cell[][] } | { ok: false; message: string } {
  const ra = requestAuthentication(f);
  const cells: Cell[][] = [];
  for (const row of rows) {
    const line: Cell[] = [];
    for (const col of columns) {
      const r = evaluateRequest({
        requestAuthentications: [ra],
        authorizationPolicies: col.policies(f),
        workload,
        token: row.token(f),
        request: { method: 'GET', path: '/productpage', host: 'productpage', port: 9080 },
      });
      if (!r.ok) return { ok: false, message: `${r.error.source}${r.error.path ? ` ${r.error.path}` : ''}: ${r.error.message}` };
      const d = r.decision;
      let short: string;
      if (d.stage === 'jwt') short = d.status === 401 ? 'JWT filter: token rejected' : 'JWT filter: audience not allowed';
      else if (d.stage === 'authz') short = `RBAC: access denied (${d.authz?.policy ? `${d.authz.policy.action} ${d.authz.policy.name}` : 'no ALLOW rule matched'})`;
      else short = d.jwt.principal ? `allowed as ${d.jwt.principal}` : 'allowed, no request identity';
      line.push({ status: d.status, short, full: d.summary });
    }
    cells.push(line);
  }
  return { ok: true, cells };
}

/** Each cell as `status|short`, row by row: the starting point changes are measured from. */
export type JwtState = string[][];

export type JwtOutcome = { ok: true; view: VNode; verdict: string; state: JwtState } | Problem;

export function computeJwt(fields: JwtFields, previous?: unknown): JwtOutcome {
  const r = read(fields);
  if (!r.ok) return r;
  const f = r.value;
  const m = buildMatrix(f);
  if (!m.ok) return fieldProblem('issuer', 'RequestAuthentication', m.message);
  const prev = Array.isArray(previous) ? (previous as JwtState) : undefined;
  const state: JwtState = m.cells.map((line) => line.map((c) => `${c.status}|${c.short}`));
  let changed = 0;
  const body = rows.map((row, i) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, row.label(f)),
      m.cells[i]!.map((c, j) => {
        const before = prev?.[i]?.[j];
        const diff = before !== undefined && before !== state[i]![j];
        if (diff) changed++;
        const wasStatus = before?.split('|')[0];
        return h(
          'td',
          { 'data-status': String(c.status), 'data-label': columns[j]!.label(f), class: diff ? 'is-changed' : undefined },
          h('strong', { class: 'jm-code' }, String(c.status)),
          ' ',
          h('span', null, c.short),
          diff ? h('span', { class: 'sim-tag' }, wasStatus !== String(c.status) ? `was ${wasStatus}` : 'new reason') : null,
        );
      }),
    ),
  );
  const verdict = prev ? (changed === 0 ? 'Matrix recomputed: no cell changed.' : `Matrix recomputed: ${changed} cell${changed === 1 ? '' : 's'} changed (marked).`) : 'The matrix for the RequestAuthentication above: four authorization set-ups, six tokens.';
  const view = h(
    'div',
    { class: 'sim-output' },
    h('pre', { class: 'sim-yaml', tabindex: 0, role: 'region', 'aria-label': 'The RequestAuthentication' }, h('code', { class: 'jm-yaml' }, raYaml(f))),
    h('p', { class: 'sim-verdict is-ok' }, verdict),
    h(
      'div',
      { class: 'sim-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'JWT outcomes matrix' },
      h(
        'table',
        { class: 'sim-stack' },
        h('caption', null, 'Response for each token and authorization set-up'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Token'), columns.map((c) => h('th', { scope: 'col' }, c.label(f))))),
        h('tbody', null, body),
      ),
    ),
    h(
      'details',
      { class: 'sim-section' },
      h('summary', null, "The engine's reasoning, cell by cell"),
      h('ul', null, rows.flatMap((row, i) => columns.map((c, j) => h('li', null, h('strong', null, `${row.label(f)} × ${c.label(f)}:`), ` ${m.cells[i]![j]!.full}`)))),
    ),
  );
  return { ok: true, view, verdict, state };
}
