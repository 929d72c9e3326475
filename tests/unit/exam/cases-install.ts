/** Other correct forms and typical mistakes for the install tasks (test data only, never shipped). */
import { edit, type CaseBuilder } from './cases';

export const installCases: Record<string, CaseBuilder> = {
  'install-demo-profile': () => ({
    alternatives: ['istioctl install --set spec.profile=demo --skip-confirmation', 'istioctl apply -y -s profile=demo', '$ istioctl install --set=profile=demo -y'],
    mistakes: [
      { why: 'default profile', breaks: ['set-profile'], answer: 'istioctl install --set profile=default -y' },
      { why: 'no -y', breaks: ['flag-skip-confirmation'], answer: 'istioctl install --set profile=demo' },
    ],
  }),
  'install-iop-minimal-logs': (s) => ({
    alternatives: [
      edit(s, ['  profile: minimal\n  meshConfig:\n    accessLogFile: /dev/stdout\n', '  meshConfig:\n    accessLogFile: "/dev/stdout"\n  profile: minimal\n']),
      edit(s, ['  name: control-plane\n  namespace: istio-system\n', '  name: minimal\n'], ['    accessLogFile: /dev/stdout\n', '    accessLogFile: /dev/stdout\n    accessLogEncoding: JSON\n']),
    ],
    mistakes: [
      { why: 'demo profile', breaks: ['profile'], answer: edit(s, ['profile: minimal', 'profile: demo']) },
      { why: 'access log under values', breaks: ['access-log'], answer: edit(s, ['  meshConfig:\n    accessLogFile: /dev/stdout\n', '  values:\n    global:\n      proxy:\n        logLevel: info\n']) },
    ],
  }),
  'install-from-file': () => ({
    alternatives: ['istioctl install --filename=my-config.yaml --skip-confirmation', 'istioctl install -y -f my-config.yaml'],
    mistakes: [
      { why: 'upgrade', breaks: ['command'], answer: 'istioctl upgrade -f my-config.yaml -y' },
      { why: 'another file', breaks: ['flag-filename'], answer: 'istioctl install -f config.yaml -y' },
    ],
  }),
  'install-ambient-profile': () => ({
    alternatives: ['istioctl install --set profile=ambient -y', 'istioctl install -y --set spec.profile=ambient'],
    mistakes: [
      { why: 'demo profile', breaks: ['set-profile'], answer: 'istioctl install --set profile=demo -y' },
      { why: 'prompt left on', breaks: ['flag-skip-confirmation'], answer: 'istioctl install --set profile=ambient' },
    ],
  }),
  'namespaces-ambient-and-sidecar': (s) => ({
    alternatives: [
      edit(s, ['    istio-injection: enabled', '    istio-injection: "enabled"']),
      edit(s, ['    istio.io/dataplane-mode: ambient\n', '    istio.io/dataplane-mode: ambient\n    team: shop\n']),
    ],
    mistakes: [
      { why: 'sidecar label on shop', breaks: ['shop-ambient'], answer: edit(s, ['    istio.io/dataplane-mode: ambient', '    istio-injection: enabled']) },
      { why: 'injection value "true"', breaks: ['legacy-sidecar'], answer: edit(s, ['    istio-injection: enabled', '    istio-injection: "true"']) },
    ],
  }),
  'waypoint-for-namespace': () => ({
    alternatives: ['istioctl waypoint apply --namespace shop --enroll-namespace', 'istioctl waypoint apply --enroll-namespace --namespace=shop --wait'],
    mistakes: [
      { why: 'not enrolled', breaks: ['flag-enroll-namespace'], answer: 'istioctl waypoint apply -n shop' },
      { why: 'generate only prints', breaks: ['command', 'flag-enroll-namespace'], answer: 'istioctl waypoint generate -n shop' },
    ],
  }),
  'iop-egress-registry-only': (s) => ({
    alternatives: [
      edit(s, ['  profile: default\n', '']),
      edit(s, ['    - name: istio-egressgateway\n      enabled: true\n', '    - enabled: true\n      name: istio-egressgateway\n      k8s:\n        replicaCount: 1\n']),
    ],
    mistakes: [
      { why: 'ALLOW_ANY', breaks: ['registry-only'], answer: edit(s, ['mode: REGISTRY_ONLY', 'mode: ALLOW_ANY']) },
      { why: 'gateway listed but not enabled', breaks: ['egress-gateway'], answer: edit(s, ['      enabled: true\n', '      enabled: false\n']) },
    ],
  }),
  'iop-hold-and-replicas': (s) => ({
    alternatives: [
      edit(s, ['  meshConfig:', '  profile: default\n  meshConfig:']),
      edit(s, ['        replicaCount: 2\n', '        replicaCount: 2\n      enabled: true\n']),
    ],
    mistakes: [
      { why: 'hold disabled', breaks: ['hold'], answer: edit(s, ['holdApplicationUntilProxyStarts: true', 'holdApplicationUntilProxyStarts: false']) },
      { why: 'one replica', breaks: ['replicas'], answer: edit(s, ['replicaCount: 2', 'replicaCount: 1']) },
    ],
  }),
  'install-set-registry-only': () => ({
    alternatives: ['istioctl install --set spec.meshConfig.outboundTrafficPolicy.mode=REGISTRY_ONLY --skip-confirmation', 'istioctl install -y -s meshConfig.outboundTrafficPolicy.mode=REGISTRY_ONLY'],
    mistakes: [
      { why: 'ALLOW_ANY', breaks: ['set-meshConfig.outboundTrafficPolicy.mode'], answer: 'istioctl install --set meshConfig.outboundTrafficPolicy.mode=ALLOW_ANY -y' },
      { why: 'manifest generate does not install (and takes no -y)', breaks: ['command', 'flag-skip-confirmation'], answer: 'istioctl manifest generate --set meshConfig.outboundTrafficPolicy.mode=REGISTRY_ONLY' },
    ],
  }),
  'canary-install-revision': () => ({
    alternatives: ['istioctl install -r canary --skip-confirmation', 'istioctl install --set revision=canary -y', 'istioctl install --revision=canary -y'],
    mistakes: [
      { why: 'upgrade in place', breaks: ['command'], answer: 'istioctl upgrade --revision canary -y' },
      { why: 'no revision: replaces the running control plane', breaks: ['flag-revision'], answer: 'istioctl install -y' },
    ],
  }),
  'move-default-tag': () => ({
    alternatives: ['istioctl tag set default -r canary --overwrite', 'istioctl tag set --revision=canary default --overwrite'],
    mistakes: [
      { why: 'wrong revision', breaks: ['flag-revision'], answer: 'istioctl tag set default --revision stable --overwrite' },
      { why: 'no --overwrite', breaks: ['flag-overwrite'], answer: 'istioctl tag set default --revision canary' },
    ],
  }),
  'namespace-to-revision': (s) => ({
    alternatives: [
      edit(s, ['    istio.io/rev: canary', '    istio.io/rev: "canary"']),
      edit(s, ['    istio.io/rev: canary\n', '    istio.io/rev: canary\n    team: books\n']),
    ],
    mistakes: [
      { why: 'both labels', breaks: ['no-injection-label'], answer: edit(s, ['    istio.io/rev: canary\n', '    istio.io/rev: canary\n    istio-injection: enabled\n']) },
      { why: 'wrong revision', breaks: ['rev-label'], answer: edit(s, ['istio.io/rev: canary', 'istio.io/rev: stable']) },
    ],
  }),
};
