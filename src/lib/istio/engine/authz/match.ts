/**
 * How AuthorizationPolicy values match (pilot/pkg/security/authz/matcher, model/generator.go): strings,
 * headers, namespaces and service accounts.
 */
import { re2FullMatch } from '../regex';

/** Istio AuthorizationPolicy string match: exact, prefix*, *suffix, `*` = non-empty. */
export function authzStringMatch(pattern: string, value: string | undefined, caseInsensitive = false): boolean {
  if (value === undefined) return false;
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  const v = caseInsensitive ? value.toLowerCase() : value;
  if (p === '*') return v !== '';
  if (p.startsWith('*')) return v.endsWith(p.slice(1));
  if (p.endsWith('*')) return v.startsWith(p.slice(0, -1));
  return v === p;
}

/** A header condition: `*` is a presence match (an empty value matches), the rest as {@link authzStringMatch}. */
export function headerMatch(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  return pattern === '*' ? true : authzStringMatch(pattern, value);
}

/** `namespaces` match the peer principal with `.*\/ns/<value>/.*`, each `*` in the value becoming `.*`. */
export function namespaceMatch(pattern: string, principal: string): boolean {
  return re2FullMatch(`.*/ns/${pattern.replaceAll('*', '.*')}/.*`, principal);
}

/** `serviceAccounts` (`sa` or `ns/sa`, namespace defaulting to the policy's) match the peer's SPIFFE ID. */
export function serviceAccountMatch(pattern: string, principal: string, policyNamespace: string): boolean {
  const slash = pattern.indexOf('/');
  const ns = slash < 0 ? policyNamespace : pattern.slice(0, slash);
  const sa = slash < 0 ? pattern : pattern.slice(slash + 1);
  return re2FullMatch(`spiffe://.+/ns/${ns}/(.+/|)sa/${sa}(/.+)?`, `spiffe://${principal}`);
}

/** Why the API server rejects a serviceAccounts value (Istio's CheckServiceAccount), or undefined. */
export function serviceAccountProblem(value: string): string | undefined {
  if (value === '') return 'an empty value is not allowed';
  if (value.includes('*')) return 'wildcards are not allowed in serviceAccounts';
  if (value.length > 320) return 'a value may not exceed 320 characters';
  const parts = value.split('/');
  if (parts.length > 2 || parts.some((p) => p === '')) return `expected "serviceAccount" or "namespace/serviceAccount", got ${JSON.stringify(value.slice(0, 80))}`;
  return undefined;
}
