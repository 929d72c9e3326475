/** Starting points for the AuthorizationPolicy evaluator: a request, and policies from src/examples/sim/authz/. */
import allowGetApi from '../../../examples/sim/authz/allow-get-api.yaml?raw';
import denyAll from '../../../examples/sim/authz/deny-all.yaml?raw';
import denyIp from '../../../examples/sim/authz/deny-ip.yaml?raw';
import requireJwt from '../../../examples/sim/authz/require-jwt.yaml?raw';
import { exampleBody } from '../kit/example-body';
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
      yaml: exampleBody(allowGetApi),
    },
  },
  {
    id: 'deny-all',
    label: 'Deny all in a namespace',
    fields: {
      ...req,
      yaml: exampleBody(denyAll),
    },
  },
  {
    id: 'deny-ip',
    label: 'Deny an IP block',
    fields: {
      ...req,
      sourceIp: '203.0.113.40',
      yaml: exampleBody(denyIp),
    },
  },
  {
    id: 'require-jwt',
    label: 'Require a JWT',
    fields: {
      ...req,
      jwtPrincipal: '',
      yaml: exampleBody(requireJwt),
    },
  },
];
