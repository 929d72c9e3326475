/**
 * Starting points for the route simulator: a request, and a VirtualService with the reviews DestinationRule
 * from src/examples/sim/route/ (own examples, modelled on the bookinfo tasks).
 */
import header from '../../../examples/sim/route/header.yaml?raw';
import missingSubset from '../../../examples/sim/route/missing-subset.yaml?raw';
import split from '../../../examples/sim/route/split.yaml?raw';
import uriOrder from '../../../examples/sim/route/uri-order.yaml?raw';
import { exampleBody } from '../kit/example-body';
import { exampleRequest, type RouteFields } from './model';

export interface RoutePreset {
  id: string;
  label: string;
  fields: RouteFields;
}

export const routePresets: RoutePreset[] = [
  {
    id: 'header',
    label: 'Header match: jason → v2',
    fields: {
      ...exampleRequest,
      yaml: exampleBody(header),
    },
  },
  {
    id: 'split',
    label: 'Weighted split 80/20',
    fields: {
      ...exampleRequest,
      headers: '',
      yaml: exampleBody(split),
    },
  },
  {
    id: 'missing-subset',
    label: 'Subset missing from the DestinationRule',
    fields: {
      ...exampleRequest,
      headers: '',
      yaml: exampleBody(missingSubset),
    },
  },
  {
    id: 'uri-order',
    label: 'URI prefixes in the wrong order',
    fields: {
      ...exampleRequest,
      headers: '',
      path: '/api/v2/items',
      yaml: exampleBody(uriOrder),
    },
  },
];

export const defaultRoutePreset = routePresets[0]!;
