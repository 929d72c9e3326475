/**
 * istiod's checks of AuthorizationPolicy, PeerAuthentication and RequestAuthentication (istio/istio
 * pkg/config/validation/validation.go and pkg/config/security/security.go at 1.26.8).
 */
import type { PathSegment } from '../../../yaml/field-path';
import { isIPv4, isIPv6 } from '../schema-check';
import { isObj, list, newReport, obj, str, strings, type Obj, type Report } from './report';
import { checkDuration, checkStrictHeaderName } from './common';

/** validateWorkloadSelector: no empty key, no wildcard; a selector without labels is a warning. */
export function checkWorkloadSelector(r: Report, selector: unknown, at: PathSegment[]): void {
  if (!isObj(selector)) return;
  const labels = obj(selector.matchLabels);
  for (const [k, v] of Object.entries(labels)) {
    if (k === '') r.deny([...at, 'matchLabels'], `empty key is not supported in selector: ${JSON.stringify(`${k}=${str(v)}`)}`);
    if (k.includes('*') || str(v).includes('*')) r.deny([...at, 'matchLabels', k], `wildcard is not supported in selector: ${JSON.stringify(`${k}=${str(v)}`)}`);
  }
  if (Object.keys(labels).length === 0) r.warn(at, 'workload selector specified without labels');
}

const allowedTargetRefs = '[/v1, Kind=Service networking.istio.io/v1, Kind=ServiceEntry gateway.networking.k8s.io/v1, Kind=Gateway gateway.networking.k8s.io/v1, Kind=GatewayClass]';
const targetKinds = new Set(['core/Service', 'networking.istio.io/ServiceEntry', 'gateway.networking.k8s.io/Gateway', 'gateway.networking.k8s.io/GatewayClass']);

/** selector / targetRef / targetRefs: at most one, and targetRefs to a kind policies can attach to. */
export function checkPolicyTargets(r: Report, spec: Obj): void {
  const set = [isObj(spec.selector), isObj(spec.targetRef), list(spec.targetRefs).length > 0].filter(Boolean).length;
  if (set > 1) r.deny(['spec'], 'only one of targetRefs or workloadSelector can be set');
  checkWorkloadSelector(r, spec.selector, ['spec', 'selector']);
  const refs: Array<[unknown, PathSegment[]]> = [[spec.targetRef, ['spec', 'targetRef']], ...list(spec.targetRefs).map((t, i): [unknown, PathSegment[]] => [t, ['spec', 'targetRefs', i]])];
  for (const [ref, at] of refs) {
    if (!isObj(ref)) continue;
    if (!str(ref.name)) r.deny(at, 'targetRef name must be set');
    if (str(ref.namespace)) r.deny([...at, 'namespace'], 'targetRef namespace must not be set; cross namespace referencing is not supported');
    const group = str(ref.group) || 'core';
    if (!targetKinds.has(`${group}/${str(ref.kind)}`)) r.deny(at, `targetRef must be to one of ${allowedTargetRefs} but was ${str(ref.group)}/${str(ref.kind)}`);
  }
}

const emptyValue = (key: string, values: string[]) => (values.some((v) => v === '') ? `empty value not allowed, found in ${key}` : undefined);

function serviceAccountError(key: string, values: string[]): string | undefined {
  if (values.length > 16) return 'may not have more than 16 values';
  for (const value of values) {
    if (value === '') return `empty value not allowed, found in ${key}`;
    if (value.includes('*')) return `wildcard not allowed, found in ${key}`;
    const slashes = value.split('/').length - 1;
    if (slashes > 1) return `expected format 'serviceAccount' or 'namespace/serviceAccount', found ${JSON.stringify(value)} in ${key}`;
    if (value.length > 320) return `value cannot exceed 320 characters, found ${JSON.stringify(value)} in ${key}`;
    const [ns, sa] = value.split('/');
    if (slashes === 1 && ns === '') return `expected format 'serviceAccount' or 'namespace/serviceAccount', found empty namespace ${JSON.stringify(value)} in ${key}`;
    if (slashes === 1 && sa === '') return `expected format 'serviceAccount' or 'namespace/serviceAccount', found empty serviceAccount ${JSON.stringify(value)} in ${key}`;
  }
  return undefined;
}

const validLiteral = /^[a-zA-Z0-9-._~%!$&'()+,;:@=]+$/;

/** CheckValidPathTemplate: `{*}` matches one segment, `{**}` the rest and only last. */
function pathTemplateError(key: string, paths: string[]): string | undefined {
  for (const original of paths) {
    const hasTemplate = original.includes('{*}') || original.includes('{**}');
    const path = original.replace(/^\/+|\/+$/g, '');
    let anySeen = false;
    for (const glob of path.split('/')) {
      if (glob === '{*}' && !anySeen) continue;
      if (glob === '{**}' && !anySeen) {
        anySeen = true;
        continue;
      }
      if ((glob === '{**}' || glob === '{*}') && anySeen) return `invalid or unsupported path ${path}, found in ${key}. {**} is not the last operator`;
      if (/[{}]/.test(glob)) return `invalid or unsupported path ${path}, found in ${key}. Contains '{' or '}' beyond a supported path template`;
      if (hasTemplate && !validLiteral.test(glob)) return `invalid or unsupported path ${path}, found in ${key}. Contains segment ${glob} with invalid string literal`;
    }
  }
  return undefined;
}

/** Go's netip.ParseAddr / ParsePrefix, as far as a learner's input goes. */
function ipErrors(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v.includes('/')) {
      const [addr = '', bits = ''] = v.split('/');
      const max = isIPv4(addr) ? 32 : isIPv6(addr) ? 128 : -1;
      if (max < 0 || !/^\d+$/.test(bits) || Number(bits) > max) out.push(`bad CIDR range (${v}): netip.ParsePrefix(${JSON.stringify(v)}): invalid prefix`);
    } else if (!isIPv4(v) && !isIPv6(v)) out.push(`bad IP address (${v})`);
  }
  return out;
}

function portErrors(values: string[]): string[] {
  return values.filter((p) => !/^\d+$/.test(p) || Number(p) > 65535).map((p) => `bad port (${p}): ${/^\d+$/.test(p) ? '<nil>' : `strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax`}`);
}

const mapKeyOk = (key: string) => {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2;
};

/** ValidateAttribute: the `when` keys istiod knows and the values each accepts. */
function attributeError(key: string, values: string[]): string | undefined {
  const empty = emptyValue(key, values);
  if (empty) return empty;
  const badKey = mapKeyOk(key) ? undefined : `bad key (${key}): should have format a[b]`;
  if (key.startsWith('request.headers')) return badKey;
  if (key === 'source.ip' || key === 'remote.ip' || key === 'destination.ip') return ipErrors(values).join('; ') || undefined;
  if (key === 'source.serviceAccount') return serviceAccountError(key, values);
  if (['source.namespace', 'source.principal', 'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'connection.sni'].includes(key)) return undefined;
  if (key.startsWith('request.auth.claims') || key.startsWith('experimental.envoy.filters.')) return badKey;
  if (key === 'destination.port') return portErrors(values).join('; ') || undefined;
  if (key === 'destination.namespace') return `attribute ${key} is replaced by the metadata.namespace`;
  if (key.startsWith('destination.labels')) return `attribute ${key} is replaced by the workload selector`;
  if (key === 'destination.name' || key === 'destination.user') return `deprecated attribute ${key}: only supported in v1alpha1`;
  return `unknown attribute: ${key}`;
}

const sourceFields = ['principals', 'requestPrincipals', 'namespaces', 'ipBlocks', 'remoteIpBlocks', 'notPrincipals', 'notRequestPrincipals', 'notNamespaces', 'notIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts'];
const operationFields = ['ports', 'methods', 'paths', 'hosts', 'notPorts', 'notMethods', 'notPaths', 'notHosts'];
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function checkAuthorizationPolicy(spec: Obj, name: string, namespace: string): Report {
  // Every error of this kind is prefixed with the policy's name and namespace.
  const r = newReport(`invalid policy ${name}.${namespace}: `);
  checkPolicyTargets(r, spec);
  const action = str(spec.action) || 'ALLOW';
  const hasRules = Object.hasOwn(spec, 'rules') && spec.rules !== null;
  const rules = list(spec.rules);
  const provider = obj(spec.provider);
  if (action === 'CUSTOM') {
    if (!hasRules) r.deny(['spec', 'action'], 'CUSTOM action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request');
    else if (!str(provider.name)) r.deny(['spec', 'provider'], '`provider.name` must not be empty');
    rules.forEach((rule, i) => {
      list(obj(rule).from).forEach((from, j) => {
        const src = obj(obj(from).source);
        for (const f of ['namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals']) {
          if (list(src[f]).length) r.deny(['spec', 'rules', i, 'from', j, 'source', f], `From.${capital(f)} is currently not supported with CUSTOM action`);
        }
      });
      list(obj(rule).when).forEach((when, j) => {
        const key = str(obj(when).key);
        if (['source.namespace', 'source.serviceAccount', 'source.principal'].includes(key) || key.startsWith('request.auth.')) {
          r.deny(['spec', 'rules', i, 'when', j, 'key'], `${key} is currently not supported with CUSTOM action`);
        }
      });
    });
  }
  if (isObj(spec.provider) && action !== 'CUSTOM') r.deny(['spec', 'provider'], `\`provider\` must not be with non CUSTOM action, found ${action}`);
  if (action === 'DENY' && !hasRules) {
    r.deny(['spec', 'rules'], 'DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request');
  }
  rules.forEach((raw, i) => {
    const at: PathSegment[] = ['spec', 'rules', i];
    if (!isObj(raw)) {
      r.deny(at, `\`rule\` must not be nil, found at rule ${i}`);
      return;
    }
    const rule = raw;
    if (Array.isArray(rule.from) && rule.from.length === 0) r.deny([...at, 'from'], `\`from\` must not be empty, found at rule ${i}`);
    let tcpInFrom = false;
    let tcpInTo = false;
    let fromExists = false;
    let toExists = false;
    list(rule.from).forEach((from, j) => {
      const fat: PathSegment[] = [...at, 'from', j];
      if (!isObj(from)) return r.deny(fat, `\`from\` must not be nil, found at rule ${i}`);
      if (!isObj(from.source)) return r.deny(fat, `\`from.source\` must not be nil, found at rule ${i}`);
      fromExists = true;
      const src = from.source;
      const sat: PathSegment[] = [...fat, 'source'];
      const n = (f: string) => list(src[f]).length;
      if (n('principals') + n('notPrincipals') + n('namespaces') + n('notNamespaces') > 0 && n('serviceAccounts') + n('notServiceAccounts') > 0) {
        r.deny(sat, `cannot set serviceAccounts with namespaces or principals, found at rule ${i}`);
      }
      if (sourceFields.every((f) => n(f) === 0)) r.deny(sat, `\`from.source\` must not be empty, found at rule ${i}`);
      for (const f of ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks']) for (const e of ipErrors(strings(src[f]))) r.deny([...sat, f], e);
      for (const f of sourceFields) {
        const values = strings(src[f]);
        const e = f === 'serviceAccounts' || f === 'notServiceAccounts' ? serviceAccountError(capital(f), values) : emptyValue(capital(f), values);
        if (e) r.deny([...sat, f], e);
      }
      if (sourceFields.some((f) => f !== 'requestPrincipals' && f !== 'notRequestPrincipals' && Object.hasOwn(src, f))) tcpInFrom = true;
    });
    if (Array.isArray(rule.to) && rule.to.length === 0) r.deny([...at, 'to'], `\`to\` must not be empty, found at rule ${i}`);
    list(rule.to).forEach((to, j) => {
      const tat: PathSegment[] = [...at, 'to', j];
      if (!isObj(to)) return r.deny(tat, `\`to\` must not be nil, found at rule ${i}`);
      if (!isObj(to.operation)) return r.deny(tat, `\`to.operation\` must not be nil, found at rule ${i}`);
      toExists = true;
      const op = to.operation;
      const oat: PathSegment[] = [...tat, 'operation'];
      if (operationFields.every((f) => list(op[f]).length === 0)) r.deny(oat, `\`to.operation\` must not be empty, found at rule ${i}`);
      for (const f of ['ports', 'notPorts']) for (const e of portErrors(strings(op[f]))) r.deny([...oat, f], e);
      for (const f of operationFields) {
        const e = emptyValue(capital(f), strings(op[f]));
        if (e) r.deny([...oat, f], e);
      }
      for (const f of ['paths', 'notPaths']) {
        const e = pathTemplateError(capital(f), strings(op[f]));
        if (e) r.deny([...oat, f], e);
      }
      if (Object.hasOwn(op, 'ports') || Object.hasOwn(op, 'notPorts')) tcpInTo = true;
    });
    list(rule.when).forEach((when, j) => {
      const wat: PathSegment[] = [...at, 'when', j];
      const c = obj(when);
      const key = str(c.key);
      if (key === '') return r.deny(wat, '`key` must not be empty');
      const values = strings(c.values);
      const notValues = strings(c.notValues);
      if (values.length === 0 && notValues.length === 0) return r.deny(wat, `at least one of \`values\` or \`notValues\` must be set for key ${key}`);
      const ve = values.length ? attributeError(key, values) : undefined;
      if (ve) r.deny([...wat, 'values'], `invalid \`value\` for \`key\` ${key}: ${ve}`);
      const ne = notValues.length ? attributeError(key, notValues) : undefined;
      if (ne) r.deny([...wat, 'notValues'], `invalid \`notValue\` for \`key\` ${key}: ${ne}`);
    });
    if (((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo)) && action === 'DENY') {
      r.warn(at, 'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port');
    }
  });
  return r;
}

export function checkPeerAuthentication(spec: Obj): Report {
  const r = newReport();
  const emptySelector = Object.keys(obj(obj(spec.selector).matchLabels)).length === 0;
  const ports = isObj(spec.portLevelMtls) ? Object.keys(spec.portLevelMtls) : undefined;
  if (emptySelector && ports?.length) r.deny(['spec', 'portLevelMtls'], 'mesh/namespace peer authentication cannot have port level mTLS');
  if (ports && ports.length === 0) r.deny(['spec', 'portLevelMtls'], 'port level mTLS, if defined, must have at least one element');
  for (const p of ports ?? []) {
    const n = Number(p);
    if (!/^\d+$/.test(p) || n <= 0 || n > 65535) r.deny(['spec', 'portLevelMtls', p], 'port must be in range 1..65535');
  }
  checkWorkloadSelector(r, spec.selector, ['spec', 'selector']);
  return r;
}

/** A JWKS URI as security.ParseJwksURI reads it: http(s) with a host. */
function jwksUriError(uri: string): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(uri);
  if (!m) return `URI ${JSON.stringify(uri)} is missing the scheme`;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `URI scheme ${JSON.stringify(scheme)} is not supported`;
  if (!m[2]) return `URI ${JSON.stringify(uri)} is missing the host`;
  return undefined;
}

export function checkRequestAuthentication(spec: Obj): Report {
  const r = newReport();
  checkPolicyTargets(r, spec);
  list(spec.jwtRules).forEach((raw, i) => {
    if (!isObj(raw)) return;
    const rule = raw;
    const at: PathSegment[] = ['spec', 'jwtRules', i];
    if (!str(rule.issuer)) r.deny(at, 'issuer must be set');
    for (const a of strings(rule.audiences)) if (a === '') r.deny([...at, 'audiences'], 'audience must be non-empty string');
    if (str(rule.jwksUri)) {
      const e = jwksUriError(str(rule.jwksUri));
      if (e) r.deny([...at, 'jwksUri'], e);
    }
    if (str(rule.jwks)) {
      try {
        const parsed: unknown = JSON.parse(str(rule.jwks));
        if (!isObj(parsed)) throw new Error('not an object');
      } catch (e) {
        r.deny([...at, 'jwks'], `jwks parse error: ${(e as Error).message}`);
      }
    }
    list(rule.fromHeaders).forEach((h, j) => {
      if (!str(obj(h).name)) r.deny([...at, 'fromHeaders', j], 'location header name must be non-empty string');
    });
    for (const p of strings(rule.fromParams)) if (p === '') r.deny([...at, 'fromParams'], 'location query must be non-empty string');
    for (const c of strings(rule.fromCookies)) if (c === '') r.deny([...at, 'fromCookies'], 'cookie name must be non-empty string');
    list(rule.outputClaimToHeaders).forEach((o, j) => {
      const claim = str(obj(o).claim);
      const header = str(obj(o).header);
      if (!claim || !header) return r.deny([...at, 'outputClaimToHeaders', j], 'outputClaimToHeaders header and claim value must be non-empty string');
      const e = checkStrictHeaderName(header);
      if (e) r.deny([...at, 'outputClaimToHeaders', j, 'header'], e);
    });
    if (rule.timeout !== undefined) {
      const e = checkDuration(str(rule.timeout));
      if (e) r.deny([...at, 'timeout'], e);
    }
  });
  return r;
}
