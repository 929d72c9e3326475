/**
 * The injection analyzers (analyzers/injection/): namespaces without an injection label (IST0102, or IST0148
 * when the injector enables namespaces by default), more than one injection label (IST0123), pods in an
 * injected namespace without the proxy (IST0103), proxy images that differ from the injector's (IST0158), and
 * `image: auto` that no injection webhook will replace (IST0146 Deployment, IST0147 Pod).
 */
import type { Analyzer, AnalysisContext } from '../context';
import { fullName } from '../context';
import type { Resource } from '../load';
import { selectorMatches, toLabels, type Labels } from '../labels';
import { arr, byteOrder, containerName, isObj, obj, str } from './util';

const injectorConfigMapName = (revision: string) => (revision === '' || revision === 'default' ? 'istio-sidecar-injector' : `istio-sidecar-injector-${revision}`);

function injectorValues(cm: Resource): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(str(obj(cm.object.data).values));
    return isObj(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export const injectionAnalyzer: Analyzer = {
  name: 'injection.Analyzer',
  inputs: ['Namespace', 'Pod', 'ConfigMap'],
  analyze(ctx) {
    let enabledByDefault = false;
    const injected = new Set<string>();
    for (const ns of ctx.list('Namespace')) {
      if (ns.name === 'istio-system') continue;
      const injection = ns.labels.get('istio-injection');
      const revision = ns.labels.get('istio.io/rev');
      const istioLabels: string[] = [];
      if (injection !== undefined) istioLabels.push(`istio-injection=${injection}`);
      for (const l of ['istio.io/rev', 'istio.io/dataplane-mode']) {
        if (ns.labels.has(l) && (injection === undefined || injection === 'enabled')) istioLabels.push(`${l}=${ns.labels.get(l)}`);
      }
      if (istioLabels.length > 1) ctx.report('IST0123', ns, [istioLabels]);
      if (ns.labels.get('istio.io/dataplane-mode') === 'ambient') continue;

      const cm = ctx.list('ConfigMap').find((c) => c.name === injectorConfigMapName(revision ?? ''));
      if (cm) enabledByDefault = obj(injectorValues(cm)?.sidecarInjectorWebhook).enableNamespacesByDefault === true;

      if ((injection ?? '') === '' && revision === undefined) {
        if (enabledByDefault) ctx.report('IST0148', ns, []);
        else ctx.report('IST0102', ns, [ns.name, ns.name], '{.metadata.name}');
        continue;
      }
      if (injection === 'enabled') injected.add(ns.name);
    }
    for (const pod of ctx.list('Pod')) {
      if (!injected.has(pod.namespace)) continue;
      const inject = pod.labels.get('sidecar.istio.io/inject') ?? pod.annotations.get('sidecar.istio.io/inject') ?? '';
      if (inject.toLowerCase() === 'false' || pod.spec.hostNetwork === true) continue;
      const proxy = [...arr(pod.spec.containers), ...arr(pod.spec.initContainers)].find((c) => containerName(c) === 'istio-proxy');
      if (proxy === undefined || str(obj(proxy).image) === '') ctx.report('IST0103', pod, [fullName(pod)]);
    }
  },
};

/** The proxy image an injector ConfigMap installs (`hub/image:tag`, or `image` when it holds a slash). */
function injectorProxyImage(cm: Resource): string {
  const global = obj(injectorValues(cm)?.global);
  const image = str(obj(global.proxy).image);
  return image.includes('/') ? image : `${str(global.hub)}/${image}:${str(global.tag)}`;
}

/** The proxy image variant (`distroless`, ...): root, namespace, then workload ProxyConfig (util/proxyconfig.go). */
function imageType(pod: Resource, ctx: AnalysisContext): string {
  let variant = '';
  const typeOf = (r: Resource) => str(obj(r.spec.image).imageType);
  const apply = (r: Resource | undefined) => {
    if (r && typeOf(r) !== '') variant = typeOf(r);
  };
  const configs = ctx.list('ProxyConfig');
  apply(configs.filter((c) => c.namespace === ctx.mesh.rootNamespace).at(-1));
  const noSelector = (c: Resource) => c.spec.selector === undefined || c.spec.selector === null;
  apply(configs.filter((c) => c.namespace !== ctx.mesh.rootNamespace && noSelector(c) && c.namespace === pod.namespace).at(-1));
  for (const c of configs) {
    if (c.namespace === ctx.mesh.rootNamespace || noSelector(c) || !fullName(c).startsWith(pod.namespace)) continue;
    if (selectorMatches(toLabels(obj(c.spec.selector).matchLabels), pod.labels)) apply(c);
  }
  return variant === 'default' ? '' : variant;
}

export const imageAnalyzer: Analyzer = {
  name: 'injection.ImageAnalyzer',
  inputs: ['Namespace', 'Pod', 'ConfigMap', 'ProxyConfig'],
  analyze(ctx) {
    const images = new Map<string, string>();
    for (const cm of ctx.list('ConfigMap')) if (cm.name.startsWith('istio-sidecar-injector')) images.set(cm.name, injectorProxyImage(cm));
    if (images.size === 0) return;
    const injected = new Map<string, string>();
    for (const ns of ctx.list('Namespace')) {
      const rev = ns.labels.get('istio.io/rev');
      if (rev !== undefined) injected.set(ns.name, rev);
      else if (ns.labels.get('istio-injection') === 'enabled') injected.set(ns.name, 'default');
    }
    const mismatched = new Map<string, string[]>();
    for (const pod of ctx.list('Pod')) {
      const rev = injected.get(pod.namespace);
      if (rev === undefined || (pod.annotations.get('sidecar.istio.io/proxyImage') ?? '') !== '') continue;
      const expected = images.get(injectorConfigMapName(rev));
      if (expected === undefined) continue;
      const variant = imageType(pod, ctx);
      for (const c of [...arr(pod.spec.containers), ...arr(pod.spec.initContainers)]) {
        if (containerName(c) !== 'istio-proxy') continue;
        const image = str(obj(c).image);
        if (image !== expected && image !== `${expected}-${variant}`) mismatched.set(pod.namespace, [...(mismatched.get(pod.namespace) ?? []), pod.name]);
      }
    }
    for (const [ns, pods] of mismatched) {
      const namespace = ctx.find('Namespace', '', ns);
      if (namespace) ctx.report('IST0158', namespace, [pods.sort(byteOrder)]);
    }
  },
};

/** metav1.LabelSelector with matchLabels and matchExpressions; an absent selector matches everything. */
function labelSelectorMatches(selector: unknown, labels: Labels): boolean {
  if (!isObj(selector)) return true;
  if (!selectorMatches(toLabels(selector.matchLabels), labels)) return false;
  return arr(selector.matchExpressions).every((e) => {
    const key = str(obj(e).key);
    const values = arr(obj(e).values).map(str);
    switch (str(obj(e).operator)) {
      case 'In':
        return labels.has(key) && values.includes(labels.get(key)!);
      case 'NotIn':
        return !labels.has(key) || !values.includes(labels.get(key)!);
      case 'Exists':
        return labels.has(key);
      case 'DoesNotExist':
        return !labels.has(key);
      default:
        return false;
    }
  });
}

const hasAutoImage = (spec: Record<string, unknown>) => arr(spec.containers).some((c) => containerName(c) === 'istio-proxy' && str(obj(c).image) === 'auto');

export const imageAutoAnalyzer: Analyzer = {
  name: 'injection.ImageAutoAnalyzer',
  inputs: ['Namespace', 'Pod', 'Deployment', 'MutatingWebhookConfiguration'],
  analyze(ctx) {
    const webhooks = ctx.list('MutatingWebhookConfiguration').flatMap((w) => arr(w.object.webhooks).map(obj)).filter((w) => str(w.name).endsWith('istio.io'));
    for (const pod of ctx.list('Pod')) if (hasAutoImage(pod.spec)) ctx.report('IST0147', pod, ['Pod', pod.name]);
    for (const d of ctx.list('Deployment')) {
      const template = obj(d.spec.template);
      if (!hasAutoImage(obj(template.spec))) continue;
      const nsLabels = ctx.find('Namespace', '', d.namespace || 'default')?.labels ?? new Map<string, string>();
      const podLabels = toLabels(obj(template.metadata).labels);
      if (!webhooks.some((w) => labelSelectorMatches(w.namespaceSelector, nsLabels) && labelSelectorMatches(w.objectSelector, podLabels))) {
        ctx.report('IST0146', d, ['Deployment', d.name]);
      }
    }
  },
};
