/**
 * Starting points for the route simulator: a request, and a VirtualService with the reviews DestinationRule
 * from src/examples/sim/route/ (own examples, modelled on the bookinfo tasks).
 */
import header from '../../../examples/sim/route/header.yaml?raw';
import missingSubset from '../../../examples/sim/route/missing-subset.yaml?raw';
import split from '../../../examples/sim/route/split.yaml?raw';
import uriOrder from '../../../examples/sim/route/uri-order.yaml?raw';
import { exampleBody } from '../kit/example-body';
import type { RouteFields } from './model';

const base: Omit<RouteFields, 'yaml'> = {
  method: 'GET',
  authority: 'reviews:9080',
  path: '/reviews/0',
  headers: 'end-user: jason',
  gateway: 'mesh',
  port: '',
  sourceLabels: 'app=productpage, version=v1',
  noEndpoints: '',
};

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
      ...base,
      yaml: exampleBody(header),
    },
  },
  {
    id: 'split',
    label: 'Weighted split 80/20',
    fields: {
      ...base,
      headers: '',
      yaml: exampleBody(split),
    },
  },
  {
    id: 'missing-subset',
    label: 'Subset missing from the DestinationRule',
    fields: {
      ...base,
      headers: '',
      yaml: exampleBody(missingSubset),
    },
  },
  {
    id: 'uri-order',
    label: 'URI prefixes in the wrong order',
    fields: {
      ...base,
      headers: '',
      path: '/api/v2/items',
      yaml: exampleBody(uriOrder),
    },
  },
];

export const defaultRoutePreset = routePresets[0]!;
