/**
 * istiod's checks of an Istio Gateway (istio/istio pkg/config/validation/validation.go ValidateGateway,
 * validateServer, validateServerPort, validateServerBind and validateTLSOptions at 1.26.8).
 */
import type { PathSegment } from '../../../yaml/field-path';
import { isDns1123Label, isHttpProtocol, isIP, isTlsProtocol, knownProtocol, namespaceSlashHostErrors, portError } from './common';
import { isObj, list, newReport, obj, str, strings, type Obj, type Report } from './report';

function checkServerTls(r: Report, tls: Obj, at: PathSegment[]): void {
  const mode = str(tls.mode) || 'PASSTHROUGH';
  const set = (f: string) => str(tls[f]) !== '';
  const minVersion = str(tls.minProtocolVersion);
  if ((minVersion === 'TLSV1_0' || minVersion === 'TLSV1_1') && strings(tls.cipherSuites).length === 0) {
    r.warn(at, 'TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.');
  }
  if (mode === 'ISTIO_MUTUAL') {
    if (set('serverCertificate')) r.deny([...at, 'serverCertificate'], 'ISTIO_MUTUAL TLS cannot have associated server certificate');
    if (set('privateKey')) r.deny([...at, 'privateKey'], 'ISTIO_MUTUAL TLS cannot have associated private key');
    if (set('caCertificates')) r.deny([...at, 'caCertificates'], 'ISTIO_MUTUAL TLS cannot have associated CA bundle');
    if (set('credentialName')) r.deny([...at, 'credentialName'], 'ISTIO_MUTUAL TLS cannot have associated credentialName');
    return;
  }
  if ((mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') && ['caCrl', 'serverCertificate', 'privateKey', 'caCertificates', 'credentialName'].some(set)) {
    r.warn(at, `${mode} mode does not use certificates, they will be ignored`);
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL') && set('credentialName')) return;
  if (mode === 'SIMPLE') {
    if (!set('serverCertificate')) r.deny(at, 'SIMPLE TLS requires a server certificate');
    if (!set('privateKey')) r.deny(at, 'SIMPLE TLS requires a private key');
  } else if (mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL') {
    if (!set('serverCertificate')) r.deny(at, 'MUTUAL TLS requires a server certificate');
    if (!set('privateKey')) r.deny(at, 'MUTUAL TLS requires a private key');
    if (!set('caCertificates')) r.deny(at, 'MUTUAL TLS requires a client CA bundle');
  }
  if (set('caCrl')) {
    if (set('credentialName')) r.deny([...at, 'caCrl'], 'CRL is not supported with credentialName. CRL has to be specified in the credential');
    if (mode === 'SIMPLE') r.deny([...at, 'caCrl'], 'CRL is not supported with SIMPLE TLS');
  }
}

function checkServer(r: Report, server: Obj, at: PathSegment[]): void {
  const hosts = strings(server.hosts);
  if (hosts.length === 0) r.deny(at, 'server config must contain at least one host');
  hosts.forEach((h, i) => {
    for (const e of namespaceSlashHostErrors(h, true)) r.deny([...at, 'hosts', i], e);
  });
  const bind = str(server.bind);
  let portOk = true;
  if (!isObj(server.port)) {
    r.deny(at, 'port is required');
    portOk = false;
  } else {
    const port = server.port;
    const protocol = str(port.protocol);
    const number = typeof port.number === 'number' ? port.number : 0;
    if (!knownProtocol(protocol)) {
      r.deny([...at, 'port', 'protocol'], `invalid protocol ${JSON.stringify(protocol)}, supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`);
      portOk = false;
    }
    if (number > 0 || !bind.startsWith('unix://')) {
      const e = portError(number);
      if (e) {
        r.deny([...at, 'port', 'number'], e);
        portOk = false;
      }
    }
    if (typeof port.targetPort === 'number' && port.targetPort > 0) {
      r.deny([...at, 'port', 'targetPort'], 'targetPort has no impact on Gateways');
      portOk = false;
    }
    if (!str(port.name)) {
      r.deny([...at, 'port'], `port name must be set: number:${number} protocol:${JSON.stringify(protocol)}`);
      portOk = false;
    }
  }
  if (bind.startsWith('unix://')) {
    const path = bind.slice('unix://'.length);
    if (path === '') r.deny([...at, 'bind'], 'unix address must not be empty');
    else if (!path.startsWith('@') && (!path.startsWith('/') || path.endsWith('/'))) r.deny([...at, 'bind'], `${path} is not an absolute path to a file`);
    if (isObj(server.port) && Number(server.port.number ?? 0) !== 0) r.deny([...at, 'port', 'number'], 'port number must be 0 for unix domain socket');
  } else if (bind !== '' && !isIP(bind)) r.deny([...at, 'bind'], `${bind} is not a valid IP`);
  const tls = server.tls;
  if (isObj(tls)) checkServerTls(r, tls, [...at, 'tls']);
  if (portOk && isObj(server.port)) {
    const protocol = str(server.port.protocol);
    if (isTlsProtocol(protocol) && !isObj(tls)) r.deny(at, 'server must have TLS settings for HTTPS/TLS protocols');
    else if (!isTlsProtocol(protocol) && isObj(tls)) {
      if (isHttpProtocol(protocol)) {
        const mode = str(tls.mode) || 'PASSTHROUGH';
        const passThrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
        if (!passThrough || str(tls.caCertificates) || str(tls.privateKey) || str(tls.serverCertificate)) r.deny([...at, 'tls'], 'server cannot have TLS settings for plain text HTTP ports');
      } else r.deny([...at, 'tls'], 'server cannot have TLS settings for non HTTPS/TLS ports');
    }
  }
}

export function checkGateway(spec: Obj, name: string): Report {
  const r = newReport();
  if (!isDns1123Label(name)) r.deny(['metadata', 'name'], `invalid gateway name: ${JSON.stringify(name)}`);
  const servers = list(spec.servers);
  if (servers.length === 0) r.deny(['spec'], 'gateway must have at least one server');
  servers.forEach((s, i) => {
    if (!isObj(s)) return r.deny(['spec', 'servers', i], 'cannot have nil server');
    checkServer(r, s, ['spec', 'servers', i]);
  });
  const portNames = new Set<string>();
  servers.forEach((s, i) => {
    const port = obj(obj(s).port);
    if (!isObj(obj(s).port)) return;
    const portName = str(port.name);
    if (portNames.has(portName)) r.deny(['spec', 'servers', i, 'port', 'name'], `port names in servers must be unique: duplicate name ${portName}`);
    portNames.add(portName);
    if (!isHttpProtocol(str(port.protocol)) && obj(obj(s).tls).httpsRedirect === true) r.warn(['spec', 'servers', i, 'tls', 'httpsRedirect'], 'tls.httpsRedirect should only be used with http servers');
  });
  return r;
}
