import { examIstioVersion } from '../../versions';
import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/jwt-authentication.mdx (manifests in
 * src/examples/labs/jwt-authentication/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */

/** Where the Istio repository keeps the test tokens and keys of its JWT task. */
const jwtSamples = `https://raw.githubusercontent.com/istio/istio/release-${examIstioVersion}/security/tools/jwt/samples`;

export const commands: CommandSpec[] = [
  {
    id: 'shell-export-jwt-demo-token',
    command: `export TOKEN=$(curl -s ${jwtSamples}/demo.jwt)`,
    summary: 'Downloads the test token of the Istio repository (issuer and subject testing@secure.istio.io, signed with the key in the jwks.json next to it) into the shell variable TOKEN.',
    tags: ['jwt', 'requestauthentication', 'lab'],
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'shell-export-jwt-groups-token',
    command: `export TOKEN_GROUP=$(curl -s ${jwtSamples}/groups-scope.jwt)`,
    summary: 'Downloads the second test token of the Istio repository, which also carries the list claims groups and scope, into the shell variable TOKEN_GROUP.',
    tags: ['jwt', 'claims', 'lab'],
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'shell-decode-jwt-demo-token',
    command: `echo "$TOKEN" | cut -d '.' -f2 | base64 --decode`,
    summary: 'Prints the claims of the token in TOKEN: the middle part of a JWT is base64-encoded JSON, readable by anyone (the signature protects it from changes, not from being read).',
    tags: ['jwt', 'claims', 'lab'],
    output: '{"exp":4685989700,"foo":"bar","iat":1532389700,"iss":"testing@secure.istio.io","sub":"testing@secure.istio.io"}',
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'shell-decode-jwt-groups-token',
    command: `echo "$TOKEN_GROUP" | cut -d '.' -f2 | base64 --decode`,
    summary: 'Prints the claims of the token in TOKEN_GROUP, including the groups list that an AuthorizationPolicy can test with request.auth.claims[groups].',
    tags: ['jwt', 'claims', 'lab'],
    output: '{"exp":3537391104,"groups":["group1","group2"],"iat":1537391104,"iss":"testing@secure.istio.io","scope":["scope1","scope2"],"sub":"testing@secure.istio.io"}',
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'shell-export-jwt-forged-token',
    command: `export FORGED_TOKEN=$(echo "$TOKEN" | cut -d '.' -f1,2).$(echo "$TOKEN_GROUP" | cut -d '.' -f3)`,
    summary: 'Builds a token that looks right (known issuer, not expired) but carries the signature of another token, so the signature check must fail. Needs TOKEN and TOKEN_GROUP.',
    tags: ['jwt', 'requestauthentication', 'lab'],
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'kubectl-exec-curl-jwt-token',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" -H "Authorization: Bearer $TOKEN" http://httpbin:8000/headers',
    summary: 'Calls httpbin from the curl pod with the token from the shell variable TOKEN (your shell fills it in before kubectl runs) and prints only the status code.',
    tags: ['jwt', 'requestauthentication', 'test', 'lab'],
    output: '200',
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'kubectl-exec-curl-jwt-token-group',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -o /dev/null -w "%{http_code}\\n" -H "Authorization: Bearer $TOKEN_GROUP" http://httpbin:8000/headers',
    summary: 'The same call with the token from TOKEN_GROUP, the one that carries a groups claim.',
    tags: ['jwt', 'claims', 'test', 'lab'],
    output: '200',
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'kubectl-exec-curl-jwt-forged-token-body',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -w "\\n%{http_code}\\n" -H "Authorization: Bearer $FORGED_TOKEN" http://httpbin:8000/headers',
    summary: 'Calls httpbin with the forged token and prints the response body, then the status code. The body of a rejected token names the reason.',
    tags: ['jwt', 'requestauthentication', 'test', 'lab'],
    output: 'Jwt verification fails\n401',
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'kubectl-exec-curl-headers-body',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -w "\\n%{http_code}\\n" http://httpbin:8000/headers',
    summary: 'Calls httpbin without any token and prints the response body, then the status code: the body says which part of the proxy refused the request.',
    tags: ['authorization', 'test', 'lab'],
    output: 'RBAC: access denied\n403',
    page: '/labs/jwt-authentication/',
  },
  {
    id: 'kubectl-exec-curl-jwt-token-headers',
    command: 'kubectl exec deploy/curl -n <namespace> -- curl -s -H "Authorization: Bearer $TOKEN" http://httpbin:8000/headers',
    summary: 'Calls httpbin with the token from TOKEN and prints the body: httpbin answers with the request headers it received, so you see what the proxy passed on to the application.',
    tags: ['jwt', 'requestauthentication', 'headers', 'lab'],
    page: '/labs/jwt-authentication/',
  },
];
