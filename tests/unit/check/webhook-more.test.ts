/**
 * istiod's validating webhook for WorkloadGroup, Telemetry, WasmPlugin, EnvoyFilter and ProxyConfig
 * (istio/istio pkg/config/validation/validation.go and envoyfilter/envoyfilter.go at 1.26.8): for each rule
 * the CRD leaves to the webhook, a resource that trips it, with istiod's words, and a clean one.
 */
import { describe, expect, it } from 'vitest';
import { checkManifests } from '~/lib/istio/check';

const prefix = 'admission webhook "validation.istio.io" denied the request: configuration is invalid: ';
/** [path, message] of each error; every one must come from the webhook stage. */
const denied = (text: string) =>
  checkManifests(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => {
      expect([d.code, d.message]).toEqual(['webhook', expect.stringMatching(/^admission webhook "validation\.istio\.io" denied the request: configuration is invalid: /)]);
      return [d.path, d.message.replace(prefix, '')];
    });
/** [path, message] of each warning, without kubectl's `Warning: `. */
const warnings = (text: string) =>
  checkManifests(text)
    .diagnostics.filter((d) => d.severity === 'warning')
    .map((d) => [d.path, d.message.replace(/^Warning: /, '')]);

const doc = (apiVersion: string, kind: string, spec: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n${spec}`;
const allowedTargets = '[/v1, Kind=Service networking.istio.io/v1, Kind=ServiceEntry gateway.networking.k8s.io/v1, Kind=Gateway gateway.networking.k8s.io/v1, Kind=GatewayClass]';

describe('WorkloadGroup', () => {
  const wg = (spec: string) => doc('networking.istio.io/v1', 'WorkloadGroup', spec);
  const template = '  template:\n    serviceAccount: ratings\n';

  it('accepts a WorkloadGroup with labels and an HTTP probe', () => {
    const clean = wg(`  metadata:\n    labels: {app: ratings}\n${template}  probe:\n    periodSeconds: 5\n    httpGet:\n      path: /ready\n      port: 8080\n      httpHeaders: [{name: x-probe, value: a}]\n`);
    expect(denied(clean)).toEqual([]);
    expect(warnings(clean)).toEqual([]);
  });

  it('template labels must be Kubernetes labels, in the multierror istiod wraps', () => {
    expect(denied(wg(`  metadata:\n    labels: {"app name": ratings}\n${template}`))).toEqual([
      ['spec.metadata.labels["app name"]', 'invalid labels: 1 error occurred:\n\t* invalid tag key: "app name"'],
    ]);
    // Two bad labels: one error listing both; the probe is not looked at after it.
    expect(denied(wg(`  metadata:\n    labels: {"a b": x, c: "d e"}\n${template}  probe: {exec: {command: []}}\n`))).toEqual([
      ['spec.metadata.labels', 'invalid labels: 2 errors occurred:\n\t* invalid tag key: "a b"\n\t* invalid tag value: "d e"'],
    ]);
  });

  it('probe header names: no underscore (the CRD allows one), not empty', () => {
    const header = (h: string) => wg(`${template}  probe:\n    httpGet:\n      port: 8080\n      httpHeaders: [${h}]\n`);
    expect(denied(header('{name: x_probe, value: a}'))).toEqual([['spec.probe.httpGet.httpHeaders[0].name', 'header name x_probe is not a valid header name']]);
    expect(denied(header('{value: a}'))).toEqual([['spec.probe.httpGet.httpHeaders[0]', 'header name cannot be empty']]);
  });

  it('exec needs a command; a probe needs a method istiod handles', () => {
    expect(denied(wg(`${template}  probe:\n    exec: {command: []}\n`))).toEqual([['spec.probe.exec.command', 'exec.command is required']]);
    expect(denied(wg(`${template}  probe:\n    periodSeconds: 5\n`))).toEqual([['spec.probe', 'unknown health check method <nil>']]);
    expect(denied(wg(`${template}  probe:\n    grpc: {port: 8080}\n`))).toEqual([['spec.probe.grpc', 'unknown health check method *v1alpha3.ReadinessProbe_Grpc']]);
    expect(denied(wg(`${template}  probe:\n    tcpSocket: {port: 8080}\n`))).toEqual([]);
  });
});
