/**
 * Context objects shared by several tasks (shown read-only to the learner). Bookinfo runs in namespace
 * `bookinfo`; its pods carry `app` and `version` labels and its service accounts are `bookinfo-<app>`.
 */

/** Joins YAML documents. */
export const docs = (...parts: string[]) => parts.map((p) => p.trim()).join('\n---\n') + '\n';

export const reviewsSubsets = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: bookinfo
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
      version: v3`;

export const ratingsSubsets = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
  namespace: bookinfo
spec:
  host: ratings
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2`;

export const service = (name: string, namespace: string, port: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    port: ${port}`;

export const bookinfoServices = docs(service('productpage', 'bookinfo', 9080), service('reviews', 'bookinfo', 9080), service('ratings', 'bookinfo', 9080), service('details', 'bookinfo', 9080));

/** Links to istio.io for the exam's release. */
export const istioDocs = (path: string) => `https://istio.io/v1.26/docs/${path}/`;

export const bookinfo = { namespace: 'bookinfo' } as const;
export const workload = (app: string, namespace = 'bookinfo', extra: Record<string, string> = {}) => ({ namespace, labels: { app, ...extra } });
