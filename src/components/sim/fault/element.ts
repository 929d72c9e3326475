/** <fault-lab>: the kit's element (kit/element.ts), plus the "New seed" button. */
import { defineSim } from '../kit/element';
import { wireNewSeed } from '../kit/seed';
import type { FaultFields } from './model';

defineSim<FaultFields>('fault-lab', {
  fields: ['delay', 'delaySeconds', 'delayPct', 'abort', 'abortStatus', 'abortPct', 'seed'],
  presets: [],
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'fault-lab' }),
  enhance: wireNewSeed,
});
