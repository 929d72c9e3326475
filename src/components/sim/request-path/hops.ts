/**
 * The hops of one request (app A calls app B's service) in each data-plane mode. `parts` name the
 * `data-part` elements of the figures (figures.ts) that light up for the hop. Read by the model.
 */
export type Scenario = 'sidecar' | 'ambient' | 'waypoint';

export interface Hop {
  title: string;
  text: string;
  parts: string[];
}

export const scenarioLabels: Record<Scenario, string> = {
  sidecar: 'Sidecar mode',
  ambient: 'Ambient mode, no waypoint',
  waypoint: 'Ambient mode with a waypoint',
};

const istiodSidecar: Hop = {
  title: 'istiod pushes the configuration',
  text: 'Before any request, istiod turns the Services, endpoints and Istio resources (VirtualService, DestinationRule, PeerAuthentication, AuthorizationPolicy...) into Envoy configuration and streams it to every sidecar over xDS (port 15012). The istio-agent in each sidecar container also gets a short-lived certificate for the pod\'s service account identity (SPIFFE) from istiod.',
  parts: ['istiod', 'push-a', 'push-b'],
};

const istiodAmbient: Hop = {
  title: 'istiod pushes the configuration',
  text: 'Before any request, istiod sends each ztunnel the workloads, services and L4 policies it needs, and ztunnel obtains from istiod the certificates of the identities running on its node. A waypoint, being an Envoy, gets full Envoy configuration over xDS, including the L7 rules.',
  parts: ['istiod', 'push-a', 'push-b', 'push-w'],
};

export const scenarios: Record<Scenario, Hop[]> = {
  sidecar: [
    istiodSidecar,
    {
      title: 'app A sends a plain request',
      text: 'app A calls http://b:8080 as if there were no mesh. iptables rules written into the pod\'s network namespace (by the istio-init container or the Istio CNI plugin) redirect the outbound connection to the sidecar (port 15001). The application needs no code change.',
      parts: ['app-a', 'arrow-a'],
    },
    {
      title: 'Client sidecar: routing and client policies',
      text: 'The outbound sidecar applies the client side: VirtualService routing (match, subsets, weights, fault injection, timeout, retries) and DestinationRule traffic policy (load balancing, connection pool, outlier detection, client TLS). It picks one endpoint pod of the chosen subset.',
      parts: ['sidecar-a'],
    },
    {
      title: 'Mutual TLS between the sidecars',
      text: 'The client sidecar opens a mutual TLS connection to the server pod\'s sidecar, each side proving its SPIFFE identity with its certificate. With auto mTLS (the default) this happens without any DestinationRule tls setting, because the destination has a sidecar.',
      parts: ['mtls'],
    },
    {
      title: 'Server sidecar: server policies',
      text: 'The inbound sidecar (port 15006) terminates mTLS and applies the server side: PeerAuthentication (does it accept plaintext?), RequestAuthentication (JWT validation) and AuthorizationPolicy (CUSTOM, then DENY, then ALLOW). A refused request gets 401 or 403 here and never reaches app B. It also records the server-side metrics.',
      parts: ['sidecar-b'],
    },
    {
      title: 'app B receives the request',
      text: 'The sidecar forwards the plain request to app B over the pod\'s loopback. The response travels back the same way; both sidecars report metrics, and the trace headers the apps propagate join the spans.',
      parts: ['arrow-b', 'app-b'],
    },
  ],
  ambient: [
    istiodAmbient,
    {
      title: 'app A sends a plain request',
      text: 'app A calls http://b:8080 unchanged. The pod has no proxy: the Istio CNI node agent set up redirection inside the pod\'s network namespace, so the connection goes to the ztunnel on the same node.',
      parts: ['app-a', 'arrow-a'],
    },
    {
      title: 'ztunnel on node 1 (L4)',
      text: 'ztunnel is one DaemonSet pod per node, shared by all ambient pods on it. It works at layer 4: it knows app A\'s identity and the destination, and it does not parse HTTP. B\'s service has no waypoint, so it sends the connection straight to the ztunnel on B\'s node.',
      parts: ['ztunnel-a'],
    },
    {
      title: 'HBONE: mutual TLS between the ztunnels',
      text: 'The connection travels inside an HBONE tunnel: HTTP CONNECT over mutual TLS on port 15008, with the same SPIFFE identities as sidecars.',
      parts: ['hbone'],
    },
    {
      title: 'ztunnel on node 2 (L4 policy)',
      text: 'The destination ztunnel ends the tunnel and applies L4 policy: PeerAuthentication and AuthorizationPolicy rules on identities, namespaces, IP blocks and ports. An HTTP-only rule (paths, methods, JWT) cannot be enforced here: that needs a waypoint. It records TCP metrics.',
      parts: ['ztunnel-b'],
    },
    {
      title: 'app B receives the request',
      text: 'ztunnel hands the connection to app B. Nothing in the request path parsed HTTP: no retries, no HTTP routing, no L7 metrics, but encryption, identity and L4 authorization are in place.',
      parts: ['arrow-b', 'app-b'],
    },
  ],
  waypoint: [
    istiodAmbient,
    {
      title: 'app A sends a plain request',
      text: 'app A calls http://b:8080 unchanged. The Istio CNI node agent redirects the connection to the ztunnel on the same node.',
      parts: ['app-a', 'arrow-a'],
    },
    {
      title: 'ztunnel on node 1 (L4)',
      text: 'B\'s service (or its namespace) is labelled istio.io/use-waypoint, so ztunnel sends the connection to that waypoint instead of straight to B\'s node, inside an HBONE tunnel (mutual TLS, port 15008).',
      parts: ['ztunnel-a', 'to-waypoint'],
    },
    {
      title: 'Waypoint (L7, for the destination)',
      text: 'The waypoint is an Envoy deployment that acts for the destination service. It parses HTTP and applies the L7 features: HTTP routing, retries, timeouts, fault injection, L7 AuthorizationPolicy attached with targetRefs (methods, paths, JWT claims), HTTP metrics.',
      parts: ['waypoint'],
    },
    {
      title: 'HBONE to the destination ztunnel',
      text: 'The waypoint sends the request on to the ztunnel of the pod it chose, again inside an HBONE mutual TLS tunnel.',
      parts: ['from-waypoint'],
    },
    {
      title: 'ztunnel on node 2 (L4 policy)',
      text: 'The destination ztunnel ends the tunnel and applies the L4 policies (PeerAuthentication, AuthorizationPolicy on identities, namespaces and ports), then hands the connection over.',
      parts: ['ztunnel-b'],
    },
    {
      title: 'app B receives the request',
      text: 'app B gets the plain request. Compared with the sidecar picture, L7 processing happened once, in the waypoint, instead of in two sidecars.',
      parts: ['arrow-b', 'app-b'],
    },
  ],
};
