/** Installation, Upgrades & Configuration tasks (20% of the exam). */
import { gatewayComponentProbe, installProbe, namespaceLabelProbe } from '../../lib/exam/grade/config-probes';
import type { Task } from '../../lib/exam/types';
import { istioDocs } from './context';

const iop = (spec: string) => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
  namespace: istio-system
spec:
${spec}`;

export const installTasks: Task[] = [
  {
    id: 'install-demo-profile',
    kind: 'command',
    competency: 'install.istioctl-helm',
    title: 'Install the demo profile',
    context: 'istioctl 1.26 is on the PATH and the cluster has no Istio yet.',
    requirements: ['Type the istioctl command that installs Istio with the demo profile without asking for confirmation.'],
    solution: 'istioctl install --set profile=demo -y',
    expect: { tool: 'istioctl', path: 'install', sets: { profile: 'demo' }, flags: { 'skip-confirmation': true } },
    docsUrl: istioDocs('setup/install/istioctl'),
    pagePath: '/install/istioctl-install/',
    explanation: 'istioctl install takes the profile through --set profile=<name> (the IstioOperator field spec.profile); -y is --skip-confirmation.',
    hints: ['The profile is a --set value.', '-y skips the prompt.'],
  },
  {
    id: 'install-iop-minimal-logs',
    kind: 'yaml',
    competency: 'install.istioctl-helm',
    title: 'An IstioOperator file for a minimal install',
    context: 'You install with istioctl install -f control-plane.yaml. Write control-plane.yaml.',
    requirements: ['The install starts from the minimal profile.', 'Envoy access logs are written to /dev/stdout.'],
    namespace: 'istio-system',
    given: '',
    starter: '',
    solution: iop(`  profile: minimal
  meshConfig:
    accessLogFile: /dev/stdout
`),
    probes: [
      installProbe('profile', 'profile minimal', 'profile', 'minimal', 'default'),
      installProbe('access-log', 'access logs to /dev/stdout', 'meshConfig.accessLogFile', '/dev/stdout'),
    ],
    docsUrl: istioDocs('tasks/observability/logs/access-log'),
    pagePath: '/install/customize/',
    explanation: 'spec.profile picks the starting profile (default when absent); meshConfig.accessLogFile turns on Envoy access logging for every proxy.',
    hints: ['kind: IstioOperator, apiVersion install.istio.io/v1alpha1.', 'meshConfig sits directly under spec.'],
  },
  {
    id: 'install-from-file',
    kind: 'command',
    competency: 'install.istioctl-helm',
    title: 'Install from a configuration file',
    context: 'The file my-config.yaml holds an IstioOperator.',
    requirements: ['Type the istioctl command that installs Istio from my-config.yaml without a confirmation prompt.'],
    solution: 'istioctl install -f my-config.yaml -y',
    expect: { tool: 'istioctl', path: 'install', flags: { filename: 'my-config.yaml', 'skip-confirmation': true } },
    docsUrl: istioDocs('setup/install/istioctl'),
    pagePath: '/install/istioctl-install/',
    explanation: '-f (--filename) reads an IstioOperator file; several -f files and --set flags are merged in order.',
    hints: ['-f takes the file.'],
  },
  {
    id: 'install-ambient-profile',
    kind: 'command',
    competency: 'install.sidecar-ambient',
    title: 'Install ambient mode',
    context: 'A fresh cluster meets the ambient prerequisites.',
    requirements: ['Type the istioctl command that installs Istio in ambient mode without a prompt.'],
    solution: 'istioctl install --set profile=ambient --skip-confirmation',
    expect: { tool: 'istioctl', path: 'install', sets: { profile: 'ambient' }, flags: { 'skip-confirmation': true } },
    docsUrl: istioDocs('ambient/install/istioctl'),
    pagePath: '/install/ambient/',
    explanation: 'The ambient profile installs istiod, the istio-cni node agent and ztunnel; no ingress gateway.',
    hints: ['A profile named after the mode.'],
  },
  {
    id: 'namespaces-ambient-and-sidecar',
    kind: 'yaml',
    competency: 'install.sidecar-ambient',
    title: 'One namespace per data plane mode',
    context: 'Istio 1.26 runs with ambient support (istio-cni and ztunnel) and the default sidecar injector.',
    requirements: ['Namespace shop joins the ambient mesh.', 'Namespace legacy gets sidecars injected into new pods by the default injector.'],
    namespace: 'default',
    given: '',
    starter: '',
    solution: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/dataplane-mode: ambient
---
apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  labels:
    istio-injection: enabled
`,
    probes: [
      namespaceLabelProbe('shop-ambient', 'shop in ambient mode', 'shop', { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': null }),
      namespaceLabelProbe('legacy-sidecar', 'legacy with sidecar injection', 'legacy', { 'istio-injection': 'enabled' }),
    ],
    docsUrl: istioDocs('ambient/getting-started'),
    pagePath: '/install/sidecar-injection/',
    explanation: 'istio.io/dataplane-mode=ambient enrols a namespace in ambient mode; istio-injection=enabled (exactly "enabled") turns on sidecar injection.',
    hints: ['Both are Namespace labels.', 'The injection label value is the word enabled.'],
  },
  {
    id: 'waypoint-for-namespace',
    kind: 'command',
    competency: 'install.sidecar-ambient',
    title: 'A waypoint for a namespace',
    context: 'Namespace shop is in the ambient mesh and needs L7 policies.',
    requirements: ['Type the istioctl command that deploys a waypoint proxy in shop and makes the namespace use it.'],
    solution: 'istioctl waypoint apply -n shop --enroll-namespace',
    expect: { tool: 'istioctl', path: 'waypoint apply', flags: { namespace: 'shop', 'enroll-namespace': true } },
    docsUrl: istioDocs('ambient/usage/waypoint'),
    pagePath: '/install/ambient/',
    explanation: 'waypoint apply creates the waypoint Gateway; --enroll-namespace also labels the namespace with istio.io/use-waypoint so its services use it.',
    hints: ['istioctl waypoint has an apply subcommand.'],
  },
  {
    id: 'iop-egress-registry-only',
    kind: 'yaml',
    competency: 'install.customize',
    title: 'An egress gateway and a closed mesh',
    context: 'You install with istioctl install -f, starting from the default profile.',
    requirements: ['The egress gateway istio-egressgateway is installed.', 'Sidecars only reach hosts in the service registry (outbound traffic policy REGISTRY_ONLY).'],
    namespace: 'istio-system',
    given: '',
    starter: '',
    solution: iop(`  profile: default
  meshConfig:
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
  components:
    egressGateways:
    - name: istio-egressgateway
      enabled: true
`),
    probes: [
      gatewayComponentProbe('egress-gateway', 'istio-egressgateway enabled', 'egressGateways', 'istio-egressgateway', true),
      installProbe('registry-only', 'outboundTrafficPolicy REGISTRY_ONLY', 'meshConfig.outboundTrafficPolicy.mode', 'REGISTRY_ONLY', 'ALLOW_ANY'),
    ],
    docsUrl: istioDocs('tasks/traffic-management/egress/egress-gateway'),
    pagePath: '/install/customize/',
    explanation: 'The default profile has no egress gateway: enable it under components.egressGateways. meshConfig.outboundTrafficPolicy.mode defaults to ALLOW_ANY.',
    hints: ['components.egressGateways is a list of named gateways.', 'meshConfig.outboundTrafficPolicy.mode.'],
  },
  {
    id: 'iop-hold-and-replicas',
    kind: 'yaml',
    competency: 'install.customize',
    title: 'Start the proxy first, run two istiods',
    context: 'You install with istioctl install -f.',
    requirements: ['Application containers start only after the sidecar is ready (mesh-wide proxy default).', 'istiod runs with 2 replicas.'],
    namespace: 'istio-system',
    given: '',
    starter: '',
    solution: iop(`  meshConfig:
    defaultConfig:
      holdApplicationUntilProxyStarts: true
  components:
    pilot:
      k8s:
        replicaCount: 2
`),
    probes: [
      installProbe('hold', 'holdApplicationUntilProxyStarts true', 'meshConfig.defaultConfig.holdApplicationUntilProxyStarts', true),
      installProbe('replicas', 'istiod replicas 2', 'components.pilot.k8s.replicaCount', 2),
    ],
    docsUrl: istioDocs('setup/additional-setup/customize-installation'),
    pagePath: '/install/customize/',
    explanation: 'meshConfig.defaultConfig is the ProxyConfig every sidecar starts with; components.pilot.k8s sets Kubernetes settings of the istiod Deployment.',
    hints: ['defaultConfig under meshConfig.', 'k8s under components.pilot.'],
  },
  {
    id: 'install-set-registry-only',
    kind: 'command',
    competency: 'install.customize',
    title: 'Close the mesh from the command line',
    context: 'Istio is installed with istioctl and the default profile.',
    requirements: ['Type the istioctl install command (no prompt) that sets the outbound traffic policy to REGISTRY_ONLY.'],
    solution: 'istioctl install --set meshConfig.outboundTrafficPolicy.mode=REGISTRY_ONLY -y',
    expect: { tool: 'istioctl', path: 'install', sets: { 'meshConfig.outboundTrafficPolicy.mode': 'REGISTRY_ONLY' }, flags: { 'skip-confirmation': true } },
    docsUrl: istioDocs('tasks/traffic-management/egress/egress-control'),
    pagePath: '/install/customize/',
    explanation: '--set takes an IstioOperator path below spec; running install again applies the change.',
    hints: ['--set meshConfig....'],
  },
  {
    id: 'canary-install-revision',
    kind: 'command',
    competency: 'install.upgrade',
    title: 'Install a canary control plane',
    context: 'Istio 1.25 runs as the default revision. istioctl 1.26 is on the PATH.',
    requirements: ['Type the istioctl command that installs 1.26 side by side as revision canary, without a prompt.'],
    solution: 'istioctl install --revision canary -y',
    expect: { tool: 'istioctl', path: 'install', flags: { revision: 'canary', 'skip-confirmation': true } },
    docsUrl: istioDocs('setup/upgrade/canary'),
    pagePath: '/install/upgrades/',
    explanation: 'A revision installs a second istiod (istiod-canary) with its own injector; workloads move by relabelling their namespace and restarting.',
    hints: ['--revision (or -r).'],
  },
  {
    id: 'move-default-tag',
    kind: 'command',
    competency: 'install.upgrade',
    title: 'Move the default tag',
    context: 'Revision canary is installed and tested. Namespaces use the default injector.',
    requirements: ['Type the istioctl command that points the existing revision tag default at revision canary.'],
    solution: 'istioctl tag set default --revision canary --overwrite',
    expect: { tool: 'istioctl', path: 'tag set', args: ['default'], flags: { revision: 'canary', overwrite: true } },
    docsUrl: istioDocs('setup/upgrade/canary'),
    pagePath: '/install/upgrades/',
    explanation: 'tag set creates or moves a tag; --overwrite is needed when the tag exists already.',
    hints: ['istioctl tag set <tag>.', 'The tag exists already.'],
  },
  {
    id: 'namespace-to-revision',
    kind: 'yaml',
    competency: 'install.upgrade',
    title: 'Move a namespace to the canary',
    context: 'Namespace bookinfo has the label istio-injection: enabled. Revision canary is installed.',
    requirements: ['New pods in bookinfo get the sidecar of revision canary.', 'Nothing makes the default injector win over the revision label.'],
    namespace: 'default',
    given: `apiVersion: v1
kind: Namespace
metadata:
  name: bookinfo
  labels:
    istio-injection: enabled
`,
    starter: '',
    solution: `apiVersion: v1
kind: Namespace
metadata:
  name: bookinfo
  labels:
    istio.io/rev: canary
`,
    probes: [
      namespaceLabelProbe('rev-label', 'istio.io/rev=canary', 'bookinfo', { 'istio.io/rev': 'canary' }),
      namespaceLabelProbe('no-injection-label', 'no istio-injection label', 'bookinfo', { 'istio-injection': null }),
    ],
    docsUrl: istioDocs('setup/upgrade/canary'),
    pagePath: '/install/upgrades/',
    explanation: 'istio.io/rev=<revision> selects the revision\'s injector, but istio-injection takes precedence when both are present, so it must go (kubectl apply of the whole Namespace replaces its labels).',
    hints: ['istio.io/rev.', 'Remove the other label.'],
  },
];
