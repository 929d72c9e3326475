/**
 * RequestAuthentication (Istio 1.26): no token → passes with no identity; an invalid token (bad signature,
 * expired, issuer not configured) → 401; a valid token whose audience is not allowed → 403 from the JWT
 * filter; otherwise the request principal is `<iss>/<sub>`. Requiring a token is the AuthorizationPolicy's
 * job: {@link evaluateRequest} runs both, in the order the proxy does.
 */
import type { PolicyRef } from './trace';
import { evaluateAuthz, type AuthzDecision, type AuthzRequest, type AuthzWorkload } from './authz/index';
import { labelsMatch, readResource, Reader } from './reader';
import { guard, type EngineResult, type PathSegment } from './result';

export type TokenState =
  | { state: 'none' }
  | { state: 'invalid'; reason?: string }
  | { state: 'valid'; iss: string; sub: string; aud?: string[]; azp?: string; claims?: Record<string, unknown> };

/** Where the client puts the token. Default: `Authorization: Bearer <token>`. */
export type TokenLocation = { header: string; prefix?: string } | { param: string } | { cookie: string };

export interface JwtInput {
  requestAuthentications: unknown[];
  workload: AuthzWorkload;
  token: TokenState;
  location?: TokenLocation;
  rootNamespace?: string;
}

export interface JwtRuleRef {
  policy: PolicyRef;
  ruleIndex: number;
  path: PathSegment[];
  issuer: string;
}

export interface JwtDecision {
  outcome: 'pass' | 'reject';
  /** 401 invalid token, 403 audience not allowed, null when the request goes on. */
  status: 401 | 403 | null;
  /** `<iss>/<sub>` of a validated token, null otherwise. */
  principal: string | null;
  /** What AuthorizationPolicy sees as request.auth.*, or null. */
  auth: AuthzRequest['auth'];
  rule?: JwtRuleRef;
  summary: string;
  applicable: PolicyRef[];
  notes: string[];
}

interface Rule extends JwtRuleRef {
  audiences: string[];
  headers: { name: string; prefix: string }[];
  params: string[];
  cookies: string[];
}

function readRules(raw: unknown[], workload: AuthzWorkload, root: string) {
  const applicable: JwtDecision['applicable'] = [];
  const rules: Rule[] = [];
  const targets = workload.targets ?? [];
  (raw ?? []).forEach((obj, i) => {
    const r = new Reader(obj, 'requestAuthentications', [], i);
    const meta = readResource(r, ['RequestAuthentication']);
    const spec = r.child('spec');
    spec.optDict();
    const selR = spec.child('selector');
    const selector = selR.isMissing() ? undefined : selR.child('matchLabels').labels();
    const refs = spec.child('targetRefs').list();
    let applies: boolean;
    if (refs.length > 0) {
      applies = refs.some((t) => {
        const kind = t.child('kind').scalar();
        const name = t.child('name').scalar();
        const ns = t.child('namespace').optStr() ?? meta.namespace;
        return targets.some((w) => w.kind === kind && w.name === name && (w.namespace ?? workload.namespace) === ns);
      });
    } else {
      applies = (meta.namespace === root || meta.namespace === workload.namespace) && (!selector || labelsMatch(selector, workload.labels ?? {}));
    }
    const jwtRules = spec.child('jwtRules').list();
    if (!applies) return;
    applicable.push({ index: i, name: meta.name, namespace: meta.namespace });
    jwtRules.forEach((jr, j) => {
      jr.dict();
      const issR = jr.child('issuer');
      if (issR.isMissing() && jr.child('jwksUri').isMissing() && jr.child('jwks').isMissing()) throw jr.err(`${jr.where} needs an issuer (or at least a jwksUri)`, ['issuer']);
      const headers = jr
        .child('fromHeaders')
        .list()
        .map((h) => ({ name: h.child('name').scalar().toLowerCase(), prefix: h.child('prefix').optStr() ?? '' }));
      rules.push({
        policy: { index: i, name: meta.name, namespace: meta.namespace },
        ruleIndex: j,
        path: jr.path,
        issuer: issR.isMissing() ? '' : issR.scalar(),
        audiences: jr.child('audiences').strList(),
        headers,
        params: jr.child('fromParams').strList(),
        cookies: jr.child('fromCookies').strList(),
      });
    });
  });
  return { applicable, rules };
}

/** Does this rule read the token where the client put it? */
function readsFrom(rule: Rule, loc: TokenLocation): boolean {
  const custom = rule.headers.length > 0 || rule.params.length > 0 || rule.cookies.length > 0;
  if ('header' in loc) {
    const name = loc.header.toLowerCase();
    const prefix = loc.prefix ?? (name === 'authorization' ? 'Bearer ' : '');
    if (!custom) return name === 'authorization' && prefix === 'Bearer ';
    return rule.headers.some((h) => h.name === name && h.prefix === prefix);
  }
  if ('param' in loc) return custom ? rule.params.includes(loc.param) : loc.param === 'access_token';
  return rule.cookies.includes(loc.cookie);
}

function describeLoc(loc: TokenLocation): string {
  if ('header' in loc) return `header ${loc.header}${loc.prefix ?? (loc.header.toLowerCase() === 'authorization' ? ' (Bearer)' : '')}`;
  if ('param' in loc) return `query parameter ${loc.param}`;
  return `cookie ${loc.cookie}`;
}

function decideJwt(input: JwtInput): JwtDecision {
  const r = new Reader(input, 'input');
  r.dict();
  const w = r.child('workload');
  w.dict();
  const workload: AuthzWorkload = { namespace: w.child('namespace').str(), labels: w.child('labels').labels() };
  if (input.workload.targets) workload.targets = input.workload.targets;
  const root = r.child('rootNamespace').optStr() || 'istio-system';
  const tR = r.child('token');
  tR.dict();
  const state = tR.child('state').str();
  if (!['none', 'invalid', 'valid'].includes(state)) throw tR.err('token.state must be none, invalid or valid', ['state']);
  const loc: TokenLocation = input.location ?? { header: 'authorization', prefix: 'Bearer ' };
  const { applicable, rules } = readRules(r.child('requestAuthentications').list().map((x) => x.value), workload, root);
  const out: JwtDecision = { outcome: 'pass', status: null, principal: null, auth: null, summary: '', applicable, notes: [] };
  if (state === 'none') {
    out.summary =
      applicable.length === 0
        ? 'No token and no RequestAuthentication: the request goes on with no request identity.'
        : 'No token: RequestAuthentication lets the request through with no request identity (an AuthorizationPolicy must require one).';
    return out;
  }
  if (applicable.length === 0) {
    out.summary = 'No RequestAuthentication applies to this workload: the token is not checked and gives no request identity.';
    return out;
  }
  const readers = rules.filter((x) => readsFrom(x, loc));
  if (readers.length === 0) {
    out.summary = `No jwtRule reads the token from the ${describeLoc(loc)}: the request is treated as having no token.`;
    return out;
  }
  if (state === 'invalid') {
    const reason = tR.child('reason').optStr();
    out.outcome = 'reject';
    out.status = 401;
    out.summary = `The token is invalid${reason ? ` (${reason})` : ''}: 401 from the JWT filter, before any AuthorizationPolicy.`;
    return out;
  }
  const iss = tR.child('iss').scalar();
  const sub = tR.child('sub').scalar();
  const aud = tR.child('aud').strList();
  // A rule without issuer accepts a token from any issuer (only its signature is checked).
  const rule = readers.find((x) => x.issuer === iss) ?? readers.find((x) => x.issuer === '');
  if (!rule) {
    out.outcome = 'reject';
    out.status = 401;
    out.summary = `The token's issuer ${iss} is not configured in any jwtRule that reads it (${readers.map((x) => x.issuer).join(', ')}): 401.`;
    return out;
  }
  out.rule = { policy: rule.policy, ruleIndex: rule.ruleIndex, path: rule.path, issuer: rule.issuer };
  if (rule.audiences.length > 0 && !aud.some((a) => rule.audiences.includes(a))) {
    out.outcome = 'reject';
    out.status = 403;
    out.summary = `The token is valid but its audience ${aud.length ? aud.join(', ') : '(none)'} is not in the rule's audiences (${rule.audiences.join(', ')}): 403 from the JWT filter.`;
    return out;
  }
  if (rule.audiences.length === 0) out.notes.push('The jwtRule has no audiences: istio.io documents that the service name is then accepted; this simulator does not check the audience.');
  out.principal = `${iss}/${sub}`;
  const claims: Record<string, unknown> = { ...(tR.child('claims').optDict() ?? {}), iss, sub };
  if (aud.length) claims['aud'] = aud;
  const azp = tR.child('azp').optStr();
  out.auth = azp === undefined ? { principal: out.principal, audiences: aud, claims } : { principal: out.principal, audiences: aud, presenter: azp, claims };
  out.summary = `The token is valid: request principal ${out.principal}.`;
  return out;
}

/** Evaluates RequestAuthentications for one token. Never throws. */
export function evaluateJwt(input: JwtInput): EngineResult<{ decision: JwtDecision }> {
  return guard(() => ({ decision: decideJwt(input) }));
}

export interface RequestInput extends JwtInput {
  authorizationPolicies: unknown[];
  /** The rest of the request; `auth` is filled from the token. */
  request: Omit<AuthzRequest, 'auth'>;
  customProviderDecision?: 'allow' | 'deny';
}

export interface RequestDecision {
  status: 200 | 401 | 403;
  /** Which filter answered: the JWT filter, the authorization filter, or none (allowed). */
  stage: 'jwt' | 'authz' | 'allowed';
  summary: string;
  jwt: JwtDecision;
  authz: AuthzDecision | null;
}

/** JWT validation then authorization, as the sidecar runs them. Never throws. */
export function evaluateRequest(input: RequestInput): EngineResult<{ decision: RequestDecision }> {
  const j = evaluateJwt(input);
  if (!j.ok) return j;
  const jwt = j.decision;
  if (jwt.outcome === 'reject') return { ok: true, decision: { status: jwt.status!, stage: 'jwt', summary: jwt.summary, jwt, authz: null } };
  const authzInput: Parameters<typeof evaluateAuthz>[0] = {
    policies: input.authorizationPolicies,
    workload: input.workload,
    // JWT is an HTTP feature: the request is HTTP, so a denial is a 403 response.
    request: { ...input.request, protocol: 'http', auth: jwt.auth ?? null },
  };
  if (input.rootNamespace !== undefined) authzInput.rootNamespace = input.rootNamespace;
  if (input.customProviderDecision !== undefined) authzInput.customProviderDecision = input.customProviderDecision;
  const a = evaluateAuthz(authzInput);
  if (!a.ok) return a;
  const authz = a.decision;
  return {
    ok: true,
    decision: {
      status: authz.allowed ? 200 : 403,
      stage: authz.allowed ? 'allowed' : 'authz',
      summary: `${jwt.summary} ${authz.summary}`,
      jwt,
      authz,
    },
  };
}
