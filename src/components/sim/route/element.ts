/** <route-sim>: runs the model in its Worker as the reader edits (the behaviour is the kit's, kit/element.ts). */
import { defineSim } from '../kit/element';
import type { RouteFields } from './model';
import { routePresets } from './presets';

defineSim<RouteFields>('route-sim', {
  fields: ['yaml', 'method', 'authority', 'path', 'headers', 'gateway', 'port', 'sourceLabels', 'noEndpoints'],
  presets: routePresets,
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'route-sim' }),
});
