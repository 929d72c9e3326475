/** <authz-sim>: the AuthorizationPolicy evaluator's behaviour (see shared/sim-element.ts). */
import { defineSim } from '../shared/sim-element';
import type { AuthzFields } from './model';
import { authzPresets } from './presets';

defineSim<AuthzFields>('authz-sim', {
  fields: ['yaml', 'namespace', 'labels', 'principal', 'sourceIp', 'remoteIp', 'jwtPrincipal', 'method', 'path', 'host', 'port', 'headers', 'protocol', 'custom'],
  presets: authzPresets,
  load: async () => (await import('./model')).computeAuthz,
});
