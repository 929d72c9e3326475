/**
 * `istioctl analyze` of Istio 1.26 without a cluster, in the browser or in Node (no Node built-ins here).
 *
 *   const { messages, errors } = analyzeFiles([{ name: 'reviews.yaml', text }]);
 *   messages.map(formatMessage) // "Error [IST0101] (VirtualService default/reviews reviews.yaml:12) ..."
 *
 * Defaults follow `istioctl analyze --use-kube=false <files>`: objects without a namespace go to `default`,
 * only messages for `default` (and cluster-scoped objects) are kept, and the kinds istioctl reads only from a
 * cluster (Service, Pod, Namespace, Secret) are dropped together with the analyzers that need them. Set
 * `runtimeResources: true` to analyze the files as if they were the cluster's objects (Istio's own analyzer
 * tests work that way), and `allNamespaces: true` for `-A`.
 */
import { annotationsAnalyzer } from './analyzers/annotations';
import { authorizationPoliciesAnalyzer } from './analyzers/authz';
import { applicationUidAnalyzer, multiServiceAnalyzer } from './analyzers/deployment';
import { deprecationAnalyzer } from './analyzers/deprecation';
import { caCertificateAnalyzer } from './analyzers/destinationrule';
import { envoyPatchAnalyzer } from './analyzers/envoyfilter';
import { certificateAnalyzer, conflictingGatewayAnalyzer, ingressGatewayPortAnalyzer, secretAnalyzer } from './analyzers/gateway';
import { imageAnalyzer, imageAutoAnalyzer, injectionAnalyzer } from './analyzers/injection';
import { k8sGatewaySelectorAnalyzer } from './analyzers/k8sgateway';
import { schemaValidationAnalyzer } from './analyzers/schema';
import { portNameAnalyzer } from './analyzers/service';
import { serviceEntryAnalyzer } from './analyzers/serviceentry';
import { sidecarSelectorAnalyzer } from './analyzers/sidecar';
import { lightstepAnalyzer, telemetryDefaultSelectorAnalyzer, telemetryProviderAnalyzer, telemetrySelectorAnalyzer } from './analyzers/telemetry';
import {
  conflictingMeshGatewayHostsAnalyzer,
  destinationHostAnalyzer,
  destinationRuleAnalyzer,
  gatewayAnalyzer,
  jwtClaimRouteAnalyzer,
} from './analyzers/virtualservice';
import { AnalysisContext, type Analyzer } from './context';
import { sortAndDedupe, type AnalysisMessage } from './format';
import { kinds } from './kinds';
import { loadResources, type LoadError, type Resource, type SourceFile } from './load';
import { applyMeshConfig, type MeshConfig } from './mesh-config';
import { defaultSchemaCheck, type SchemaCheck } from './schema-check';

export { formatMessage, noIssuesLine, sortAndDedupe, goFormat, type AnalysisMessage } from './format';
export { loadResources, MAX_FILE_BYTES, type LoadError, type LoadOptions, type Resource, type SourceFile } from './load';
export { applyMeshConfig, defaultMeshConfig, type MeshConfig } from './mesh-config';
export { defaultSchemaCheck, type SchemaCheck, type SchemaFinding } from './schema-check';
export { messageTypes, type Level, type MessageCode } from './messages.gen';

export interface AnalyzeOptions {
  /** A MeshConfig (plain data, as in `--meshConfigFile`), applied over Istio's defaults. */
  meshConfig?: unknown;
  /** istiod's validation for IST0106/IST0133; defaults to `defaultSchemaCheck`. */
  schemaCheck?: SchemaCheck;
  /** The selected namespace (`-n`): given to objects without one, and the only one reported. Default `default`. */
  namespace?: string;
  /** `-A`: report every namespace; objects without a namespace keep none unless `namespace` is also set. */
  allNamespaces?: boolean;
  /** Treat Services, Pods, Namespaces and Secrets in the files as live objects (istioctl drops them). */
  runtimeResources?: boolean;
}

export interface AnalyzeResult {
  /** Sorted and de-duplicated as istioctl prints them. */
  messages: AnalysisMessage[];
  /** Documents that could not be read (istioctl: "Error(s) adding files"). */
  errors: LoadError[];
  /** Analyzers istioctl would skip because an input kind cannot be loaded (e.g. Services without a cluster). */
  skipped: string[];
}

/** Every analyzer, in istioctl's order (pkg/config/analysis/analyzers/all.go). */
export function allAnalyzers(schemaCheck: SchemaCheck): Analyzer[] {
  return [
    annotationsAnalyzer,
    authorizationPoliciesAnalyzer,
    multiServiceAnalyzer,
    applicationUidAnalyzer,
    deprecationAnalyzer,
    ingressGatewayPortAnalyzer,
    certificateAnalyzer,
    secretAnalyzer,
    conflictingGatewayAnalyzer,
    injectionAnalyzer,
    imageAnalyzer,
    imageAutoAnalyzer,
    k8sGatewaySelectorAnalyzer,
    portNameAnalyzer,
    sidecarSelectorAnalyzer,
    conflictingMeshGatewayHostsAnalyzer,
    destinationHostAnalyzer,
    destinationRuleAnalyzer,
    gatewayAnalyzer,
    jwtClaimRouteAnalyzer,
    caCertificateAnalyzer,
    serviceEntryAnalyzer,
    envoyPatchAnalyzer,
    telemetryProviderAnalyzer,
    telemetrySelectorAnalyzer,
    telemetryDefaultSelectorAnalyzer,
    lightstepAnalyzer,
    schemaValidationAnalyzer(schemaCheck),
  ];
}

/** The default istio-ingressgateway Pod and Service istioctl adds to file-only analysis (local/defaults.go). */
export function defaultIngressResources(mesh: MeshConfig): SourceFile {
  const text = `apiVersion: v1
kind: Pod
metadata:
  labels:
    istio: ingressgateway
  name: ${mesh.ingressService}-dummypod
  namespace: ${mesh.rootNamespace}
spec:
  containers:
    - args:
      name: istio-proxy
---
apiVersion: v1
kind: Service
metadata:
  name: ${mesh.ingressService}
  namespace: ${mesh.rootNamespace}
spec:
  ports:
  - {name: http2, nodePort: 31380, port: 80, protocol: TCP, targetPort: 80}
  - {name: https, nodePort: 31390, port: 443, protocol: TCP, targetPort: 443}
  - {name: tcp, nodePort: 31400, port: 31400, protocol: TCP, targetPort: 31400}
  - {name: tls, nodePort: 31447, port: 15443, protocol: TCP, targetPort: 15443}
  selector:
    istio: ingressgateway
`;
  return { name: 'internal-ingress', text };
}

/** Runs the analyzers over resources already loaded (see `loadResources`). */
export function analyze(resources: readonly Resource[], options: AnalyzeOptions = {}): Omit<AnalyzeResult, 'errors'> {
  const mesh = applyMeshConfig(options.meshConfig);
  const ctx = new AnalysisContext(resources, mesh);
  const runtime = options.runtimeResources === true;
  const skipped: string[] = [];
  for (const analyzer of allAnalyzers(options.schemaCheck ?? defaultSchemaCheck)) {
    if (!runtime && analyzer.inputs.some((k) => kinds[k]?.runtime)) {
      skipped.push(analyzer.name);
      continue;
    }
    analyzer.analyze(ctx);
  }
  const selected = options.allNamespaces ? undefined : (options.namespace ?? 'default');
  const kept = ctx.reported.filter(({ message, resource }) => {
    const ns = resource.kind === 'Namespace' ? resource.name : resource.namespace;
    if (selected !== undefined && ns !== '' && ns !== selected) return false;
    // The galley.istio.io/analyze-suppress annotation: codes (or *) the object asks not to be told about.
    const suppress = resource.annotations.get('galley.istio.io/analyze-suppress') ?? '';
    return !(suppress !== '' && suppress.split(',').some((c) => c === '*' || c === message.code));
  });
  return { messages: sortAndDedupe(kept.map((r) => r.message)), skipped };
}

/** Loads files (plus istioctl's default ingress objects) and analyzes them. */
export function analyzeFiles(files: readonly SourceFile[], options: AnalyzeOptions = {}): AnalyzeResult {
  const mesh = applyMeshConfig(options.meshConfig);
  const defaultNamespace = options.namespace ?? (options.allNamespaces ? '' : 'default');
  // istioctl adds its default ingress objects first, so a file's own istio-ingressgateway replaces them.
  const withDefaults = mesh.ingressControllerMode === 'OFF' ? files : [defaultIngressResources(mesh), ...files];
  const { resources, errors } = loadResources(withDefaults, { defaultNamespace, runtimeResources: options.runtimeResources === true });
  return { ...analyze(resources, options), errors };
}
