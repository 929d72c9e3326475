/**
 * AuthorizationPolicy `paths`: `{*}` / `{**}` URI templates (Envoy's uri_template), the admission check
 * Istio applies to them (pkg/config/security/security.go CheckValidPathTemplate), else the string rules.
 */
import { authzStringMatch } from './match';

/**
 * Matches a `{*}`/`{**}` path template in linear passes, without a regular expression engine:
 * `{*}` is one or more characters other than `/` (one segment), `{**}` any run of characters (any number
 * of segments), everything else is literal. The set of reachable positions in the path is carried from
 * token to token, so no input can make it backtrack.
 */
function templateMatch(pattern: string, path: string): boolean {
  const tokens = pattern.split(/(\{\*\*\}|\{\*\})/).filter((t) => t !== '');
  let reach = new Uint8Array(path.length + 1);
  reach[0] = 1;
  for (const token of tokens) {
    const next = new Uint8Array(path.length + 1);
    if (token === '{**}') {
      const first = reach.indexOf(1);
      if (first >= 0) next.fill(1, first);
    } else if (token === '{*}') {
      // From a reachable position, one or more non-slash characters.
      let open = false;
      for (let i = 0; i < path.length; i++) {
        if (path[i] === '/') open = false;
        else {
          if (reach[i]) open = true;
          if (open) next[i + 1] = 1;
        }
      }
    } else {
      for (let i = 0; i + token.length <= path.length; i++) {
        if (reach[i] && path.startsWith(token, i)) next[i + token.length] = 1;
      }
    }
    reach = next;
  }
  return reach[path.length] === 1;
}

/** Path match: a `{*}`/`{**}` template (single segment / any number of segments), else the string rules. */
export function authzPathMatch(pattern: string, path: string | undefined): boolean {
  if (path === undefined) return false;
  if (pattern.includes('{*}') || pattern.includes('{**}')) return templateMatch(pattern, path);
  return authzStringMatch(pattern, path);
}

/** Characters a literal path segment may hold next to a template (Envoy's pchar, as Istio checks it). */
const PATH_LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/**
 * Why the API server rejects a `paths`/`notPaths` value (Istio's CheckValidPathTemplate), or undefined.
 * `{*}` and `{**}` must each be a whole segment, `{**}` the last operator, and no other `{` `}` anywhere.
 */
export function pathTemplateProblem(path: string): string | undefined {
  const hasTemplate = path.includes('{*}') || path.includes('{**}');
  let seenAny = false;
  for (const glob of path.replace(/^\/+|\/+$/g, '').split('/')) {
    if ((glob === '{*}' || glob === '{**}') && seenAny) return '{**} must be the last operator in a path template';
    if (glob === '{*}') continue;
    if (glob === '{**}') {
      seenAny = true;
      continue;
    }
    if (glob.includes('{') || glob.includes('}')) return `segment ${JSON.stringify(glob)} has "{" or "}" outside a supported template ({*} or {**} alone in a segment)`;
    if (hasTemplate && !PATH_LITERAL.test(glob)) return `segment ${JSON.stringify(glob)} is not a valid literal next to a path template`;
  }
  return undefined;
}
