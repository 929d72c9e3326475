/**
 * serviceentry.Analyzer (analyzers/serviceentry/protocoladdresses.go): a ServiceEntry without `addresses`
 * serving TCP (or an unset protocol) needs addresses unless DNS capture with address auto-allocation is on
 * in the mesh config's proxyMetadata (IST0134).
 */
import type { Analyzer } from '../context';
import { arr, obj, str } from './util';

export const serviceEntryAnalyzer: Analyzer = {
  name: 'serviceentry.Analyzer',
  inputs: ['ServiceEntry'],
  analyze(ctx) {
    const md = ctx.mesh.proxyMetadata;
    const autoAllocated = md.ISTIO_META_DNS_CAPTURE === 'true' && (md.ISTIO_META_DNS_AUTO_ALLOCATE === 'true' || md.PILOT_ENABLE_IP_AUTOALLOCATE === 'true');
    if (autoAllocated) return;
    for (const r of ctx.list('ServiceEntry')) {
      if (arr(r.spec.addresses).length > 0) continue;
      arr(r.spec.ports).forEach((p, i) => {
        const protocol = str(obj(p).protocol);
        if (protocol === '' || protocol.toLowerCase() === 'tcp') ctx.report('IST0134', r, [], `{.spec.ports[${i}].name}`);
      });
    }
  },
};
