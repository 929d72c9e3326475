/** <authz-sim>: runs the model in its Worker as the reader edits (the behaviour is the kit's, kit/element.ts). */
import { defineSim } from '../kit/element';
import type { AuthzFields } from './model';
import { authzPresets } from './presets';

defineSim<AuthzFields>('authz-sim', {
  fields: ['yaml', 'namespace', 'labels', 'principal', 'sourceIp', 'remoteIp', 'jwtPrincipal', 'method', 'path', 'host', 'port', 'headers', 'protocol', 'custom'],
  presets: authzPresets,
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'authz-sim' }),
});
