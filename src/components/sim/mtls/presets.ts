/** Starting points for the mTLS scope resolver: a small mesh, and policies from src/examples/sim/mtls/. */
import meshStrictLegacy from '../../../examples/sim/mtls/mesh-strict-legacy.yaml?raw';
import oldestWins from '../../../examples/sim/mtls/oldest-wins.yaml?raw';
import portException from '../../../examples/sim/mtls/port-exception.yaml?raw';
import rootSelector from '../../../examples/sim/mtls/root-selector.yaml?raw';
import { exampleBody } from '../kit/example-body';
import type { MtlsFields } from './model';

export const meshWorkloads = `shop/web app=web 8080,9090
shop/orders app=orders 8080
legacy/billing app=billing 8080`;

export interface MtlsPreset {
  id: string;
  label: string;
  fields: MtlsFields;
}

export const mtlsPresets: MtlsPreset[] = [
  {
    id: 'mesh-strict-legacy',
    label: 'Mesh STRICT, one namespace PERMISSIVE',
    fields: {
      workloads: meshWorkloads,
      yaml: exampleBody(meshStrictLegacy),
    },
  },
  {
    id: 'port-exception',
    label: 'Workload port exception',
    fields: {
      workloads: meshWorkloads,
      yaml: exampleBody(portException),
    },
  },
  {
    id: 'oldest-wins',
    label: 'Two namespace policies: the oldest wins',
    fields: {
      workloads: meshWorkloads,
      yaml: exampleBody(oldestWins),
    },
  },
  {
    id: 'root-selector',
    label: 'Selector in the root namespace (ignored)',
    fields: {
      workloads: meshWorkloads,
      yaml: exampleBody(rootSelector),
    },
  },
];
