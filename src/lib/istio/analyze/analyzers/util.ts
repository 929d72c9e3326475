/** Small readers for untyped manifest data, and the mesh-membership rules several analyzers share. */
import type { AnalysisContext } from '../context';
import type { Resource } from '../load';
import { toLabels } from '../labels';

export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
export const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 0);

/** A Kubernetes IntOrString as Go prints it (`8080`, `http`; `0` when unset). */
export function intOrString(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return '0';
}

/** Labels `istio` or `release: istio` mark Istio's own control-plane objects (util.IsIstioControlPlane). */
export function isIstioControlPlane(r: Resource): boolean {
  return r.labels.has('istio') || r.labels.get('release') === 'istio';
}

export function podSpec(r: Resource): Obj {
  return r.kind === 'Deployment' ? obj(obj(r.spec.template).spec) : r.spec;
}

export const containerName = (c: unknown) => str(obj(c).name);

/** Pod or Deployment template in the mesh: a proxy container, the inject label/annotation, or an injected namespace. */
export function inMesh(annotations: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>, namespace: string, containers: readonly unknown[], ctx: AnalysisContext): boolean {
  const proxy = containers.find((c) => containerName(c) === 'istio-proxy');
  if (proxy !== undefined && str(obj(proxy).image) !== '') return true;
  const label = labels.get('sidecar.istio.io/inject');
  if (label !== undefined) return label === 'true';
  const annotation = annotations.get('sidecar.istio.io/inject');
  if (annotation !== undefined) return annotation === 'true';
  const ns = ctx.find('Namespace', '', namespace);
  return ns !== undefined && ns.labels.get('istio-injection') === 'enabled';
}

export function podInMesh(r: Resource, ctx: AnalysisContext): boolean {
  const spec = r.spec;
  return inMesh(r.annotations, r.labels, r.namespace, [...arr(spec.containers), ...arr(spec.initContainers)], ctx);
}

export function deploymentInMesh(r: Resource, ctx: AnalysisContext): boolean {
  const template = obj(r.spec.template);
  const meta = obj(template.metadata);
  return inMesh(toLabels(meta.annotations), toLabels(meta.labels), r.namespace, arr(obj(template.spec).containers), ctx);
}

export function podInAmbient(r: Resource | undefined): boolean {
  return r !== undefined && r.annotations.get('ambient.istio.io/redirection') === 'enabled';
}

export function namespaceInAmbient(r: Resource | undefined): boolean {
  if (!r) return false;
  if (r.labels.get('istio-injection') === 'enabled') return false;
  if ((r.labels.get('istio.io/rev') ?? '') !== '') return false;
  return r.labels.get('istio.io/dataplane-mode') === 'ambient';
}

/** Names sorted, as the selector analyzers list them. */
export const sortedNames = (rs: readonly Resource[]) => rs.map((r) => r.name).sort(byteOrder);

export const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** resource.NewShortOrFullName: `ns/name`, or `name` in the given namespace. */
export function shortOrFull(defaultNamespace: string, name: string): { namespace: string; name: string } {
  const slash = name.indexOf('/');
  return slash < 0 ? { namespace: defaultNamespace, name } : { namespace: name.slice(0, slash), name: name.slice(slash + 1) };
}
