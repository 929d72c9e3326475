import type { CommandEntry } from './types';

/**
 * General istioctl and kubectl commands used across the site and on the CLI cheat sheet: dashboards, extra
 * debugging and logging, ambient inspection, uninstalling, and the commands removed in Istio 1.24 (kept as
 * history, never rendered as a command to run).
 */
export const commands: CommandEntry[] = [
  // Dashboards. Kiali, Grafana, Jaeger and Prometheus must be installed first (samples/addons).
  {
    id: 'kubectl-apply-addons',
    command: 'kubectl apply -f samples/addons',
    summary: 'Installs the sample observability add-ons shipped in the Istio release folder (Prometheus, Grafana, Kiali, Jaeger, Loki) into istio-system. They are demo-grade, not for production.',
    domain: 'troubleshooting',
    tool: 'kubectl',
    tags: ['dashboards', 'observability', 'install'],
  },
  {
    id: 'istioctl-dashboard-kiali',
    command: 'istioctl dashboard kiali',
    summary: 'Port-forwards to Kiali and opens it in a browser: the service graph, request rates and errors per edge, and checks of the Istio configuration.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['dashboards', 'observability', 'kiali'],
  },
  {
    id: 'istioctl-dashboard-grafana',
    command: 'istioctl dashboard grafana',
    summary: 'Port-forwards to Grafana and opens it: the Istio mesh, service, workload and control plane dashboards built on Prometheus metrics.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['dashboards', 'observability', 'metrics'],
  },
  {
    id: 'istioctl-dashboard-jaeger',
    command: 'istioctl dashboard jaeger',
    summary: 'Port-forwards to Jaeger and opens it: distributed traces, one span per proxy hop, to see where a slow request spends its time.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['dashboards', 'observability', 'tracing'],
  },
  {
    id: 'istioctl-dashboard-prometheus',
    command: 'istioctl dashboard prometheus',
    summary: 'Port-forwards to Prometheus and opens it, for raw queries such as istio_requests_total by response_code.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['dashboards', 'observability', 'metrics'],
  },
  {
    id: 'istioctl-dashboard-controlz',
    command: 'istioctl dashboard controlz deployment/istiod -n istio-system',
    summary: 'Opens the ControlZ page of istiod: its logging scopes and levels (changeable live), memory, environment and version.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['dashboards', 'control-plane', 'logging'],
  },

  // Debug and logging.
  {
    id: 'kubectl-logs-istio-proxy-follow',
    command: 'kubectl logs <pod> -n <namespace> -c istio-proxy -f',
    summary: 'Follows the sidecar\'s log live, including the Envoy access log lines when access logging is on; send a request in another terminal and watch its line appear.',
    domain: 'troubleshooting',
    tool: 'kubectl',
    tags: ['logging', 'access-log', 'sidecar'],
    output: '[2026-11-27T08:01:12.345Z] "GET /reviews/0 HTTP/1.1" 503 UH no_healthy_upstream - "-" 0 19 0 - "-" "curl/8.5.0" ... outbound|9080|v3|reviews.bookinfo.svc.cluster.local ...',
  },
  {
    id: 'istioctl-admin-log',
    command: 'istioctl admin log',
    summary: 'Lists istiod\'s logging scopes and their current levels. Change one with --level <scope>:<level>, undo with --reset.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['logging', 'control-plane'],
  },
  {
    id: 'istioctl-proxy-config-bootstrap',
    command: 'istioctl proxy-config bootstrap <pod> -n <namespace>',
    summary: 'Shows the static configuration the sidecar started with: the istiod address, proxy metadata (labels, mesh ID, version) and the proxy settings from ProxyConfig or annotations.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['debug', 'envoy', 'proxy-config'],
  },
  {
    id: 'istioctl-proxy-config-rootca-compare',
    command: 'istioctl proxy-config rootca-compare <pod-a>.<namespace> <pod-b>.<namespace>',
    summary: 'Checks that two workloads trust the same root certificate. Different roots (for example after a CA change) make mTLS between them fail.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['debug', 'mtls', 'certificates'],
    output: 'Both [pod-a.bookinfo] and [pod-b.bookinfo] have the identical ROOTCA, theoretically the connectivity between them is available',
  },
  {
    id: 'istioctl-x-describe-service',
    command: 'istioctl x describe service <service> -n <namespace>',
    summary: 'Summarises what applies to a Service: its ports, the DestinationRule and VirtualServices for its host, and warnings such as a port without a protocol name.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['debug', 'describe', 'routing'],
  },
  {
    id: 'istioctl-x-envoy-stats',
    command: 'istioctl x envoy-stats <pod> -n <namespace> --type clusters',
    summary: 'Prints the sidecar\'s per-cluster statistics (active connections, requests, outlier ejections, circuit-breaker overflows) without exec-ing into the pod.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['debug', 'envoy', 'stats', 'circuit-breaking'],
  },
  {
    id: 'istioctl-bug-report',
    command: 'istioctl bug-report --include <namespace>',
    summary: 'Collects proxy configs, logs, istiod debug output and cluster state into one archive: the thing to attach when asking for help.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['debug', 'support'],
  },

  // Injection and labels.
  {
    id: 'kubectl-label-namespace-injection-disabled',
    command: 'kubectl label namespace <namespace> istio-injection=disabled --overwrite',
    summary: 'Marks a namespace as never injected. Unlike removing the label, this also wins over a revision label or a mesh-wide injection default.',
    domain: 'troubleshooting',
    tool: 'kubectl',
    tags: ['injection', 'labels'],
  },

  // Ambient.
  {
    id: 'istioctl-ztunnel-config-connections',
    command: 'istioctl ztunnel-config connections',
    summary: 'Lists the connections the ztunnels track for the workloads on their nodes (new in Istio 1.26): who talks to whom, and whether it is over HBONE.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['ambient', 'ztunnel', 'debug'],
    since: '1.26',
  },
  {
    id: 'istioctl-ztunnel-config-certificates',
    command: 'istioctl ztunnel-config certificates',
    summary: 'Shows the workload certificates a ztunnel holds for the pods on its node, with their SPIFFE identities and validity.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['ambient', 'ztunnel', 'certificates'],
  },
  {
    id: 'istioctl-waypoint-list',
    command: 'istioctl waypoint list -n <namespace>',
    summary: 'Lists the waypoint proxies of a namespace and what they serve, to check that L7 policy in ambient mode has a waypoint to run in.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['ambient', 'waypoint'],
  },

  // Resources at a glance.
  {
    id: 'kubectl-get-istio-short-names',
    command: 'kubectl get vs,dr,gw,se -A',
    summary: 'Lists VirtualServices, DestinationRules, Gateways and ServiceEntries of every namespace in one go, using the short names.',
    domain: 'traffic',
    tool: 'kubectl',
    tags: ['resources', 'short-names', 'verify'],
  },

  // Revisions.
  {
    id: 'istioctl-tag-list',
    command: 'istioctl tag list',
    summary: 'Lists the revision tags (such as prod or canary) and the revision each one points to: which control plane a namespace label like istio.io/rev=prod really selects.',
    domain: 'install',
    tool: 'istioctl',
    tags: ['revisions', 'upgrade', 'tags'],
  },

  // Uninstall.
  {
    id: 'istioctl-uninstall-purge',
    command: 'istioctl uninstall --purge -y',
    summary: 'Removes every Istio control plane and its cluster-wide resources, whatever the revision. It leaves the istio-system namespace and the CRDs (your Istio objects keep their data).',
    domain: 'install',
    tool: 'istioctl',
    tags: ['uninstall'],
  },
  {
    id: 'istioctl-uninstall-revision',
    command: 'istioctl uninstall --revision <revision> -y',
    summary: 'Removes one revision\'s control plane only, the last step of a canary upgrade once every namespace points to the new revision.',
    domain: 'install',
    tool: 'istioctl',
    tags: ['uninstall', 'revisions', 'upgrade'],
  },
  {
    id: 'kubectl-delete-istio-crds',
    command: 'kubectl get crd -o name | grep istio.io | xargs kubectl delete',
    summary: 'Deletes Istio\'s CustomResourceDefinitions, and with them every VirtualService, DestinationRule, policy and other Istio object in the cluster. Only for a full clean-up.',
    domain: 'install',
    tool: 'kubectl',
    tags: ['uninstall', 'crd'],
  },
  {
    id: 'helm-ls-istio-system',
    command: 'helm ls -n istio-system',
    summary: 'Lists the Helm releases in istio-system (istio-base, istiod and others) with their chart versions: what a Helm uninstall has to remove, newest chart last.',
    domain: 'install',
    tool: 'helm',
    tags: ['helm', 'verify', 'uninstall'],
  },

  // Removed in 1.24: history only. <Command> refuses to render these.
  {
    id: 'istioctl-manifest-generate-demo',
    command: 'istioctl manifest generate --set profile=demo',
    summary: 'Prints every Kubernetes manifest a demo-profile install would apply, without touching the cluster: the way to see what a profile contains now that istioctl profile is gone.',
    domain: 'install',
    tool: 'istioctl',
    tags: ['profile', 'install', 'dry-run'],
  },
  {
    id: 'istioctl-profile-list',
    command: 'istioctl profile list',
    summary: 'Listed the built-in installation profiles. Removed in Istio 1.24: the profiles are documented on istio.io, and manifest generate shows what one installs.',
    domain: 'install',
    tool: 'istioctl',
    tags: ['profile', 'removed'],
    removedIn: '1.24',
    replacedBy: 'istioctl-manifest-generate-demo',
  },
  {
    id: 'istioctl-profile-dump',
    command: 'istioctl profile dump demo',
    summary: 'Printed the IstioOperator settings of a profile. Removed in Istio 1.24; use manifest generate with the profile instead.',
    domain: 'install',
    tool: 'istioctl',
    tags: ['profile', 'removed'],
    removedIn: '1.24',
    replacedBy: 'istioctl-manifest-generate-demo',
  },
  {
    id: 'istioctl-profile-diff',
    command: 'istioctl profile diff default demo',
    summary: 'Compared two profiles. Removed in Istio 1.24; generate both manifests and compare them with diff instead.',
    domain: 'install',
    tool: 'istioctl',
    tags: ['profile', 'removed'],
    removedIn: '1.24',
    replacedBy: 'shell-diff-profiles',
  },
  {
    id: 'istioctl-verify-install',
    command: 'istioctl verify-install',
    summary: 'Checked an installation against its manifest. Removed in Istio 1.24: check the istio-system pods and istioctl version, and run istioctl analyze.',
    domain: 'install',
    tool: 'istioctl',
    tags: ['verify', 'removed'],
    removedIn: '1.24',
    replacedBy: 'istioctl-version',
  },
];
