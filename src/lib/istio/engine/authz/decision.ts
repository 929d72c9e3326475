/**
 * AuthorizationPolicy evaluation (Istio 1.26): CUSTOM → DENY → (no ALLOW policy → allow) → ALLOW match →
 * allow → otherwise deny. AUDIT only marks. Rules are ORed; from/to/when inside a rule are ANDed; entries of
 * `from`/`to` are ORed; fields of one source/operation are ANDed; values of one field are ORed; `notX` is
 * NOT(any of X). Strings: exact, `prefix*`, `*suffix`, `*` = any non-empty value; paths also take `{*}` and
 * `{**}` templates; hosts are case-insensitive.
 */
import type { ConditionTrace, PolicyRef, StepTrace } from '../trace';
import { labelsMatch, readResource, Reader } from '../reader';
import { guard, type EngineResult, type PathSegment } from '../result';
import { ipInBlock, parseCidr } from './ip';
import { authzStringMatch, headerMatch, namespaceMatch, serviceAccountMatch, serviceAccountProblem } from './match';
import { authzPathMatch, pathTemplateProblem } from './path-template';

export interface AuthzWorkload {
  namespace: string;
  labels?: Record<string, string>;
  /** Resources this proxy enforces `targetRefs` policies for (a gateway, or a service behind a waypoint). */
  targets?: { kind: string; name: string; namespace?: string }[];
}

export interface AuthzRequest {
  /** `http` (default) or `tcp`: on TCP, HTTP-only fields cannot match. */
  protocol?: 'http' | 'tcp';
  /** Peer identity from mTLS, e.g. `cluster.local/ns/default/sa/sleep`; absent = plaintext. */
  sourcePrincipal?: string;
  /** Peer namespace; derived from the principal when absent; unknown without mTLS. */
  sourceNamespace?: string;
  sourceIp?: string;
  /** Original client IP (X-Forwarded-For / proxy protocol); defaults to sourceIp. */
  remoteIp?: string;
  /** Result of RequestAuthentication; null/absent = no token. */
  auth?: { principal: string; audiences?: string[]; presenter?: string; claims?: Record<string, unknown> } | null;
  method?: string;
  path?: string;
  host?: string;
  port?: number;
  headers?: Record<string, string>;
  destinationIp?: string;
  sni?: string;
}

export interface AuthzInput {
  policies: unknown[];
  workload: AuthzWorkload;
  request: AuthzRequest;
  rootNamespace?: string;
  /** What the CUSTOM (ext_authz) provider answers. Default `allow`. */
  customProviderDecision?: 'allow' | 'deny';
}

export type AuthzAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';

/** One `from`/`to`/`when` condition of a rule, checked against the request. */
export type ConditionResult = ConditionTrace;

export interface RuleResult extends StepTrace {
  /** Every condition checked (ANDed). */
  conditions: ConditionResult[];
  /** First failing condition, in words. */
  reason: string;
}

export interface PolicyResult extends PolicyRef {
  action: AuthzAction;
  /** `mesh` (root namespace, no selector), `namespace`, `workload` (selector) or `targetRefs`. */
  scope: 'mesh' | 'namespace' | 'workload' | 'targetRefs';
  matched: boolean;
  /** Index of the first matching rule. */
  ruleIndex: number | null;
  rules: RuleResult[];
  reason: string;
}

export type AuthzStage = 'CUSTOM' | 'DENY' | 'ALLOW';

export interface AuthzDecision {
  allowed: boolean;
  /** HTTP: 200 when allowed (the request goes on), 403 when denied. TCP: null (no HTTP response). */
  status: 200 | 403 | null;
  /** TCP only: a denied connection is closed by the proxy; no status is sent. */
  connectionClosed: boolean;
  /** `RBAC: access denied` for a denied HTTP request. */
  body: string | null;
  decidedBy: 'custom-deny' | 'deny-policy' | 'no-allow-policy' | 'allow-policy' | 'no-allow-match';
  /** The deciding policy and rule, when one decided. */
  policy?: { name: string; namespace: string; action: AuthzAction; ruleIndex: number | null; policyIndex: number };
  summary: string;
  /** The path through the stages, in order; stages not reached are absent. */
  stages: { stage: AuthzStage; policies: PolicyResult[]; outcome: string }[];
  /** AUDIT policies that matched (marking only). */
  audited: PolicyResult[];
  /** Policies that do not apply to this workload, with why. */
  notApplicable: { index: number; name: string; namespace: string; reason: string }[];
  /** Policies the API server would reject; they do not exist. */
  rejected: { index: number; name: string; namespace: string; path: PathSegment[]; reason: string }[];
  notes: string[];
}

// ---------- reading policies ----------

type FieldKind = 'string' | 'path' | 'host' | 'ip' | 'port' | 'method' | 'header' | 'namespace' | 'serviceAccount';

interface FieldSpec {
  kind: FieldKind;
  /** Only meaningful for HTTP (cannot match on TCP). */
  http: boolean;
  value: (req: ReqView) => string | string[] | undefined;
  label: string;
}

interface ReqView {
  protocol: 'http' | 'tcp';
  principal: string | undefined;
  namespace: string | undefined;
  sourceIp: string | undefined;
  remoteIp: string | undefined;
  requestPrincipal: string | undefined;
  audiences: string[];
  presenter: string | undefined;
  claims: Record<string, unknown>;
  method: string | undefined;
  path: string | undefined;
  host: string | undefined;
  port: string | undefined;
  headers: Map<string, string>;
  destinationIp: string | undefined;
  sni: string | undefined;
}

const sourceFields: Record<string, FieldSpec> = {
  principals: { kind: 'string', http: false, value: (r) => r.principal, label: 'source principal' },
  requestPrincipals: { kind: 'string', http: true, value: (r) => r.requestPrincipal, label: 'request principal (JWT iss/sub)' },
  namespaces: { kind: 'namespace', http: false, value: (r) => r.principal, label: 'source principal' },
  serviceAccounts: { kind: 'serviceAccount', http: false, value: (r) => r.principal, label: 'source principal' },
  ipBlocks: { kind: 'ip', http: false, value: (r) => r.sourceIp, label: 'source IP' },
  remoteIpBlocks: { kind: 'ip', http: false, value: (r) => r.remoteIp, label: 'remote IP' },
};

const operationFields: Record<string, FieldSpec> = {
  hosts: { kind: 'host', http: true, value: (r) => r.host, label: 'host' },
  ports: { kind: 'port', http: false, value: (r) => r.port, label: 'port' },
  methods: { kind: 'method', http: true, value: (r) => r.method, label: 'method' },
  paths: { kind: 'path', http: true, value: (r) => r.path, label: 'path' },
};

function claimValue(claims: Record<string, unknown>, keys: string[]): string | string[] | undefined {
  let v: unknown = claims;
  for (const k of keys) {
    // Own properties only: a claim named `constructor` is present only when the token carries it.
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map((x) => String(x));
  if (typeof v === 'object') return undefined;
  return String(v);
}

/** A `when` key → how to read its value from the request; undefined for an unsupported key. */
function whenField(key: string): FieldSpec | undefined {
  const header = /^request\.headers\[(.+)\]$/.exec(key);
  if (header) {
    const name = header[1]!.toLowerCase();
    return { kind: 'header', http: true, value: (r) => r.headers.get(name), label: `header ${name}` };
  }
  const claim = /^request\.auth\.claims((?:\[[^\]]+\])+)$/.exec(key);
  if (claim) {
    const keys = [...claim[1]!.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    return { kind: 'string', http: true, value: (r) => claimValue(r.claims, keys), label: `claim ${keys.join('.')}` };
  }
  switch (key) {
    case 'source.ip':
      return { kind: 'ip', http: false, value: (r) => r.sourceIp, label: 'source IP' };
    case 'remote.ip':
      return { kind: 'ip', http: false, value: (r) => r.remoteIp, label: 'remote IP' };
    case 'source.namespace':
      return { kind: 'namespace', http: false, value: (r) => r.principal, label: 'source principal' };
    case 'source.serviceAccount':
      return { kind: 'serviceAccount', http: false, value: (r) => r.principal, label: 'source principal' };
    case 'source.principal':
      return { kind: 'string', http: false, value: (r) => r.principal, label: 'source principal' };
    case 'request.auth.principal':
      return { kind: 'string', http: true, value: (r) => r.requestPrincipal, label: 'request principal' };
    case 'request.auth.audiences':
      return { kind: 'string', http: true, value: (r) => (r.audiences.length ? r.audiences : undefined), label: 'token audiences' };
    case 'request.auth.presenter':
      return { kind: 'string', http: true, value: (r) => r.presenter, label: 'token presenter (azp)' };
    case 'destination.ip':
      return { kind: 'ip', http: false, value: (r) => r.destinationIp, label: 'destination IP' };
    case 'destination.port':
      return { kind: 'port', http: false, value: (r) => r.port, label: 'destination port' };
    case 'connection.sni':
      return { kind: 'string', http: false, value: (r) => r.sni, label: 'SNI' };
    default:
      return undefined;
  }
}

function matchOne(kind: FieldKind, pattern: string, value: string, policyNamespace: string): boolean {
  switch (kind) {
    case 'header':
      return headerMatch(pattern, value);
    case 'namespace':
      return namespaceMatch(pattern, value);
    case 'serviceAccount':
      return serviceAccountMatch(pattern, value, policyNamespace);
    case 'ip':
      return ipInBlock(value, pattern);
    case 'path':
      return authzPathMatch(pattern, value);
    case 'host':
      return authzStringMatch(pattern, value, true);
    default:
      return authzStringMatch(pattern, value);
  }
}

/** Any value of the field (a claim can be a list) matches any of the patterns. */
function matchAny(spec: FieldSpec, patterns: string[], req: ReqView, policyNamespace: string): boolean {
  const v = spec.value(req);
  const values = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return values.some((x) => patterns.some((p) => matchOne(spec.kind, p, x, policyNamespace)));
}

interface Cond {
  path: PathSegment[];
  field: string;
  /** HTTP-only: on TCP, an ALLOW rule with it is dropped; in DENY the condition alone is dropped. */
  http: boolean;
  test: (req: ReqView) => { passed: boolean; reason: string };
}

const shown = (v: string | string[] | undefined) => (v === undefined ? '(none)' : Array.isArray(v) ? `[${v.join(', ')}]` : JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v));

function fieldConds(r: Reader, specs: Record<string, FieldSpec>, what: string, policyNamespace: string, problems: Problems): Cond[] {
  const conds: Cond[] = [];
  const d = r.optDict() ?? {};
  const keys = Object.keys(d);
  if (keys.some((k) => k === 'serviceAccounts' || k === 'notServiceAccounts') && keys.some((k) => ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].includes(k)))
    problems.push({ path: r.path, reason: 'serviceAccounts cannot be combined with namespaces or principals in one source' });
  for (const key of keys) {
    const negated = key.startsWith('not') && key.length > 3;
    const base = negated ? key[3]!.toLowerCase() + key.slice(4) : key;
    const spec = Object.hasOwn(specs, base) ? specs[base] : undefined;
    if (!spec) throw r.err(`${r.where} has an unknown field "${key}" for ${what}`, [key]);
    const patterns = r.child(key).strList();
    if (patterns.length === 0) continue;
    for (const [i, p] of patterns.entries()) {
      if (spec.kind === 'ip' && !parseCidr(p)) throw r.err(`${r.where}.${key}[${i}] is not an IP address or CIDR block: ${JSON.stringify(p)}`, [key, i]);
      if (spec.kind === 'path') {
        const problem = pathTemplateProblem(p);
        if (problem) problems.push({ path: [...r.path, key, i], reason: `${key}[${i}] ${JSON.stringify(p.slice(0, 80))}: ${problem}` });
      }
      if (spec.kind === 'serviceAccount') {
        const problem = serviceAccountProblem(p);
        if (problem) problems.push({ path: [...r.path, key, i], reason: `${key}[${i}]: ${problem}` });
      }
    }
    if (spec.kind === 'serviceAccount' && patterns.length > 16) problems.push({ path: [...r.path, key], reason: `${key} may not have more than 16 values` });
    conds.push({
      path: [...r.path, key],
      field: key,
      http: spec.http,
      test: (req) => {
        const any = matchAny(spec, patterns, req, policyNamespace);
        const passed = negated ? !any : any;
        const v = spec.value(req);
        const reason = negated
          ? `${key}: the ${spec.label} ${shown(v)} must match none of [${patterns.join(', ')}]${passed ? '' : ' but matches one'}`
          : `${key}: the ${spec.label} ${shown(v)} ${passed ? 'matches' : 'matches none of'} [${patterns.join(', ')}]`;
        return { passed, reason };
      },
    });
  }
  return conds;
}

interface Rule {
  index: number;
  path: PathSegment[];
  /** Each group is ORed inside (from entries, to entries); groups and when conditions are ANDed. */
  groups: { path: PathSegment[]; label: string; alternatives: Cond[][] }[];
  when: Cond[];
}

/** Problems the API server's validation rejects (the policy would not exist). */
type Problems = { path: PathSegment[]; reason: string }[];

function readRule(r: Reader, index: number, policyNamespace: string, problems: Problems): Rule {
  r.optDict();
  const groups: Rule['groups'] = [];
  for (const [key, inner, specs] of [
    ['from', 'source', sourceFields],
    ['to', 'operation', operationFields],
  ] as const) {
    const entries = r.child(key).list();
    if (entries.length === 0) {
      if (Array.isArray(r.child(key).value)) problems.push({ path: [...r.path, key], reason: `\`${key}\` must not be empty` });
      continue;
    }
    const alternatives = entries.map((e) => {
      e.dict();
      for (const k of e.keys()) if (k !== inner) throw e.err(`${e.where} has "${k}": each ${key} entry holds only "${inner}"`, [k]);
      if (e.child(inner).keys().length === 0) problems.push({ path: [...e.path, inner], reason: `\`${key}.${inner}\` must not be empty` });
      return fieldConds(e.child(inner), specs, inner, policyNamespace, problems);
    });
    groups.push({ path: [...r.path, key], label: key, alternatives });
  }
  const when = r
    .child('when')
    .list()
    .map((w): Cond => {
      const key = w.child('key').scalar();
      const spec = whenField(key);
      if (!spec) throw w.err(`${w.where}.key "${key}" is not a supported condition key`, ['key']);
      const values = w.child('values').strList();
      const notValues = w.child('notValues').strList();
      if (values.length === 0 && notValues.length === 0) throw w.err(`${w.where} needs values or notValues`, ['values']);
      for (const [field, list] of [
        ['values', values],
        ['notValues', notValues],
      ] as const) {
        for (const [i, p] of list.entries()) {
          if (spec.kind === 'ip' && !parseCidr(p)) throw w.err(`${w.where}.${field}[${i}] is not an IP address or CIDR block`, [field, i]);
          const saProblem = spec.kind === 'serviceAccount' ? serviceAccountProblem(p) : undefined;
          if (saProblem) problems.push({ path: [...w.path, field, i], reason: `${key} ${field}[${i}]: ${saProblem}` });
        }
      }
      return {
        path: w.path,
        field: `when ${key}`,
        http: spec.http,
        test: (req) => {
          const okValues = values.length === 0 || matchAny(spec, values, req, policyNamespace);
          const okNot = notValues.length === 0 || !matchAny(spec, notValues, req, policyNamespace);
          const v = spec.value(req);
          const parts: string[] = [];
          if (values.length) parts.push(`in [${values.join(', ')}]`);
          if (notValues.length) parts.push(`not in [${notValues.join(', ')}]`);
          return { passed: okValues && okNot, reason: `when ${key}: ${shown(v)} must be ${parts.join(' and ')}${okValues && okNot ? '' : ', it is not'}` };
        },
      };
    });
  return { index, path: r.path, groups, when };
}

interface Policy {
  index: number;
  name: string;
  namespace: string;
  action: AuthzAction;
  selector: Record<string, string> | undefined;
  targetRefs: { kind: string; name: string; namespace: string }[] | undefined;
  provider: string | undefined;
  rules: Rule[];
  path: PathSegment[];
  problems: Problems;
}

function readPolicy(raw: unknown, index: number): Policy {
  const r = new Reader(raw, 'policies', [], index);
  const meta = readResource(r, ['AuthorizationPolicy']);
  const spec = r.child('spec');
  spec.optDict();
  const actionR = spec.child('action');
  const action = (actionR.isMissing() ? 'ALLOW' : actionR.scalar()) as AuthzAction;
  if (!['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'].includes(action)) throw actionR.err(`spec.action must be ALLOW, DENY, AUDIT or CUSTOM, got ${action}`);
  const selR = spec.child('selector');
  const selector = selR.isMissing() ? undefined : selR.child('matchLabels').labels();
  const trR = spec.child('targetRefs');
  const singleR = spec.child('targetRef');
  const refs = [...trR.list(), ...(singleR.isMissing() ? [] : [singleR])];
  const targetRefs =
    refs.length === 0
      ? undefined
      : refs.map((t) => ({ kind: t.child('kind').scalar(), name: t.child('name').scalar(), namespace: t.child('namespace').optStr() ?? meta.namespace }));
  const provider = spec.child('provider').isMissing() ? undefined : spec.child('provider').child('name').optStr();
  const rulesR = spec.child('rules');
  const problems: Problems = [];
  const rules = rulesR.list().map((rr, i) => readRule(rr, i, meta.namespace, problems));
  if (action === 'CUSTOM') customProblems(rulesR, problems);
  return { index, name: meta.name, namespace: meta.namespace, action, selector, targetRefs, provider, rules, path: r.path, problems };
}

/** Identity fields ext_authz cannot see: Istio's validation rejects them in a CUSTOM policy. */
const CUSTOM_UNSUPPORTED_SOURCE = ['namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals'];

function customProblems(rulesR: Reader, problems: Problems): void {
  for (const rule of rulesR.list()) {
    for (const from of rule.child('from').list()) {
      const src = from.child('source');
      for (const k of src.keys()) if (CUSTOM_UNSUPPORTED_SOURCE.includes(k)) problems.push({ path: [...src.path, k], reason: `from.source.${k} is not supported with action CUSTOM` });
    }
    for (const w of rule.child('when').list()) {
      const key = w.child('key').isMissing() ? '' : w.child('key').scalar();
      if (['source.namespace', 'source.serviceAccount', 'source.principal'].includes(key) || key.startsWith('request.auth.'))
        problems.push({ path: [...w.path, 'key'], reason: `when key ${key} is not supported with action CUSTOM` });
    }
  }
}

function evalRule(rule: Rule, req: ReqView, action: AuthzAction): RuleResult {
  const conditions: ConditionResult[] = [];
  let matched = true;
  let reason = '';
  const tcp = req.protocol === 'tcp';
  const check = (c: Cond): boolean => {
    if (tcp && c.http) {
      if (action === 'DENY') {
        conditions.push({ path: c.path, field: c.field, passed: true, reason: `${c.field} is HTTP-only: on TCP a DENY policy ignores this condition` });
        return true;
      }
      conditions.push({ path: c.path, field: c.field, passed: false, reason: `${c.field} is HTTP-only: on TCP an ${action} rule using it never matches` });
      return false;
    }
    const t = c.test(req);
    conditions.push({ path: c.path, field: c.field, passed: t.passed, reason: t.reason });
    return t.passed;
  };
  for (const g of rule.groups) {
    // Entries of a list are ORed: the group passes when one entry has all its conditions true.
    let groupOk = false;
    const before = conditions.length;
    for (const alt of g.alternatives) {
      let ok = true;
      for (const c of alt) if (!check(c)) ok = false;
      if (ok) groupOk = true;
    }
    if (!groupOk) {
      matched = false;
      const firstFail = conditions.slice(before).find((c) => !c.passed);
      if (!reason) reason = firstFail ? firstFail.reason : `${g.label} does not match`;
    }
  }
  for (const c of rule.when) {
    if (!check(c)) {
      matched = false;
      if (!reason) reason = conditions[conditions.length - 1]!.reason;
    }
  }
  if (matched) reason = rule.groups.length === 0 && rule.when.length === 0 ? 'an empty rule matches every request' : 'every condition holds';
  return { index: rule.index, path: rule.path, matched, conditions, reason };
}

function evalPolicy(p: Policy, req: ReqView, scope: PolicyResult['scope']): PolicyResult {
  const rules = p.rules.map((r) => evalRule(r, req, p.action));
  const hit = rules.find((r) => r.matched);
  const reason =
    p.rules.length === 0
      ? 'no rules: matches nothing (for ALLOW this means allow nothing)'
      : hit
        ? `rule ${hit.index} matches: ${hit.reason}`
        : rules.length === 1
          ? `its rule does not match: ${rules[0]!.reason}`
          : `none of its ${rules.length} rules matches`;
  return { index: p.index, name: p.name, namespace: p.namespace, action: p.action, scope, matched: hit !== undefined, ruleIndex: hit ? hit.index : null, rules, reason };
}

function requestView(req: AuthzRequest): ReqView {
  const r = new Reader(req, 'request');
  r.dict();
  const principal = r.child('sourcePrincipal').optStr()?.trim() || undefined;
  const fromPrincipal = principal ? /(?:^|\/)ns\/([^/]+)\//.exec(principal)?.[1] : undefined;
  const ns = principal ? r.child('sourceNamespace').optStr()?.trim() || fromPrincipal : undefined;
  const auth = r.child('auth');
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(r.child('headers').strMap())) headers.set(k.toLowerCase(), v);
  let path = r.child('path').optStr();
  if (path !== undefined) {
    const q = path.search(/[?#]/);
    if (q >= 0) path = path.slice(0, q);
  }
  const sourceIp = r.child('sourceIp').optStr()?.trim() || undefined;
  const portR = r.child('port');
  const protocol = r.child('protocol').optStr();
  if (protocol !== undefined && protocol !== 'http' && protocol !== 'tcp') throw r.err('request.protocol must be http or tcp', ['protocol']);
  const claims = auth.isMissing() ? {} : (auth.child('claims').optDict() ?? {});
  return {
    protocol: protocol ?? 'http',
    principal,
    namespace: ns,
    sourceIp,
    remoteIp: r.child('remoteIp').optStr()?.trim() || sourceIp,
    requestPrincipal: auth.isMissing() ? undefined : auth.child('principal').optStr(),
    audiences: auth.isMissing() ? [] : auth.child('audiences').strList(),
    presenter: auth.isMissing() ? undefined : auth.child('presenter').optStr(),
    claims,
    method: r.child('method').optStr() ?? 'GET',
    path: path ?? '/',
    host: r.child('host').optStr(),
    port: portR.isMissing() ? undefined : portR.scalar(),
    headers,
    destinationIp: r.child('destinationIp').optStr(),
    sni: r.child('sni').optStr(),
  };
}

function decide(input: AuthzInput): AuthzDecision {
  const inR = new Reader(input, 'input');
  inR.dict();
  const root = inR.child('rootNamespace').optStr() || 'istio-system';
  const wR = inR.child('workload');
  wR.dict();
  const wNs = wR.child('namespace').str();
  const wLabels = wR.child('labels').labels();
  const targets = wR
    .child('targets')
    .list()
    .map((t) => ({ kind: t.child('kind').scalar(), name: t.child('name').scalar(), namespace: t.child('namespace').optStr() ?? wNs }));
  const req = requestView(input.request);
  const custom = inR.child('customProviderDecision').optStr() ?? 'allow';
  const policiesR = inR.child('policies');
  policiesR.list();

  const out: AuthzDecision = {
    allowed: true,
    status: req.protocol === 'http' ? 200 : null,
    connectionClosed: false,
    body: null,
    decidedBy: 'no-allow-policy',
    summary: '',
    stages: [],
    audited: [],
    notApplicable: [],
    rejected: [],
    notes: [],
  };
  if (req.principal === undefined && input.request.sourceNamespace) out.notes.push('No mTLS peer identity: the source namespace is unknown, so namespaces fields cannot match.');

  const applicable: { p: Policy; scope: PolicyResult['scope'] }[] = [];
  (input.policies ?? []).forEach((raw, i): void => {
    const p = readPolicy(raw, i);
    const reject = (path: PathSegment[], reason: string): void => {
      out.rejected.push({ index: i, name: p.name, namespace: p.namespace, path, reason });
    };
    if (p.selector && p.targetRefs) return reject([...p.path, 'spec'], 'selector and targetRefs are mutually exclusive');
    if ((p.action === 'DENY' || p.action === 'CUSTOM') && p.rules.length === 0)
      return reject([...p.path, 'spec', 'rules'], `${p.action} without rules is rejected: it would never trigger (to match every request write rules: [{}])`);
    const problem = p.problems[0];
    if (problem) return reject(problem.path, problem.reason);
    if (p.action === 'CUSTOM' && !p.provider) return reject([...p.path, 'spec', 'provider'], 'CUSTOM needs provider.name');
    if (p.action !== 'CUSTOM' && p.provider) return reject([...p.path, 'spec', 'provider'], 'provider is only for action CUSTOM');
    let scope: PolicyResult['scope'];
    const na = (reason: string): void => {
      out.notApplicable.push({ index: i, name: p.name, namespace: p.namespace, reason });
    };
    if (p.targetRefs) {
      const hit = p.targetRefs.some((t) => targets.some((w) => w.kind === t.kind && w.name === t.name && w.namespace === t.namespace));
      if (!hit) return na(`its targetRefs (${p.targetRefs.map((t) => `${t.kind}/${t.name}`).join(', ')}) do not name this proxy`);
      scope = 'targetRefs';
    } else {
      if (p.namespace !== root && p.namespace !== wNs) return na(`it is in namespace ${p.namespace}, the workload is in ${wNs}`);
      if (p.selector && Object.keys(p.selector).length > 0) {
        if (!labelsMatch(p.selector, wLabels)) return na(`its selector (${Object.entries(p.selector).map(([k, v]) => `${k}=${v}`).join(', ')}) does not match the workload's labels`);
        scope = 'workload';
      } else scope = p.namespace === root ? 'mesh' : 'namespace';
    }
    applicable.push({ p, scope });
  });

  const deny = (decidedBy: AuthzDecision['decidedBy'], summary: string, pr?: PolicyResult) => {
    out.allowed = false;
    const tcp = req.protocol === 'tcp';
    // Envoy's network RBAC filter closes a denied TCP connection; only HTTP gets a 403 response.
    out.status = tcp ? null : 403;
    out.connectionClosed = tcp;
    out.body = tcp ? null : 'RBAC: access denied';
    out.decidedBy = decidedBy;
    out.summary = summary;
    if (pr) out.policy = { name: pr.name, namespace: pr.namespace, action: pr.action, ruleIndex: pr.ruleIndex, policyIndex: pr.index };
    return out;
  };
  /** What a denial looks like to the client: a 403 response on HTTP, a closed connection on TCP. */
  const refusal = req.protocol === 'tcp' ? 'connection closed' : '403';
  const label = (pr: PolicyResult) => `${pr.namespace}/${pr.name}${pr.ruleIndex !== null ? ` rule ${pr.ruleIndex}` : ''}`;

  for (const { p, scope } of applicable) if (p.action === 'AUDIT') {
    const pr = evalPolicy(p, req, scope);
    if (pr.matched) out.audited.push(pr);
  }

  // 1. CUSTOM
  const customs = applicable.filter((a) => a.p.action === 'CUSTOM').map((a) => evalPolicy(a.p, req, a.scope));
  if (customs.length > 0) {
    const hit = customs.find((c) => c.matched);
    if (hit && custom === 'deny') {
      out.stages.push({ stage: 'CUSTOM', policies: customs, outcome: `${label(hit)} matches; the external authorizer denies` });
      return deny('custom-deny', `Denied at the CUSTOM stage: ${label(hit)} sends the request to its provider, which denies it.`, hit);
    }
    out.stages.push({ stage: 'CUSTOM', policies: customs, outcome: hit ? `${label(hit)} matches; the external authorizer allows, evaluation goes on` : 'no CUSTOM policy matches' });
  }
  // 2. DENY
  const denies = applicable.filter((a) => a.p.action === 'DENY').map((a) => evalPolicy(a.p, req, a.scope));
  const denyHit = denies.find((d) => d.matched);
  out.stages.push({ stage: 'DENY', policies: denies, outcome: denyHit ? `${label(denyHit)} matches: ${refusal}` : denies.length ? 'no DENY policy matches' : 'no DENY policy applies' });
  if (denyHit) return deny('deny-policy', `Denied (${refusal}) by DENY policy ${label(denyHit)}: ${denyHit.rules[denyHit.ruleIndex!]!.reason}.`, denyHit);
  // 3. ALLOW
  const allows = applicable.filter((a) => a.p.action === 'ALLOW').map((a) => evalPolicy(a.p, req, a.scope));
  if (allows.length === 0) {
    out.stages.push({ stage: 'ALLOW', policies: [], outcome: 'no ALLOW policy applies to the workload: allowed' });
    out.summary = 'Allowed: no DENY policy matches and no ALLOW policy applies to this workload, so everything is allowed.';
    return out;
  }
  const allowHit = allows.find((a) => a.matched);
  if (allowHit) {
    out.stages.push({ stage: 'ALLOW', policies: allows, outcome: `${label(allowHit)} matches: allowed` });
    out.decidedBy = 'allow-policy';
    out.policy = { name: allowHit.name, namespace: allowHit.namespace, action: 'ALLOW', ruleIndex: allowHit.ruleIndex, policyIndex: allowHit.index };
    out.summary = `Allowed by ALLOW policy ${label(allowHit)}.`;
    return out;
  }
  out.stages.push({ stage: 'ALLOW', policies: allows, outcome: `${allows.length} ALLOW ${allows.length === 1 ? 'policy applies' : 'policies apply'} and none matches: ${refusal}` });
  const emptyAllow = allows.find((a) => p(applicable, a).rules.length === 0);
  return deny(
    'no-allow-match',
    emptyAllow
      ? `Denied (${refusal}): ALLOW policy ${emptyAllow.namespace}/${emptyAllow.name} has no rules (spec: {} allows nothing), and no other ALLOW policy matches.`
      : `Denied (${refusal}): ALLOW policies apply to this workload and none of their rules matches.`,
  );
}

function p(list: { p: Policy }[], pr: PolicyResult): Policy {
  return list.find((x) => x.p.index === pr.index)!.p;
}

/** Evaluates the AuthorizationPolicies that apply to a workload for one request. Never throws. */
export function evaluateAuthz(input: AuthzInput): EngineResult<{ decision: AuthzDecision }> {
  return guard(() => ({ decision: decide(input) }));
}

/** `cluster.local/ns/<ns>/sa/<sa>`: the principal a sidecar presents for a service account. */
export function spiffePrincipal(namespace: string, serviceAccount: string, trustDomain = 'cluster.local'): string {
  return `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}
