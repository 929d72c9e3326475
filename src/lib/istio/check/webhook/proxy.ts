/**
 * istiod's checks of the two kinds that tune or extend the proxy itself: WasmPlugin and ProxyConfig
 * (istio/istio pkg/config/validation/validation.go ValidateWasmPlugin and ValidateProxyConfig at 1.26.8).
 * The CRDs already enforce the URL scheme, `sha256`, name lengths, env entries, match ports, the one-of
 * selector/targetRef rule, selector keys and values, and `concurrency >= 0`; what reaches the webhook is the
 * targetRef kind and a selector without labels.
 */
import { newReport, type Obj, type Report } from './report';
import { checkPolicyTargets, checkWorkloadSelector } from './security';

export function checkWasmPlugin(spec: Obj): Report {
  const r = newReport();
  checkPolicyTargets(r, spec);
  return r;
}

export function checkProxyConfig(spec: Obj): Report {
  const r = newReport();
  checkWorkloadSelector(r, spec.selector, ['spec', 'selector']);
  return r;
}
