/** Other correct forms and typical mistakes for the troubleshooting tasks (test data only, never shipped). */
import { edit, type CaseBuilder } from './cases';

export const troubleshootingCases: Record<string, CaseBuilder> = {
  'fix-503-nc-subset': (s) => ({
    alternatives: [
      s.split('---')[1]!,
      edit(s, ['  - name: v2\n    labels:\n      version: v2\n  - name: v3', '  - name: v3']),
    ],
    mistakes: [
      { why: 'jason sent to v2 instead', breaks: ['jason-v3'], answer: edit(s, ['        subset: v3', '        subset: v2']) },
      { why: 'DestinationRule rewritten with v3 only', breaks: ['others-v1'], answer: edit(s, ['  - name: v1\n    labels:\n      version: v1\n  - name: v2\n    labels:\n      version: v2\n', '']) },
    ],
  }),
  'fix-gateway-reference': (s) => ({
    alternatives: [
      edit(s, ['  - bookinfo-gateway', '  - bookinfo/bookinfo-gateway']),
      edit(s, ['    - uri:\n        exact: /productpage\n', '    - uri:\n        prefix: /productpage\n']),
    ],
    mistakes: [
      { why: 'static rule dropped', breaks: ['static'], answer: edit(s, ['    - uri:\n        prefix: /static\n', '']) },
      { why: 'exact /static', breaks: ['static'], answer: edit(s, ['prefix: /static', 'exact: /static']) },
    ],
  }),
  'analyze-namespace': () => ({
    alternatives: ['istioctl analyze --namespace=bookinfo', 'istioctl -n bookinfo analyze', 'istioctl analyze --namespace bookinfo -o yaml'],
    mistakes: [
      { why: 'validate is another command', breaks: ['command'], answer: 'istioctl validate -n bookinfo' },
      { why: 'all namespaces', breaks: ['flag-namespace'], answer: 'istioctl analyze -A' },
    ],
  }),
  'fix-rbac-denied': (s) => ({
    alternatives: [
      edit(s, ['principals: ["cluster.local/ns/bookinfo/sa/bookinfo-productpage"]', 'principals: ["*/ns/bookinfo/sa/bookinfo-productpage"]']),
      edit(s, ['        principals: ["cluster.local/ns/bookinfo/sa/bookinfo-productpage"]\n', '        principals: ["cluster.local/ns/bookinfo/sa/bookinfo-productpage"]\n    to:\n    - operation:\n        methods: ["GET", "HEAD"]\n']),
    ],
    mistakes: [
      { why: 'namespace-wide', breaks: ['reviews-denied'], answer: edit(s, ['principals: ["cluster.local/ns/bookinfo/sa/bookinfo-productpage"]', 'namespaces: ["bookinfo"]']) },
      { why: 'service name instead of service account', breaks: ['productpage-allowed'], answer: edit(s, ['sa/bookinfo-productpage', 'sa/productpage']) },
    ],
  }),
  'fix-injection-labels': (s) => ({
    alternatives: [
      edit(s, ['    istio-injection: enabled', '    istio-injection: "enabled"']),
      edit(s, ['      labels:\n        app: web\n    spec:', '      labels:\n        app: web\n        sidecar.istio.io/inject: "true"\n    spec:']),
    ],
    mistakes: [
      { why: 'only the label fixed', breaks: ['pod-opt-out'], answer: edit(s, ['        app: web\n    spec:', '        app: web\n        sidecar.istio.io/inject: "false"\n    spec:']) },
      { why: 'label value "true"', breaks: ['namespace-label'], answer: edit(s, ['istio-injection: enabled', 'istio-injection: "true"']) },
    ],
  }),
  'routes-of-one-pod': () => ({
    alternatives: ['istioctl pc r productpage-v1-6c8d9b7f5-x2x4k.bookinfo --name=9080', 'istioctl proxy-config route --name 9080 -n bookinfo productpage-v1-6c8d9b7f5-x2x4k'],
    mistakes: [
      { why: 'listeners instead of routes', breaks: ['command', 'flag-name'], answer: 'istioctl proxy-config listeners productpage-v1-6c8d9b7f5-x2x4k -n bookinfo --port 9080' },
      { why: 'namespace missing', breaks: ['flag-namespace'], answer: 'istioctl proxy-config routes productpage-v1-6c8d9b7f5-x2x4k --name 9080' },
    ],
  }),
  'clusters-for-host': () => ({
    alternatives: ['istioctl pc clusters reviews-v1-7f99d8c6b-abcde.bookinfo --fqdn=ratings.bookinfo.svc.cluster.local', 'istioctl proxy-config c --fqdn ratings.bookinfo.svc.cluster.local -n bookinfo reviews-v1-7f99d8c6b-abcde'],
    mistakes: [
      { why: 'endpoints instead of clusters', breaks: ['command', 'flag-fqdn'], answer: 'istioctl proxy-config endpoints reviews-v1-7f99d8c6b-abcde -n bookinfo --cluster "outbound|9080||ratings.bookinfo.svc.cluster.local"' },
      { why: 'short host', breaks: ['flag-fqdn'], answer: 'istioctl proxy-config cluster reviews-v1-7f99d8c6b-abcde -n bookinfo --fqdn ratings' },
    ],
  }),
  'proxy-status-revision': () => ({
    alternatives: ['istioctl ps -r canary', 'istioctl proxy-status --revision=canary'],
    mistakes: [
      { why: 'another revision', breaks: ['flag-revision'], answer: 'istioctl proxy-status -r stable' },
      { why: 'version, not status', breaks: ['command'], answer: 'istioctl version --revision canary' },
    ],
  }),
  'istiod-log-level': () => ({
    alternatives: ['istioctl istiod log --level=ads:debug', 'istioctl admin l --level ads:debug'],
    mistakes: [
      { why: 'info level', breaks: ['flag-level'], answer: 'istioctl admin log --level ads:info' },
      { why: 'a proxy\'s log level instead', breaks: ['command'], answer: 'istioctl proxy-config log --level ads:debug' },
    ],
  }),
  'precheck-revision': () => ({
    alternatives: ['istioctl experimental precheck -r canary', 'istioctl exp precheck --revision=canary'],
    mistakes: [
      { why: 'analyze is not the pre-install check', breaks: ['command'], answer: 'istioctl analyze --revision canary' },
      { why: 'no revision', breaks: ['flag-revision'], answer: 'istioctl x precheck' },
    ],
  }),
};

export const moreTroubleshootingCases: Record<string, CaseBuilder> = {
  'fix-unreachable-rule': (s) => ({
    alternatives: [
      edit(s, ['exact: jason', 'regex: jason']),
      edit(s, ['  - route:\n    - destination:\n        host: reviews\n        subset: v1', '  - match:\n    - uri:\n        prefix: /\n    route:\n    - destination:\n        host: reviews\n        subset: v1']),
    ],
    mistakes: [
      { why: 'catch-all left first, match added to it', breaks: ['others-v1'], answer: edit(s, ['  - route:\n    - destination:\n        host: reviews\n        subset: v1', '  - match:\n    - headers:\n        end-user:\n          exact: bob\n    route:\n    - destination:\n        host: reviews\n        subset: v1']) },
      { why: 'jason sent to v3', breaks: ['jason-v2'], answer: edit(s, ['        subset: v2', '        subset: v3']) },
    ],
  }),
  'fix-mtls-conflict': (s) => ({
    alternatives: [
      edit(s, ['    tls:\n      mode: ISTIO_MUTUAL\n', '']),
      edit(s, ['  host: ratings\n', '  host: ratings.bookinfo.svc.cluster.local\n']),
    ],
    mistakes: [
      { why: 'SIMPLE TLS', breaks: ['client-tls'], answer: edit(s, ['mode: ISTIO_MUTUAL', 'mode: SIMPLE']) },
      { why: 'server relaxed instead', breaks: ['client-tls', 'strict-kept'], answer: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: bookinfo
spec:
  mtls:
    mode: PERMISSIVE
` },
    ],
  }),
};
