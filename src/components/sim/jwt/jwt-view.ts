/**
 * JWT outcomes: token states × authorization set-ups → 200/401/403, each cell computed by the engine's
 * evaluateRequest (RequestAuthentication, then AuthorizationPolicy, as the sidecar runs them).
 * Used at build time and by jwt-matrix.ts.
 */
import { evaluateRequest, type TokenState } from '../../../lib/istio/engine/jwt';

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

export const jwtDefaults: JwtForm = {
  issuer: 'https://auth.example.com',
  audiences: ['bookinfo'],
  tokenIss: 'https://auth.example.com',
  tokenSub: 'alice',
  tokenAud: ['bookinfo'],
  principal: 'https://auth.example.com/bob',
};

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
export function buildMatrix(f: JwtForm): { ok: true; cells: Cell[][] } | { ok: false; message: string } {
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
