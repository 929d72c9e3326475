/**
 * deprecation.DeprecationAnalyzer (analyzers/deprecation/deprecation.go): fields and types Istio 1.26 marks
 * deprecated or removed (IST0002).
 */
import type { Analyzer } from '../context';
import { arr, obj, str } from './util';

const removedRbacKinds = ['ClusterRbacConfig', 'RbacConfig', 'ServiceRole', 'ServiceRoleBinding'];

export const deprecationAnalyzer: Analyzer = {
  name: 'deprecation.DeprecationAnalyzer',
  inputs: ['VirtualService', 'Sidecar', 'CustomResourceDefinition'],
  analyze(ctx) {
    for (const r of ctx.list('VirtualService')) {
      for (const http of arr(r.spec.http)) {
        const delay = obj(obj(obj(http).fault).delay);
        if (typeof delay.percent === 'number' && delay.percent > 0) {
          ctx.report('IST0002', r, ['HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage']);
        }
      }
    }
    for (const r of ctx.list('Sidecar')) {
      const policy = r.spec.outboundTrafficPolicy;
      if (policy !== undefined && policy !== null && obj(policy).egressProxy !== undefined && obj(policy).egressProxy !== null) {
        ctx.report('IST0002', r, ['OutboundTrafficPolicy.EgressProxy ignored']);
      }
    }
    for (const r of ctx.list('CustomResourceDefinition')) {
      const group = str(r.spec.group);
      const kind = str(obj(r.spec.names).kind);
      if (group === 'rbac.istio.io' && removedRbacKinds.includes(kind)) {
        ctx.report('IST0002', r, [`Custom resource type rbac.istio.io ${kind} is removed`]);
      }
    }
  },
};
