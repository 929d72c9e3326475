/**
 * The Telemetry analyzers (analyzers/telemetry/): access logging with no provider while the mesh has no
 * default one (IST0157), a selector that matches no pod (IST0101 "selector"), several Telemetries selecting
 * one pod (IST0159) or none in one namespace (IST0160), and the deprecated Lightstep provider (IST0002).
 */
import type { Analyzer } from '../context';
import type { Resource } from '../load';
import { firstLabel, selectorMatches, selectorString, toLabels } from '../labels';
import { arr, obj, sortedNames, str } from './util';

export const telemetryProviderAnalyzer: Analyzer = {
  name: 'telemetry.ProviderAnalyzer',
  inputs: ['Telemetry'],
  analyze(ctx) {
    if (ctx.mesh.defaultProviders.accessLogging.length > 0) return;
    for (const r of ctx.list('Telemetry')) {
      for (const logging of arr(r.spec.accessLogging).map(obj)) {
        if (logging.disabled === true) continue;
        if (arr(logging.providers).length === 0) ctx.report('IST0157', r, [r.name, r.namespace]);
      }
    }
  },
};

export const telemetrySelectorAnalyzer: Analyzer = {
  name: 'telemetry.SelectorAnalyzer',
  inputs: ['Telemetry', 'Pod'],
  analyze(ctx) {
    const podTelemetries = new Map<Resource, Resource[]>();
    for (const t of ctx.list('Telemetry')) {
      const selector = toLabels(obj(t.spec.selector).matchLabels);
      if (selector.size === 0) continue;
      let found = false;
      for (const pod of ctx.list('Pod')) {
        if (pod.namespace !== t.namespace || !selectorMatches(selector, pod.labels)) continue;
        found = true;
        podTelemetries.set(pod, [...(podTelemetries.get(pod) ?? []), t]);
      }
      if (!found) {
        const sel = selectorString(selector);
        ctx.report('IST0101', t, ['selector', sel], `{.spec.selector.matchLabels.${firstLabel(sel)}}`);
      }
    }
    for (const [pod, list] of podTelemetries) {
      if (list.length === 1) continue;
      for (const t of list) ctx.report('IST0159', t, [sortedNames(list), pod.namespace, pod.name], '{.metadata.name}');
    }
  },
};

export const telemetryDefaultSelectorAnalyzer: Analyzer = {
  name: 'telemetry.DefaultSelectorAnalyzer',
  inputs: ['Telemetry'],
  analyze(ctx) {
    const byNamespace = new Map<string, Resource[]>();
    for (const t of ctx.list('Telemetry')) {
      if (t.spec.selector !== undefined && t.spec.selector !== null) continue;
      byNamespace.set(t.namespace, [...(byNamespace.get(t.namespace) ?? []), t]);
    }
    for (const [ns, list] of byNamespace) {
      if (list.length > 1) for (const t of list) ctx.report('IST0160', t, [sortedNames(list), ns]);
    }
  },
};

export const lightstepAnalyzer: Analyzer = {
  name: 'telemetry.LightstepAnalyzer',
  inputs: ['Telemetry'],
  analyze(ctx) {
    const lightstep = new Set(ctx.mesh.extensionProviders.filter((p) => p.type === 'lightstep').map((p) => p.name));
    if (lightstep.size === 0) return;
    for (const t of ctx.list('Telemetry')) {
      for (const tracing of arr(t.spec.tracing).map(obj)) {
        for (const p of arr(tracing.providers).map(obj)) {
          const name = str(p.name);
          if (lightstep.has(name)) ctx.report('IST0002', t, [`The Lightstep provider ${name} is deprecated, please migrate to OpenTelemetry provider.`]);
        }
      }
    }
  },
};
