/** Starting points for the mTLS scope resolver (own examples). */
import type { MtlsFields } from './model';

export const meshWorkloads = `shop/web app=web 8080,9090
shop/orders app=orders 8080
legacy/billing app=billing 8080`;

export interface MtlsPreset {
  id: string;
  label: string;
  fields: MtlsFields;
}

const meshStrict = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT
`;

export const mtlsPresets: MtlsPreset[] = [
  {
    id: 'mesh-strict-legacy',
    label: 'Mesh STRICT, one namespace PERMISSIVE',
    fields: {
      workloads: meshWorkloads,
      yaml: `${meshStrict}---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: legacy
spec:
  mtls:
    mode: PERMISSIVE
`,
    },
  },
  {
    id: 'port-exception',
    label: 'Workload port exception',
    fields: {
      workloads: meshWorkloads,
      yaml: `${meshStrict}---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: web-metrics
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  mtls:
    mode: UNSET
  portLevelMtls:
    9090:
      mode: PERMISSIVE
`,
    },
  },
  {
    id: 'oldest-wins',
    label: 'Two namespace policies: the oldest wins',
    fields: {
      workloads: meshWorkloads,
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: strict-later
  namespace: shop
  creationTimestamp: "2025-06-02T10:00:00Z"
spec:
  mtls:
    mode: STRICT
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: permissive-first
  namespace: shop
  creationTimestamp: "2025-06-01T10:00:00Z"
spec:
  mtls:
    mode: PERMISSIVE
`,
    },
  },
  {
    id: 'root-selector',
    label: 'Selector in the root namespace (ignored)',
    fields: {
      workloads: meshWorkloads,
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: web-strict
  namespace: istio-system
spec:
  selector:
    matchLabels:
      app: web
  mtls:
    mode: STRICT
`,
    },
  },
];
