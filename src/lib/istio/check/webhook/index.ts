/**
 * istiod's validating webhook (`validation.istio.io`) for the Istio kinds a learner writes. It runs, as in a
 * cluster, only on a resource the API server has accepted (schema and CEL rules).
 */
import type { SchemaFinding } from '../schema-check';
import { checkDestinationRule } from './destination-rule';
import { checkEnvoyFilter } from './envoy-filter';
import { checkGateway } from './gateway';
import { checkProxyConfig, checkWasmPlugin } from './proxy';
import { isObj, type Obj, type Report } from './report';
import { checkAuthorizationPolicy, checkPeerAuthentication, checkRequestAuthentication } from './security';
import { checkServiceEntry, checkWorkloadEntry } from './service-entry';
import { checkSidecar } from './sidecar';
import { checkTelemetry } from './telemetry';
import { checkVirtualService } from './virtual-service';
import { checkWorkloadGroup } from './workload-group';

const checks: Record<string, (spec: Obj, name: string, namespace: string) => Report> = {
  VirtualService: checkVirtualService,
  DestinationRule: checkDestinationRule,
  Gateway: checkGateway,
  ServiceEntry: checkServiceEntry,
  WorkloadEntry: checkWorkloadEntry,
  Sidecar: checkSidecar,
  AuthorizationPolicy: checkAuthorizationPolicy,
  PeerAuthentication: checkPeerAuthentication,
  RequestAuthentication: checkRequestAuthentication,
  WorkloadGroup: checkWorkloadGroup,
  Telemetry: checkTelemetry,
  WasmPlugin: checkWasmPlugin,
  EnvoyFilter: checkEnvoyFilter,
  ProxyConfig: checkProxyConfig,
};

/** The webhook's findings for one resource; `namespace` is where kubectl would create it (default: `default`). */
export function checkWebhook(group: string, kind: string, value: Obj, namespace: string): SchemaFinding[] {
  if (!group.endsWith('.istio.io') || !Object.hasOwn(checks, kind)) return [];
  const meta = isObj(value.metadata) ? value.metadata : {};
  const annotations = isObj(meta.annotations) ? meta.annotations : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const spec = isObj(value.spec) ? value.spec : {};
  const report = checks[kind]!(spec, name, namespace);
  // validateMetadata: istio.io/dry-run only on an AuthorizationPolicy.
  if (Object.hasOwn(annotations, 'istio.io/dry-run') && kind !== 'AuthorizationPolicy') {
    report.deny(['metadata', 'annotations', 'istio.io/dry-run'], `${namespace}/${name} has unsupported annotation istio.io/dry-run, please remove the annotation`);
  }
  return report.findings;
}
