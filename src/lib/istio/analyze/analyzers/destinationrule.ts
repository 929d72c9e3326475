/**
 * destinationrule.CaCertificateAnalyzer (analyzers/destinationrule/ca-certificates.go): TLS mode SIMPLE or
 * MUTUAL without `caCertificates`, so the server certificate is not verified (IST0128 for the whole rule,
 * IST0129 per port). Not reported when `credentialName` is set on a rule with a workloadSelector.
 */
import type { Analyzer } from '../context';
import { fullName } from '../context';
import { arr, num, obj, str } from './util';

const verifies = (mode: string) => mode === 'SIMPLE' || mode === 'MUTUAL';

export const caCertificateAnalyzer: Analyzer = {
  name: 'destinationrule.CaCertificateAnalyzer',
  inputs: ['DestinationRule'],
  analyze(ctx) {
    for (const r of ctx.list('DestinationRule')) {
      const policy = obj(r.spec.trafficPolicy);
      const host = str(r.spec.host);
      const hasSelector = r.spec.workloadSelector !== undefined && r.spec.workloadSelector !== null;
      const unverified = (tls: Record<string, unknown>) => str(tls.caCertificates) === '' && !(str(tls.credentialName) !== '' && hasSelector);
      const tls = obj(policy.tls);
      const mode = str(tls.mode);
      if (verifies(mode) && unverified(tls)) {
        ctx.report('IST0128', r, [fullName(r), r.namespace, mode, host], '{.spec.trafficPolicy.tls.caCertificates}');
      }
      arr(policy.portLevelSettings).forEach((p, i) => {
        const portTls = obj(obj(p).tls);
        const portMode = str(portTls.mode);
        if (!verifies(portMode) || !unverified(portTls)) return;
        const port = obj(p).port === undefined ? '<nil>' : `number:${num(obj(obj(p).port).number)}`;
        ctx.report('IST0129', r, [fullName(r), r.namespace, portMode, host, port], `{.spec.trafficPolicy.portLevelSettings[${i}].tls.caCertificates}`);
      });
    }
  },
};
