/**
 * istiod's checks of a Telemetry (istio/istio pkg/config/validation/validation.go ValidateTelemetry,
 * validateTelemetryMetrics and validateTelemetryTracing at 1.26.8). The CRD already requires provider
 * names, bounds the sampling percentage and checks tag override values, so what reaches the webhook is the
 * targets, empty map keys, and the warnings about more than one tracing block or provider.
 */
import { isObj, list, newReport, obj, type Obj, type Report } from './report';
import { checkPolicyTargets } from './security';

export function checkTelemetry(spec: Obj): Report {
  const r = newReport();
  checkPolicyTargets(r, spec);
  list(spec.metrics).forEach((metrics, i) => {
    list(obj(metrics).overrides).forEach((override, j) => {
      const tagOverrides = obj(obj(override).tagOverrides);
      if (Object.hasOwn(tagOverrides, '')) r.warn(['spec', 'metrics', i, 'overrides', j, 'tagOverrides', ''], 'tagOverrides.name may not be empty');
    });
  });
  const tracing = list(spec.tracing);
  if (tracing.length > 1) r.warn(['spec', 'tracing'], 'multiple tracing is not currently supported');
  tracing.forEach((raw, i) => {
    if (!isObj(raw)) return;
    if (list(raw.providers).length > 1) r.warn(['spec', 'tracing', i, 'providers'], 'multiple providers is not currently supported');
    if (Object.hasOwn(obj(raw.customTags), '')) r.deny(['spec', 'tracing', i, 'customTags', ''], 'tag name may not be empty');
  });
  return r;
}
