/** Starting points for the route simulator (own examples, modelled on the bookinfo tasks). */
import type { RouteFields } from './model';

const reviewsDr = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
  - name: v3
    labels:
      version: v3
`;

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
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - name: jason-to-v2
    match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews
        subset: v2
  - name: everyone-else
    route:
    - destination:
        host: reviews
        subset: v1
${reviewsDr}`,
    },
  },
  {
    id: 'split',
    label: 'Weighted split 80/20',
    fields: {
      ...base,
      headers: '',
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: 80
    - destination:
        host: reviews
        subset: v2
      weight: 20
${reviewsDr}`,
    },
  },
  {
    id: 'missing-subset',
    label: 'Subset missing from the DestinationRule',
    fields: {
      ...base,
      headers: '',
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v4
${reviewsDr}`,
    },
  },
  {
    id: 'uri-order',
    label: 'URI prefixes in the wrong order',
    fields: {
      ...base,
      headers: '',
      path: '/api/v2/items',
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - name: api
    match:
    - uri:
        prefix: /api
    route:
    - destination:
        host: reviews
        subset: v1
  - name: api-v2
    match:
    - uri:
        prefix: /api/v2
    route:
    - destination:
        host: reviews
        subset: v2
${reviewsDr}`,
    },
  },
];

export const defaultRoutePreset = routePresets[0]!;
