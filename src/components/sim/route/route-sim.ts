/** <route-sim>: the route simulator's behaviour (see shared/sim-element.ts). */
import { defineSim } from '../shared/sim-element';
import type { RouteFields } from './model';
import { routePresets } from './presets';

defineSim<RouteFields>('route-sim', {
  fields: ['yaml', 'method', 'authority', 'path', 'headers', 'gateway', 'port', 'sourceLabels', 'noEndpoints'],
  presets: routePresets,
  load: async () => (await import('./model')).computeRoute,
});
