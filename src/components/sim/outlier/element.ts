/** <outlier-lab>: the kit's element (kit/element.ts); "The worked example" restores the page's values. */
import { defineSim } from '../kit/element';
import type { OutlierFields } from './model';

defineSim<OutlierFields>('outlier-lab', {
  fields: ['consecutive5xxErrors', 'consecutiveGatewayErrors', 'intervalS', 'baseEjectionTimeS', 'maxEjectionPercent', 'pods', 'rps', 'durationS', ...(['f0', 'f1', 'f2'] as const).flatMap((r) => [`${r}-pod`, `${r}-from`, `${r}-to`, `${r}-status`] as const)],
  presets: [],
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'outlier-lab' }),
});
