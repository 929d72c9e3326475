/** <mtls-sim>: runs the model in its Worker as the reader edits (the behaviour is the kit's, kit/element.ts). */
import { defineSim } from '../kit/element';
import type { MtlsFields } from './model';
import { mtlsPresets } from './presets';

defineSim<MtlsFields>('mtls-sim', {
  fields: ['yaml', 'workloads'],
  presets: mtlsPresets,
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'mtls-sim' }),
});
