/** Other correct forms and typical mistakes for the security tasks (test data only, never shipped). */
import { edit, type CaseBuilder } from './cases';

export const securityCases: Record<string, CaseBuilder> = {
  'mtls-namespace-strict-exception': (s) => ({
    alternatives: [
      edit(s, ['  mtls:\n    mode: STRICT\n', '  mtls: {mode: STRICT}\n']),
      edit(s, ['  mtls:\n    mode: PERMISSIVE\n', '  mtls:\n    mode: PERMISSIVE\n  portLevelMtls:\n    9080:\n      mode: PERMISSIVE\n']),
    ],
    mistakes: [
      { why: 'no exception', breaks: ['details-permissive'], answer: edit(s, ['      app: details', '      app: ratings']) },
      { why: 'namespace PERMISSIVE', breaks: ['namespace-strict'], answer: edit(s, ['mode: STRICT', 'mode: PERMISSIVE']) },
    ],
  }),
  'mtls-mesh-strict-legacy': (s) => ({
    alternatives: [
      edit(s, ['  name: default\n  namespace: istio-system', '  name: mesh-wide\n  namespace: istio-system']),
      edit(s, ['  name: default\n  namespace: legacy', '  name: allow-plaintext\n  namespace: legacy']),
    ],
    mistakes: [
      { why: 'mesh policy put in bookinfo\'s neighbour namespace default', breaks: ['mesh-strict'], answer: edit(s, ['namespace: istio-system', 'namespace: default']) },
      { why: 'legacy forgotten', breaks: ['legacy-permissive'], answer: edit(s, ['  mtls:\n    mode: PERMISSIVE\n', '  mtls:\n    mode: STRICT\n']) },
    ],
  }),
  'jwt-require-token': (s) => ({
    alternatives: [
      edit(s, ['requestPrincipals: ["*"]', 'requestPrincipals: ["https://auth.example.com/*"]']),
      edit(s, ['  action: ALLOW\n  rules:\n  - from:\n    - source:\n        requestPrincipals: ["*"]', '  action: DENY\n  rules:\n  - from:\n    - source:\n        notRequestPrincipals: ["*"]']),
    ],
    mistakes: [
      { why: 'no AuthorizationPolicy', breaks: ['none-403'], answer: s.split('---')[0]! },
      { why: 'issuer mistyped', breaks: ['valid-200'], answer: edit(s, ['  - issuer: https://auth.example.com\n', '  - issuer: https://auth.example.org\n']) },
    ],
  }),
  'authz-get-from-reviews': (s) => ({
    alternatives: [
      edit(s, ['principals: ["cluster.local/ns/bookinfo/sa/bookinfo-reviews"]', 'principals: ["*/ns/bookinfo/sa/bookinfo-reviews"]']),
      edit(s, ['  - from:\n    - source:\n        principals: ["cluster.local/ns/bookinfo/sa/bookinfo-reviews"]\n    to:\n    - operation:\n        methods: ["GET"]', '  - to:\n    - operation:\n        methods: ["GET"]\n    from:\n    - source:\n        principals:\n        - cluster.local/ns/bookinfo/sa/bookinfo-reviews']),
    ],
    mistakes: [
      { why: 'no method restriction', breaks: ['post-denied'], answer: edit(s, ['    to:\n    - operation:\n        methods: ["GET"]\n', '']) },
      { why: 'whole namespace allowed', breaks: ['others-denied'], answer: edit(s, ['principals: ["cluster.local/ns/bookinfo/sa/bookinfo-reviews"]', 'namespaces: ["bookinfo"]']) },
    ],
  }),
  'authz-deny-admin': (s) => ({
    alternatives: [
      edit(s, ['paths: ["/admin*"]', 'paths: ["/admin", "/admin/*"]']),
      edit(s, ['  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: ["/admin*"]', '  action: ALLOW\n  rules:\n  - to:\n    - operation:\n        notPaths: ["/admin*"]']),
    ],
    mistakes: [
      { why: 'exact path only', breaks: ['admin-denied'], answer: edit(s, ['paths: ["/admin*"]', 'paths: ["/admin"]']) },
      { why: 'ALLOW instead of DENY', breaks: ['admin-denied', 'others-allowed'], answer: edit(s, ['action: DENY', 'action: ALLOW']) },
    ],
  }),
  'authz-namespace-lockdown': (s) => ({
    alternatives: [
      edit(s, ['spec: {}', 'spec:\n  action: ALLOW']),
      edit(s, ['methods: ["GET"]', 'methods: ["GET"]\n        paths: ["*"]']),
    ],
    mistakes: [
      { why: 'allow-nothing only', breaks: ['ingress-get'], answer: s.split('---')[0]! },
      { why: 'any method', breaks: ['ingress-post'], answer: edit(s, ['    to:\n    - operation:\n        methods: ["GET"]\n', '']) },
    ],
  }),
  'authz-from-namespace': (s) => ({
    alternatives: [
      edit(s, ['namespaces: ["web"]', 'principals: ["cluster.local/ns/web/sa/*"]']),
      edit(s, ['  action: ALLOW\n', '']),
    ],
    mistakes: [
      { why: 'batch allowed too', breaks: ['batch-denied'], answer: edit(s, ['namespaces: ["web"]', 'namespaces: ["web", "batch"]']) },
      { why: 'only POST allowed', breaks: ['web-allowed'], answer: edit(s, ['        namespaces: ["web"]', '        namespaces: ["web"]\n    to:\n    - operation:\n        methods: ["POST"]']) },
    ],
  }),
  'gateway-simple-tls-redirect': (s) => ({
    alternatives: [
      edit(s, ['  - port:\n      number: 80\n', '---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: bookinfo-redirect\n  namespace: bookinfo\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n']),
      edit(s, ['    - bookinfo.example.com\n    tls:\n      mode: SIMPLE', '    - "*/bookinfo.example.com"\n    tls:\n      mode: SIMPLE'], ['protocol: HTTPS', 'protocol: https']),
    ],
    mistakes: [
      { why: 'MUTUAL instead of SIMPLE', breaks: ['https'], answer: edit(s, ['mode: SIMPLE', 'mode: MUTUAL']) },
      { why: 'no redirect', breaks: ['redirect'], answer: edit(s, ['    tls:\n      httpsRedirect: true\n', '']) },
    ],
  }),
  'gateway-mutual-tls': (s) => ({
    alternatives: [
      edit(s, ['  gateways:\n  - partner-gateway', '  gateways:\n  - partners/partner-gateway']),
      edit(s, ['        host: partner-api\n', '        host: partner-api.partners.svc.cluster.local\n']),
    ],
    mistakes: [
      { why: 'SIMPLE', breaks: ['mutual'], answer: edit(s, ['mode: MUTUAL', 'mode: SIMPLE']) },
      { why: 'VirtualService not bound', breaks: ['route'], answer: edit(s, ['  gateways:\n  - partner-gateway\n', '']) },
    ],
  }),
  'gateway-passthrough': (s) => ({
    alternatives: [
      edit(s, ['        host: my-nginx\n', '        host: my-nginx.web.svc.cluster.local\n']),
      edit(s, ['  gateways:\n  - nginx-gateway', '  gateways:\n  - web/nginx-gateway']),
    ],
    mistakes: [
      { why: 'SIMPLE termination', breaks: ['passthrough'], answer: edit(s, ['      mode: PASSTHROUGH', '      mode: SIMPLE\n      credentialName: nginx-cert']) },
      // A wrong SNI host is refused by istiod (it must be one of the VirtualService's hosts): not a graded mistake.
      { why: 'forwards to the wrong Service', breaks: ['sni-route'], answer: edit(s, ['        host: my-nginx', '        host: nginx']) },
    ],
  }),
};

export const moreSecurityCases: Record<string, CaseBuilder> = {
  'authz-deny-other-namespaces': (s) => ({
    alternatives: [
      edit(s, ['notNamespaces: ["web"]', 'notPrincipals: ["cluster.local/ns/web/sa/*"]']),
      edit(s, ['  - from:\n    - source:\n        notNamespaces: ["web"]', '  - from:\n    - source:\n        notNamespaces:\n        - web']),
    ],
    mistakes: [
      { why: 'batch exempted too', breaks: ['batch-denied'], answer: edit(s, ['notNamespaces: ["web"]', 'notNamespaces: ["web", "batch"]']) },
      { why: 'selector for another workload', breaks: ['batch-denied'], answer: edit(s, ['app: httpbin', 'app: sleep']) },
    ],
  }),
  'authz-two-rules': (s) => ({
    alternatives: [
      edit(s, ['paths: ["/api/*"]', 'paths: ["/api/*", "/api"]']),
      edit(s, ['  - to:\n    - operation:\n        methods: ["GET"]\n        paths: ["/healthz"]\n', '  - to:\n    - operation:\n        paths: ["/healthz"]\n        methods: ["GET", "HEAD"]\n']),
    ],
    mistakes: [
      { why: 'health rule forgotten', breaks: ['healthz'], answer: edit(s, ['  - to:\n    - operation:\n        methods: ["GET"]\n        paths: ["/healthz"]\n', '']) },
      { why: 'no method on the API rule', breaks: ['frontend-post'], answer: edit(s, ['        methods: ["GET"]\n        paths: ["/api/*"]', '        paths: ["/api/*"]']) },
    ],
  }),
  'mtls-port-exception': (s) => ({
    alternatives: [
      edit(s, ['      mode: PERMISSIVE', '      mode: DISABLE']),
      edit(s, ['  portLevelMtls:\n    9100:\n      mode: PERMISSIVE\n', '  portLevelMtls:\n    9100:\n      mode: PERMISSIVE\n    5432:\n      mode: STRICT\n']),
    ],
    mistakes: [
      { why: 'workload PERMISSIVE', breaks: ['db-strict'], answer: edit(s, ['    mode: STRICT', '    mode: PERMISSIVE']) },
      { why: 'wrong port', breaks: ['metrics-open'], answer: edit(s, ['    9100:', '    9090:']) },
    ],
  }),
  'jwt-audience-public-path': (s) => ({
    alternatives: [
      edit(s, ['paths: ["/public/*"]', 'paths: ["/public*"]']),
      edit(s, ['requestPrincipals: ["*"]', 'requestPrincipals: ["https://auth.example.com/*"]']),
    ],
    mistakes: [
      { why: 'no audiences', breaks: ['wrong-audience'], answer: edit(s, ['    audiences: ["shop-api"]\n', '']) },
      { why: 'no public rule', breaks: ['public'], answer: edit(s, ['  - to:\n    - operation:\n        paths: ["/public/*"]\n', '']) },
    ],
  }),
  'gateway-two-certificates': (s) => ({
    alternatives: [
      edit(s, ['  - port:\n      number: 443\n      name: https-blog', '---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: blog-gateway\n  namespace: web\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 443\n      name: https-blog']),
      edit(s, ['    - shop.example.com', '    - "*/shop.example.com"']),
    ],
    mistakes: [
      { why: 'one certificate for both', breaks: ['blog'], answer: edit(s, ['credentialName: blog-cert', 'credentialName: shop-cert']) },
      { why: 'MUTUAL for shop', breaks: ['shop'], answer: edit(s, ['      mode: SIMPLE\n      credentialName: shop-cert', '      mode: MUTUAL\n      credentialName: shop-cert']) },
    ],
  }),
};
