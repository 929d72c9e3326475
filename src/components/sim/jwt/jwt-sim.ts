/** <jwt-sim>: the JWT outcomes simulator's behaviour (see shared/sim-element.ts). */
import { defineSim } from '../shared/sim-element';
import type { JwtFields } from './model';
import { jwtPresets } from './presets';

defineSim<JwtFields>('jwt-sim', {
  fields: ['yaml', 'state', 'iss', 'sub', 'aud', 'groups'],
  presets: jwtPresets,
  load: async () => (await import('./model')).computeJwt,
});
