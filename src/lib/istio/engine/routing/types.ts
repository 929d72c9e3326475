/** The routing engine's API: what `routeHttp` takes and the decision it returns. */
import type { ConditionTrace, StepTrace } from '../trace';
import type { PathSegment } from '../result';

export interface HttpRequest {
  /** Default `GET`. */
  method?: string;
  /** The Host / `:authority` header, e.g. `reviews:9080`. Default: the VirtualService's first host. */
  authority?: string;
  /** Path with optional query string. Default `/`. */
  path?: string;
  /** Default `http`. */
  scheme?: string;
  /** Header names are case-insensitive (lower-cased here). */
  headers?: Record<string, string>;
}

export interface RouteContext {
  /** The proxy deciding: `mesh` (a sidecar, default) or a gateway as `ns/name` or `name` (VirtualService's namespace). */
  gateway?: string;
  /** The port the request arrives on (service port for a sidecar, server port for a gateway). Default: the authority's port, else 80. */
  port?: number;
  /** Labels of the proxy's workload (the client pod for a sidecar). */
  sourceLabels?: Record<string, string>;
  /** Namespace of the proxy's workload. */
  sourceNamespace?: string;
  /** Destinations with no ready endpoint, as `host` or `host/subset` (host as written in the route). */
  noEndpoints?: string[];
}

export interface RouteInput {
  virtualService: unknown;
  destinationRules?: unknown[];
  request?: HttpRequest;
  context?: RouteContext;
}

export type ConditionField =
  | 'uri'
  | 'scheme'
  | 'method'
  | 'authority'
  | 'headers'
  | 'withoutHeaders'
  | 'queryParams'
  | 'port'
  | 'gateways'
  | 'sourceLabels'
  | 'sourceNamespace';

export interface ConditionCheck extends ConditionTrace {
  field: ConditionField;
  /** Header or query parameter name. */
  key?: string;
  /** Path of the condition inside the VirtualService. */
  path: PathSegment[];
  passed: boolean;
  /** Decided when istiod builds the proxy's config (the block is dropped), not per request. */
  configTime: boolean;
  /** A human sentence: what was expected and what the request had. */
  reason: string;
}

export interface MatchBlockTrace {
  index: number;
  name?: string;
  path: PathSegment[];
  matched: boolean;
  /** True when a config-time condition removed the block for this proxy. */
  dropped: boolean;
  checks: ConditionCheck[];
}

export interface RuleTrace extends StepTrace {
  name?: string;
  catchAll: boolean;
  /** Index of the block that matched; null when the rule has no match list (catch-all). */
  matchIndex: number | null;
  blocks: MatchBlockTrace[];
  /** One sentence on why it matched or not. */
  reason: string;
}

export type DestinationStatus = 'ok' | 'NC' | 'UH';

export interface RouteDestination {
  index: number;
  path: PathSegment[];
  host: string;
  fqdn: string;
  subset?: string;
  port?: number;
  /** Weight as written (undefined when absent). */
  weight: number | undefined;
  /** Fraction of requests, 0..1 (weight / sum of weights; a single destination gets 1). */
  share: number;
  status: DestinationStatus;
  /** The DestinationRule that defines the subset, with the subset's labels. */
  subsetDefinedBy?: { name: string; namespace: string; labels: Record<string, string> };
  /** The DestinationRule traffic policy for this destination (absent when no DestinationRule sets one). */
  trafficPolicy?: TrafficPolicyInEffect;
  reason: string;
}

export interface MirrorInEffect {
  host: string;
  subset?: string;
  port?: number;
  /** 0..100 */
  percentage: number;
  path: PathSegment[];
}

export interface FaultInEffect {
  path: PathSegment[];
  delay?: { fixedDelay: string; ms: number; percentage: number };
  abort?: { httpStatus?: number; grpcStatus?: string; percentage: number };
}

export interface RetriesInEffect {
  source: 'rule' | 'default';
  attempts: number;
  /** 1 + attempts */
  totalTries: number;
  retryOn: string | null;
  perTryTimeout: string | null;
}

export type RouteOutcome =
  | 'routed'
  | 'partial'
  | 'no-route'
  | 'no-cluster'
  | 'no-healthy-upstream'
  | 'redirect'
  | 'direct-response'
  | 'delegate'
  | 'not-bound'
  /** A sidecar for which every match block is dropped: istiod builds no route from the VirtualService. */
  | 'default-route';

export interface RouteDecision {
  outcome: RouteOutcome;
  /** Status returned by the proxy itself (404, 503, redirect...), null when the request goes upstream. */
  httpStatus: number | null;
  responseFlag: 'NR' | 'NC' | 'UH' | null;
  summary: string;
  virtualService: { name: string; namespace: string };
  /** The rule that won, when one did. */
  rule?: { index: number; name?: string; path: PathSegment[]; matchIndex: number | null; matchPath?: PathSegment[] };
  /** Every rule evaluated, in order, up to and including the winner. */
  rules: RuleTrace[];
  /** Rules after a catch-all: istiod never emits them. */
  unreachable: { index: number; path: PathSegment[]; afterRule: number }[];
  destinations: RouteDestination[];
  mirrors: MirrorInEffect[];
  fault: FaultInEffect | null;
  timeout: { ms: number | null; text: string; source: 'rule' | 'default' };
  retries: RetriesInEffect;
  redirect?: { uri?: string; authority?: string; scheme?: string; port?: number; code: number };
  directResponse?: { status: number; body?: string };
  rewrite?: { uri?: string; authority?: string };
  delegate?: { name: string; namespace: string };
  notes: string[];
}

export const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';
export const DEFAULT_RETRY_ATTEMPTS = 2;

/** The parts of a trafficPolicy that a subset's policy replaces whole (no deep merge). */
export const POLICY_PARTS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol'] as const;

export interface TrafficPolicyInEffect {
  /** The DestinationRule it comes from. */
  destinationRule: { name: string; namespace: string };
  /** The merged policy: each part from the subset when the subset sets it, else from the top level. */
  effective: Record<string, unknown>;
  /** Parts taken from the subset's trafficPolicy (each replaces the top-level part whole). */
  fromSubset: string[];
  /** Parts inherited from the top-level trafficPolicy. */
  fromTopLevel: string[];
}
