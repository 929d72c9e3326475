/**
 * istiod's validating webhook (istio/istio pkg/config/validation at 1.26.8): for each family a resource
 * that trips the check, with istiod's words, and a clean one.
 */
import { describe, expect, it } from 'vitest';
import { checkManifests } from '~/lib/istio/check';
import { denied, resource, webhookPrefix } from './helpers';

/** The same resource caught earlier, by the CRD's own rule (the webhook never sees it). */
const byCrdRule = (text: string) => checkManifests(text).diagnostics.map((d) => [d.code, d.path, d.message]);
const warnings = (text: string) => checkManifests(text).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);

const vs = (spec: string) => resource('networking.istio.io/v1', 'VirtualService', spec, 'reviews');
const route = '  - route:\n    - destination:\n        host: reviews\n';

describe('VirtualService', () => {
  it('accepts a plain VirtualService and reports the webhook line in full', () => {
    expect(denied(vs(`  hosts: [reviews]\n  http:\n${route}`))).toEqual([]);
    const d = checkManifests(vs(`  hosts: ["*"]\n  http:\n${route}`)).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'webhook', path: 'spec.hosts[0]', line: 6 });
    expect(d.message).toBe(`${webhookPrefix}wildcard host * is not allowed for virtual services bound to the mesh gateway`);
  });

  it('hosts: duplicates, bad names; a gateway-bound * is fine', () => {
    expect(denied(vs(`  hosts: [reviews, reviews]\n  http:\n${route}`))).toEqual([['spec.hosts[1]', 'duplicate hosts in virtual service: reviews & reviews']]);
    expect(denied(vs(`  hosts: [bad_host]\n  http:\n${route}`))).toEqual([['spec.hosts[0]', 'domain name "bad_host" invalid (label "bad_host" invalid)']]);
    expect(denied(vs(`  hosts: ["*"]\n  gateways: [istio-system/ingress]\n  http:\n${route}`))).toEqual([]);
  });

  it('gateways: namespace/name must be DNS labels; a short name is fine', () => {
    expect(denied(vs(`  hosts: [reviews]\n  gateways: [Istio_System/gw]\n  http:\n${route}`))).toEqual([['spec.gateways[0]', 'invalid value for namespace: "Istio_System"']]);
    expect(denied(vs(`  hosts: [reviews]\n  gateways: [bookinfo-gateway, mesh]\n  http:\n${route}`))).toEqual([]);
  });

  it('weights: not all zero, never negative', () => {
    const two = (a: number, b: number) => vs(`  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, subset: v1}\n      weight: ${a}\n    - destination: {host: reviews, subset: v2}\n      weight: ${b}\n`);
    expect(denied(two(0, 0))).toEqual([['spec.http[0].route', 'total destination weight = 0']]);
    expect(denied(two(90, 10))).toEqual([]);
  });

  it('RE2 regexes compile as Go compiles them; an empty prefix is refused', () => {
    const match = (m: string) => vs(`  hosts: [reviews]\n  http:\n  - match:\n    - ${m}\n    route:\n    - destination: {host: reviews}\n`);
    const bad = denied(match('uri: {regex: "/(a"}'));
    expect(bad).toHaveLength(1);
    expect(bad[0]![1]).toMatch(/^"uri": error parsing regexp: missing closing \): `\/\(a`; Istio uses RE2 style regex-based match/);
    expect(denied(match('uri: {regex: "/(?=a)"}'))[0]![1]).toContain('invalid or unsupported Perl syntax');
    expect(denied(match('uri: {regex: "/v[0-9]+/.*"}'))).toEqual([]);
    expect(bad[0]![0]).toBe('spec.http[0].match[0].uri.regex');
    expect(denied(match('headers: {x-user: {prefix: ""}}'))).toEqual([['spec.http[0].match[0].headers.x-user.prefix', '"headers": prefix string match should not be empty']]);
  });

  it('header names in matches', () => {
    const h = (name: string) => vs(`  hosts: [reviews]\n  http:\n  - match:\n    - headers:\n        "${name}": {exact: a}\n    route:\n    - destination: {host: reviews}\n`);
    expect(denied(h('bad header'))).toEqual([['spec.http[0].match[0].headers["bad header"]', 'header name bad header is not a valid header name']]);
    expect(denied(h('end-user'))).toEqual([]);
  });

  it('route, redirect and directResponse exclude each other; one of them is required', () => {
    const base = `  hosts: [reviews]\n  http:\n  - redirect:\n      uri: /new\n    route:\n    - destination: {host: reviews}\n`;
    expect(denied(vs(base))).toEqual([['spec.http[0].redirect', 'HTTP route cannot contain both route and redirect']]);
    expect(denied(vs(`  hosts: [reviews]\n  http:\n  - name: empty\n    timeout: 5s\n`))).toEqual([['spec.http[0]', 'HTTP route, redirect or direct_response is required']]);
    expect(denied(vs(`  hosts: [reviews]\n  http:\n  - directResponse:\n      status: 503\n`))).toEqual([]);
  });

  it('delegate: a delegate VirtualService has no gateways; a root rule has no route', () => {
    expect(denied(vs(`  gateways: [gw]\n  http:\n${route}`))).toEqual([['spec.gateways', 'delegate virtual service must have no gateways specified']]);
    const root = `  hosts: [reviews]\n  http:\n  - delegate:\n      name: reviews-v1\n    route:\n    - destination: {host: reviews}\n`;
    expect(denied(vs(root))).toEqual([['spec.http[0].route', 'root HTTP route  must not specify route']]);
  });

  it('retries and timeouts', () => {
    const r = (retries: string) => vs(`  hosts: [reviews]\n  http:\n  - retries:\n${retries}    route:\n    - destination: {host: reviews}\n`);
    expect(denied(r('      attempts: 0\n      perTryTimeout: 2s\n'))).toEqual([['spec.http[0].retries', 'http retry policy configured when attempts are set to 0 (disabled)']]);
    expect(denied(r('      attempts: 3\n      retryOn: 5xx,gateway-eror\n'))).toEqual([['spec.http[0].retries.retryOn', '"gateway-eror" is not a valid retryOn policy']]);
    expect(denied(r('      attempts: 3\n      perTryTimeout: 2s\n      retryOn: 5xx,503,connect-failure\n'))).toEqual([]);
    expect(denied(vs(`  hosts: [reviews]\n  http:\n  - timeout: 1.5ms\n    route:\n    - destination: {host: reviews}\n`))).toEqual([['spec.http[0].timeout', 'only durations to ms precision are supported']]);
  });

  it('exportTo: ".", "*" or a namespace; "~" only for a ServiceEntry; "*" alone', () => {
    expect(denied(vs(`  hosts: [reviews]\n  exportTo: ["*", "."]\n  http:\n${route}`))).toEqual([['spec.exportTo', 'cannot have both public (*) and non-public exportTo values for a resource']]);
    expect(denied(vs(`  hosts: [reviews]\n  exportTo: ["~"]\n  http:\n${route}`))).toEqual([['spec.exportTo[0]', 'exportTo ~ (none) is not allowed for Istio configuration objects']]);
    expect(denied(vs(`  hosts: [reviews]\n  exportTo: [default, "."]\n  http:\n${route}`))).toEqual([["spec.exportTo[1]", "duplicate entries in exportTo: . and current namespace default"]]);
    expect(denied(vs(`  hosts: [reviews]\n  exportTo: [".", istio-system]\n  http:\n${route}`))).toEqual([]);
  });

  it('corsPolicy: methods, header names, maxAge in seconds', () => {
    const cors = (c: string) => vs(`  hosts: [reviews]\n  http:\n  - corsPolicy:\n${c}    route:\n    - destination: {host: reviews}\n`);
    expect(denied(cors('      allowMethods: [GET, FETCH]\n'))).toEqual([['spec.http[0].corsPolicy.allowMethods[1]', '"FETCH" is not a supported HTTP method']]);
    expect(denied(cors('      maxAge: 1500ms\n'))).toEqual([['spec.http[0].corsPolicy.maxAge', 'max_age duration is accurate only to seconds precision']]);
    expect(denied(cors('      allowOrigins: [{exact: "https://example.com"}]\n      allowMethods: [GET, POST]\n      allowHeaders: [x-token]\n      maxAge: 24h\n'))).toEqual([]);
  });

  it('subset names in destinations', () => {
    expect(denied(vs(`  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, subset: V_1}\n`))).toEqual([['spec.http[0].route[0].destination.subset', 'subset name is invalid: V_1']]);
  });
});

describe('DestinationRule', () => {
  const dr = (spec: string) => resource('networking.istio.io/v1', 'DestinationRule', `  host: reviews\n${spec}`);
  it('subsets: unique DNS-label names, valid labels', () => {
    expect(denied(dr('  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v1\n    labels: {version: v2}\n'))).toEqual([['spec.subsets[1].name', 'duplicate subset names: v1']]);
    expect(denied(dr('  subsets:\n  - name: v1\n    labels: {version: "v 1"}\n'))).toEqual([['spec.subsets[0].labels.version', 'invalid tag value: "v 1"']]);
    expect(denied(dr('  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n'))).toEqual([]);
  });
  it('trafficPolicy: not empty; maglev table size prime; client TLS', () => {
    expect(denied(dr('  trafficPolicy: {}\n'))).toEqual([['spec.trafficPolicy', 'traffic policy must have at least one field']]);
    expect(denied(dr('  trafficPolicy:\n    loadBalancer:\n      consistentHash:\n        useSourceIp: true\n        maglev: {tableSize: 1000}\n'))).toEqual([['spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize', 'tableSize must be a prime number for maglev']]);
    expect(denied(dr('  trafficPolicy:\n    tls:\n      mode: MUTUAL\n'))).toEqual([
      ['spec.trafficPolicy.tls', 'client certificate required for mutual tls'],
      ['spec.trafficPolicy.tls', 'private key required for mutual tls'],
    ]);
    expect(denied(dr('  trafficPolicy:\n    tls: {mode: ISTIO_MUTUAL}\n    outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s}\n'))).toEqual([]);
  });
});

describe('Gateway', () => {
  const gw = (servers: string, name = 'ingress') => resource('networking.istio.io/v1', 'Gateway', `  selector: {istio: ingressgateway}\n  servers:\n${servers}`, name);
  it('servers: hosts, port names and protocols, TLS settings per protocol', () => {
    expect(denied(gw('  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [bookinfo.example.com]\n'))).toEqual([['spec.servers[0]', 'server must have TLS settings for HTTPS/TLS protocols']]);
    expect(denied(gw('  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [bookinfo.example.com]\n    tls: {mode: SIMPLE}\n'))).toEqual([
      ['spec.servers[0].tls', 'SIMPLE TLS requires a server certificate'],
      ['spec.servers[0].tls', 'SIMPLE TLS requires a private key'],
    ]);
    expect(denied(gw('  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [bookinfo]\n'))).toEqual([['spec.servers[0].hosts[0]', 'short names (non FQDN) are not allowed']]);
    expect(denied(gw('  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n  - port: {number: 8080, name: http, protocol: HTTP}\n    hosts: ["*"]\n'))).toEqual([
      ['spec.servers[1].port.name', 'port names in servers must be unique: duplicate name http'],
    ]);
    expect(denied(gw('  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [bookinfo.example.com]\n    tls: {mode: SIMPLE, credentialName: bookinfo-cert}\n'))).toEqual([]);
  });
  it('TLS modes and their credentials, binds, protocols', () => {
    const one = (server: string) => denied(gw(`  - ${server}\n`));
    expect(one('port: {number: 443, name: https, protocol: HTTPS}\n    hosts: ["*"]\n    tls: {mode: ISTIO_MUTUAL, credentialName: c}')).toEqual([['spec.servers[0].tls.credentialName', 'ISTIO_MUTUAL TLS cannot have associated credentialName']]);
    expect(one('port: {number: 443, name: https, protocol: HTTPS}\n    hosts: ["*"]\n    tls: {mode: MUTUAL, serverCertificate: /c, privateKey: /k}')).toEqual([['spec.servers[0].tls', 'MUTUAL TLS requires a client CA bundle']]);
    expect(one('port: {number: 31400, name: tcp, protocol: TCP}\n    hosts: ["*"]\n    tls: {mode: SIMPLE, credentialName: c}')).toEqual([['spec.servers[0].tls', 'server cannot have TLS settings for non HTTPS/TLS ports']]);
    expect(one('port: {number: 80, name: http, protocol: HTTPX}\n    hosts: ["*"]')).toEqual([['spec.servers[0].port.protocol', 'invalid protocol "HTTPX", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP']]);
    expect(one('port: {number: 80, name: http, protocol: HTTP}\n    bind: not-an-ip\n    hosts: ["*"]')).toEqual([['spec.servers[0].bind', 'not-an-ip is not a valid IP']]);
    expect(one('port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n    tls: {httpsRedirect: true}')).toEqual([]);
    expect(warnings(gw('  - port: {number: 15443, name: tls, protocol: TLS}\n    hosts: ["*.local"]\n    tls: {mode: AUTO_PASSTHROUGH, credentialName: c}\n'))).toEqual([
      'Warning: AUTO_PASSTHROUGH mode does not use certificates, they will be ignored',
    ]);
  });

  it('the name must be a DNS label', () => {
    expect(denied(gw('  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n', 'my.gateway'))).toEqual([['metadata.name', 'invalid gateway name: "my.gateway"']]);
  });
});

describe('ServiceEntry and WorkloadEntry', () => {
  const se = (spec: string) => resource('networking.istio.io/v1', 'ServiceEntry', spec);
  it('hosts, addresses, resolution against endpoints, ports', () => {
    // The 1.26 CRD already refuses these, before istiod is asked.
    expect(byCrdRule(se('  hosts: ["*"]\n  ports: [{number: 80, name: http, protocol: HTTP}]\n'))).toEqual([['rule', 'spec.hosts[0]', 'spec.hosts[0]: Invalid value: "string": hostname cannot be wildcard']]);
    expect(byCrdRule(se('  hosts: [api.example.com]\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: NONE\n  endpoints: [{address: 1.2.3.4}]\n'))).toEqual([['rule', 'spec', 'spec: Invalid value: "object": NONE mode cannot set endpoints']]);
    expect(denied(se('  hosts: [db.example.com]\n  addresses: [10.0.0.0/33]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  resolution: STATIC\n'))).toEqual([['spec.addresses[0]', '10.0.0.0/33 is not a valid CIDR block']]);
    expect(denied(se('  hosts: [api.example.com]\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: STATIC\n  endpoints: [{address: api.example.com}]\n'))).toEqual([['spec.endpoints[0].address', 'endpoint address "api.example.com" is not a valid IP address']]);
    expect(denied(se('  hosts: [api.example.com, www.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  resolution: DNS\n'))).toEqual([['spec.ports', 'multiple hosts provided with non-HTTP, non-TLS ports']]);
    expect(denied(se('  hosts: [api.example.com]\n  location: MESH_EXTERNAL\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: DNS\n'))).toEqual([]);
  });
  it('DNS resolution: FQDN hosts without endpoints (webhook); one endpoint for DNS_ROUND_ROBIN and CIDR only with NONE/STATIC (CRD rules)', () => {
    expect(denied(se('  hosts: ["*.example.com"]\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: DNS\n'))).toEqual([['spec.hosts[0]', 'hosts must be FQDN if no endpoints are provided for resolution mode DNS']]);
    const rr = se('  hosts: [api.example.com]\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: DNS_ROUND_ROBIN\n  endpoints: [{address: a.example.com}, {address: b.example.com}]\n');
    expect(byCrdRule(rr).map(([code]) => code)).toEqual(['rule']);
    expect(byCrdRule(se('  hosts: [db.example.com]\n  addresses: [10.0.0.0/24]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  resolution: DNS\n'))).toEqual([
      ['rule', 'spec', 'spec: Invalid value: "object": CIDR addresses are allowed only for NONE/STATIC resolution types'],
    ]);
    expect(denied(se('  hosts: [api.example.com]\n  ports: [{number: 443, name: https, protocol: TLS}]\n  resolution: DNS\n  endpoints: [{address: api.example.com, ports: {https: 8443}}]\n'))).toEqual([]);
  });

  it('WorkloadEntry: address required, ports named as DNS labels', () => {
    expect(byCrdRule(resource('networking.istio.io/v1', 'WorkloadEntry', '  labels: {app: vm}\n'))).toEqual([['rule', 'spec', 'spec: Invalid value: "object": Address is required']]);
    expect(denied(resource('networking.istio.io/v1', 'WorkloadEntry', '  address: not_a_host\n'))).toEqual([['spec.address', 'endpoint address "not_a_host" is not a valid FQDN or an IP address']]);
    expect(denied(resource('networking.istio.io/v1', 'WorkloadEntry', '  address: 10.0.0.5\n  ports: {http: 8080}\n  labels: {app: vm}\n'))).toEqual([]);
  });
});

describe('Sidecar', () => {
  const sc = (spec: string) => resource('networking.istio.io/v1', 'Sidecar', spec, 'default');
  it('egress hosts are namespace/dnsName; the catch-all listener comes last', () => {
    expect(denied(sc('  egress:\n  - hosts: [istio-system]\n'))).toEqual([['spec.egress[0].hosts[0]', 'host must be of form namespace/dnsName']]);
    expect(denied(sc('  egress:\n  - hosts: ["./*"]\n  - port: {number: 80, protocol: HTTP, name: http}\n    hosts: ["./*"]\n'))).toEqual([
      ['spec.egress[0]', 'sidecar: the egress listener with empty port should be the last listener in the list'],
    ]);
    expect(denied(sc('  egress:\n  - hosts: ["./*", "istio-system/*"]\n'))).toEqual([]);
    expect(denied(sc('  workloadSelector:\n    labels: {app: web}\n'))).toEqual([['spec', 'sidecar: empty configuration provided']]);
  });
  it('ports, binds, default endpoints and the egress proxy', () => {
    expect(denied(sc('  ingress:\n  - port: {number: 9080, protocol: HTTP, name: http}\n    defaultEndpoint: 10.0.0.1:8080\n'))).toEqual([
      ['spec.ingress[0].defaultEndpoint', 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset'],
    ]);
    expect(denied(sc('  egress:\n  - port: {number: 80, protocol: HTTP, name: http}\n    hosts: ["./*"]\n  - port: {number: 80, protocol: HTTP, name: http2}\n    hosts: ["./*"]\n'))).toEqual([
      ['spec.egress[1].port.number', 'sidecar: ports on IP bound listeners must be unique'],
    ]);
    expect(denied(sc('  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n    egressProxy: {host: proxy.example.com, port: {number: 3128}}\n'))).toEqual([
      ['spec.outboundTrafficPolicy.egressProxy', 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode'],
    ]);
    expect(denied(sc('  ingress:\n  - port: {number: 9080, protocol: HTTP, name: http}\n    defaultEndpoint: 127.0.0.1:8080\n  outboundTrafficPolicy:\n    mode: ALLOW_ANY\n    egressProxy: {host: proxy.example.com, port: {number: 3128}}\n'))).toEqual([]);
  });
});

describe('AuthorizationPolicy', () => {
  const ap = (spec: string) => resource('security.istio.io/v1', 'AuthorizationPolicy', spec, 'p');
  const inv = 'invalid policy p.default: ';
  it('DENY and CUSTOM need rules; provider only with CUSTOM', () => {
    expect(denied(ap('  action: DENY\n'))).toEqual([['spec.rules', `${inv}DENY action without \`rules\` is meaningless as it will never be triggered, add an empty rule \`{}\` if you want it be triggered for every request`]]);
    expect(denied(ap('  action: CUSTOM\n  rules: [{}]\n'))).toEqual([['spec.provider', `${inv}\`provider.name\` must not be empty`]]);
    expect(denied(ap('  action: ALLOW\n  provider: {name: ext-authz}\n  rules: [{}]\n'))).toEqual([['spec.provider', `${inv}\`provider\` must not be with non CUSTOM action, found ALLOW`]]);
    expect(denied(ap('  action: DENY\n  rules: [{}]\n'))).toEqual([]);
    expect(denied(ap('  {}\n'))).toEqual([]);
  });
  it('path templates {*} and {**}', () => {
    const paths = (p: string) => ap(`  rules:\n  - to:\n    - operation:\n        paths: ["${p}"]\n`);
    expect(denied(paths('/api/{**}/{*}'))).toEqual([['spec.rules[0].to[0].operation.paths', `${inv}invalid or unsupported path api/{**}/{*}, found in Paths. {**} is not the last operator`]]);
    expect(denied(paths('/api/{id}'))).toEqual([['spec.rules[0].to[0].operation.paths', `${inv}invalid or unsupported path api/{id}, found in Paths. Contains '{' or '}' beyond a supported path template`]]);
    expect(denied(paths('/api/{*}/items/{**}'))).toEqual([]);
  });
  it('serviceAccounts: not with namespaces or principals, format namespace/name', () => {
    const src = (s: string) => ap(`  rules:\n  - from:\n    - source:\n${s}`);
    expect(byCrdRule(src('        serviceAccounts: [default/web]\n        namespaces: [default]\n'))).toEqual([
      ['rule', 'spec.rules[0].from[0].source', 'spec.rules[0].from[0].source: Invalid value: "object": Cannot set serviceAccounts with namespaces or principals'],
    ]);
    expect(denied(src('        serviceAccounts: [a/b/c]\n'))).toEqual([['spec.rules[0].from[0].source.serviceAccounts', `${inv}expected format 'serviceAccount' or 'namespace/serviceAccount', found "a/b/c" in ServiceAccounts`]]);
    expect(denied(src('        serviceAccounts: [default/web]\n'))).toEqual([]);
  });
  it('when: known keys only, values set', () => {
    const when = (w: string) => ap(`  rules:\n  - when:\n    - ${w}\n`);
    expect(denied(when('{key: "request.header[x]", values: [a]}'))).toEqual([['spec.rules[0].when[0].values', `${inv}invalid \`value\` for \`key\` request.header[x]: unknown attribute: request.header[x]`]]);
    expect(denied(when('{key: source.ip, values: [10.0.0.300]}'))).toEqual([['spec.rules[0].when[0].values', `${inv}invalid \`value\` for \`key\` source.ip: bad IP address (10.0.0.300)`]]);
    expect(denied(when('{key: "request.headers[x-token]", values: [abc]}'))).toEqual([]);
  });
  it('a DENY rule with HTTP-only attributes is accepted with a warning', () => {
    expect(warnings(ap('  action: DENY\n  rules:\n  - to:\n    - operation:\n        methods: [POST]\n'))).toEqual([
      'Warning: configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port',
    ]);
  });
});

describe('PeerAuthentication and RequestAuthentication', () => {
  it('PeerAuthentication: no wildcard selector, port range', () => {
    const pa = (s: string) => resource('security.istio.io/v1', 'PeerAuthentication', s);
    expect(byCrdRule(pa('  selector:\n    matchLabels: {app: "*"}\n  mtls: {mode: STRICT}\n'))).toEqual([
      ['rule', 'spec.selector.matchLabels.app', 'spec.selector.matchLabels.app: Invalid value: "string": wildcard not allowed in label value match'],
    ]);
    expect(warnings(pa('  selector: {}\n  mtls: {mode: STRICT}\n'))).toEqual(['Warning: workload selector specified without labels']);
    expect(denied(pa('  selector:\n    matchLabels: {app: web}\n  portLevelMtls:\n    8080: {mode: DISABLE}\n'))).toEqual([]);
  });
  it('RequestAuthentication: issuer required, jwksUri http(s), header names', () => {
    const ra = (rule: string) => resource('security.istio.io/v1', 'RequestAuthentication', `  jwtRules:\n  - ${rule}\n`);
    expect(byCrdRule(ra('jwksUri: https://example.com/jwks.json'))).toEqual([['required', 'spec.jwtRules[0].issuer', 'spec.jwtRules[0].issuer: Required value']]);
    expect(byCrdRule(ra('{issuer: me, jwksUri: "ftp://example.com/jwks"}'))).toEqual([
      ['rule', 'spec.jwtRules[0].jwksUri', 'spec.jwtRules[0].jwksUri: Invalid value: "string": url must have scheme http:// or https://'],
    ]);
    expect(denied(ra('{issuer: me, timeout: 1.5ms}'))).toEqual([['spec.jwtRules[0].timeout', 'only durations to ms precision are supported']]);
    expect(denied(ra('{issuer: me, jwks: "not json"}'))[0]![1]).toMatch(/^jwks parse error: /);
    expect(denied(ra('{issuer: "testing@secure.istio.io", jwksUri: "https://raw.githubusercontent.com/istio/istio/release-1.26/security/tools/jwt/samples/jwks.json"}'))).toEqual([]);
  });
});
