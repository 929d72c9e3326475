/** Starting points for the JWT outcomes simulator (own examples). */
import type { JwtFields } from './model';

const ra = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: orders-jwt
  namespace: shop
spec:
  selector:
    matchLabels:
      app: orders
  jwtRules:
  - issuer: https://auth.example.com
    jwksUri: https://auth.example.com/.well-known/jwks.json
    audiences: ["orders-api"]
`;

const token = { state: 'valid', iss: 'https://auth.example.com', sub: 'alice', aud: 'orders-api', groups: '' };

export interface JwtPreset {
  id: string;
  label: string;
  fields: JwtFields;
}

export const jwtPresets: JwtPreset[] = [
  {
    id: 'require-allow',
    label: 'Require a token (ALLOW requestPrincipals)',
    fields: {
      ...token,
      state: 'none',
      yaml: `${ra}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: require-jwt
  namespace: shop
spec:
  selector:
    matchLabels:
      app: orders
  action: ALLOW
  rules:
  - from:
    - source:
        requestPrincipals: ["*"]
`,
    },
  },
  {
    id: 'ra-only',
    label: 'RequestAuthentication alone',
    fields: { ...token, state: 'none', yaml: ra },
  },
  {
    id: 'require-deny',
    label: 'Require a token (DENY notRequestPrincipals)',
    fields: {
      ...token,
      state: 'invalid',
      yaml: `${ra}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-no-token
  namespace: shop
spec:
  selector:
    matchLabels:
      app: orders
  action: DENY
  rules:
  - from:
    - source:
        notRequestPrincipals: ["*"]
`,
    },
  },
  {
    id: 'claim-group',
    label: 'Only tokens with group admin',
    fields: {
      ...token,
      groups: 'dev',
      yaml: `${ra}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: admins-only
  namespace: shop
spec:
  selector:
    matchLabels:
      app: orders
  action: ALLOW
  rules:
  - when:
    - key: request.auth.claims[groups]
      values: ["admin"]
`,
    },
  },
];
