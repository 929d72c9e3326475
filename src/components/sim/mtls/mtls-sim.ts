/** <mtls-sim>: the mTLS scope resolver's behaviour (see shared/sim-element.ts). */
import { defineSim } from '../shared/sim-element';
import type { MtlsFields } from './model';
import { mtlsPresets } from './presets';

defineSim<MtlsFields>('mtls-sim', {
  fields: ['yaml', 'workloads'],
  presets: mtlsPresets,
  load: async () => (await import('./model')).computeMtls,
});
