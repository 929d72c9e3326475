/** Starting points for the AuthorizationPolicy evaluator (own examples). */
import type { AuthzFields } from './model';

const req: Omit<AuthzFields, 'yaml'> = {
  namespace: 'shop',
  labels: 'app=orders',
  principal: 'cluster.local/ns/shop/sa/frontend',
  sourceIp: '10.1.2.3',
  remoteIp: '',
  jwtPrincipal: '',
  method: 'GET',
  path: '/api/orders',
  host: 'orders.shop.svc.cluster.local',
  port: '8080',
  headers: '',
  protocol: 'http',
  custom: 'allow',
};

export interface AuthzPreset {
  id: string;
  label: string;
  fields: AuthzFields;
}

export const authzPresets: AuthzPreset[] = [
  {
    id: 'allow-get-api',
    label: 'Allow GET /api/* from one service account',
    fields: {
      ...req,
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: orders-read
  namespace: shop
spec:
  selector:
    matchLabels:
      app: orders
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/shop/sa/frontend"]
    to:
    - operation:
        methods: ["GET"]
        paths: ["/api/*"]
`,
    },
  },
  {
    id: 'deny-all',
    label: 'Deny all in a namespace',
    fields: {
      ...req,
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-all
  namespace: shop
spec: {}
`,
    },
  },
  {
    id: 'deny-ip',
    label: 'Deny an IP block',
    fields: {
      ...req,
      sourceIp: '203.0.113.40',
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: block-range
  namespace: shop
spec:
  action: DENY
  rules:
  - from:
    - source:
        ipBlocks: ["203.0.113.0/24"]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-all
  namespace: shop
spec:
  action: ALLOW
  rules:
  - {}
`,
    },
  },
  {
    id: 'require-jwt',
    label: 'Require a JWT',
    fields: {
      ...req,
      jwtPrincipal: '',
      yaml: `apiVersion: security.istio.io/v1
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
];
