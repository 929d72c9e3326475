/**
 * The Kubernetes core kinds the site's examples and the learner use, written by hand from the Kubernetes
 * API (core/v1 and apps/v1 types): the fields a learner writes are modelled, so a typo there is an
 * `unknown field`; parts the site never teaches (probes, affinity, security contexts, volume sources
 * beyond configMap/secret/emptyDir) are accepted as they come. Enumerations are the values the API server
 * accepts (`Unsupported value` otherwise).
 */
import { bool, flatten, free, freeList, freeObject, int32, int64, intOrString, list, obj, oneOf, str, stringMap, strings, type SchemaTree } from './schema-tree';
import type { SchemaTable } from './schema-types';

const labelSelector = obj({ matchLabels: stringMap, matchExpressions: freeList });
const protocol = oneOf(['SCTP', 'TCP', 'UDP']);

const container: SchemaTree = obj(
  {
    name: str,
    image: str,
    command: strings,
    args: strings,
    workingDir: str,
    ports: list(obj({ containerPort: int32, name: str, protocol, hostPort: int32, hostIP: str }, ['containerPort'])),
    env: list(obj({ name: str, value: str, valueFrom: freeObject }, ['name'])),
    envFrom: freeList,
    resources: obj({ limits: { t: 'object', a: intOrString }, requests: { t: 'object', a: intOrString }, claims: freeList }),
    resizePolicy: freeList,
    restartPolicy: oneOf(['Always']),
    volumeMounts: list(
      obj({ name: str, mountPath: str, readOnly: bool, subPath: str, subPathExpr: str, mountPropagation: str, recursiveReadOnly: str }, ['name', 'mountPath']),
    ),
    volumeDevices: freeList,
    livenessProbe: freeObject,
    readinessProbe: freeObject,
    startupProbe: freeObject,
    lifecycle: freeObject,
    terminationMessagePath: str,
    terminationMessagePolicy: oneOf(['File', 'FallbackToLogsOnError']),
    imagePullPolicy: oneOf(['Always', 'IfNotPresent', 'Never']),
    securityContext: freeObject,
    stdin: bool,
    stdinOnce: bool,
    tty: bool,
  },
  ['name'],
);

const keyToPath = list(obj({ key: str, path: str, mode: int32 }, ['key', 'path']));
const volume: SchemaTree = obj(
  {
    name: str,
    configMap: obj({ name: str, items: keyToPath, defaultMode: int32, optional: bool }),
    secret: obj({ secretName: str, items: keyToPath, defaultMode: int32, optional: bool }),
    emptyDir: obj({ medium: str, sizeLimit: intOrString }),
    persistentVolumeClaim: obj({ claimName: str, readOnly: bool }, ['claimName']),
    hostPath: obj({ path: str, type: str }, ['path']),
    projected: freeObject,
    downwardAPI: freeObject,
    csi: freeObject,
    ephemeral: freeObject,
    image: freeObject,
    nfs: freeObject,
  },
  ['name'],
);

const podSpec: SchemaTree = obj(
  {
    containers: list(container),
    initContainers: list(container),
    ephemeralContainers: freeList,
    volumes: list(volume),
    serviceAccountName: str,
    serviceAccount: str,
    automountServiceAccountToken: bool,
    nodeName: str,
    nodeSelector: stringMap,
    hostNetwork: bool,
    hostPID: bool,
    hostIPC: bool,
    hostUsers: bool,
    hostname: str,
    subdomain: str,
    hostAliases: freeList,
    restartPolicy: oneOf(['Always', 'OnFailure', 'Never']),
    terminationGracePeriodSeconds: int64,
    activeDeadlineSeconds: int64,
    dnsPolicy: oneOf(['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']),
    dnsConfig: freeObject,
    securityContext: freeObject,
    imagePullSecrets: list(obj({ name: str })),
    affinity: freeObject,
    tolerations: freeList,
    topologySpreadConstraints: freeList,
    schedulerName: str,
    schedulingGates: freeList,
    priorityClassName: str,
    priority: int32,
    preemptionPolicy: str,
    runtimeClassName: str,
    enableServiceLinks: bool,
    shareProcessNamespace: bool,
    setHostnameAsFQDN: bool,
    readinessGates: freeList,
    overhead: freeObject,
    os: obj({ name: str }, ['name']),
    resourceClaims: freeList,
    resources: freeObject,
  },
  ['containers'],
);

export const objectMeta: SchemaTree = obj({
  name: str,
  generateName: str,
  namespace: str,
  labels: stringMap,
  annotations: stringMap,
  uid: str,
  resourceVersion: str,
  generation: int64,
  creationTimestamp: { t: 'string', f: 'date-time', n: 1 },
  deletionTimestamp: { t: 'string', f: 'date-time', n: 1 },
  deletionGracePeriodSeconds: int64,
  ownerReferences: freeList,
  finalizers: strings,
  managedFields: freeList,
  selfLink: str,
});

const podTemplate = obj({ metadata: objectMeta, spec: podSpec });

const servicePort = obj(
  { name: str, protocol, appProtocol: str, port: int32, targetPort: intOrString, nodePort: int32 },
  ['port'],
);

/** Each kind's fields beside apiVersion, kind and metadata. */
const kinds: Array<{ group: string; version: string; kind: string; scope: 'Namespaced' | 'Cluster'; fields: Record<string, SchemaTree> }> = [
  { group: '', version: 'v1', kind: 'Namespace', scope: 'Cluster', fields: { spec: obj({ finalizers: strings }), status: free } },
  {
    group: '',
    version: 'v1',
    kind: 'Service',
    scope: 'Namespaced',
    fields: {
      spec: obj({
        type: oneOf(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']),
        selector: stringMap,
        ports: list(servicePort),
        clusterIP: str,
        clusterIPs: strings,
        externalName: str,
        externalIPs: strings,
        externalTrafficPolicy: oneOf(['Cluster', 'Local']),
        internalTrafficPolicy: oneOf(['Cluster', 'Local']),
        sessionAffinity: oneOf(['ClientIP', 'None']),
        sessionAffinityConfig: freeObject,
        loadBalancerIP: str,
        loadBalancerSourceRanges: strings,
        loadBalancerClass: str,
        allocateLoadBalancerNodePorts: bool,
        healthCheckNodePort: int32,
        publishNotReadyAddresses: bool,
        ipFamilies: list(oneOf(['IPv4', 'IPv6'])),
        ipFamilyPolicy: oneOf(['SingleStack', 'PreferDualStack', 'RequireDualStack']),
        trafficDistribution: str,
      }),
      status: free,
    },
  },
  {
    group: '',
    version: 'v1',
    kind: 'ServiceAccount',
    scope: 'Namespaced',
    fields: { secrets: freeList, imagePullSecrets: list(obj({ name: str })), automountServiceAccountToken: bool },
  },
  { group: '', version: 'v1', kind: 'Pod', scope: 'Namespaced', fields: { spec: podSpec, status: free } },
  {
    group: '',
    version: 'v1',
    kind: 'Secret',
    scope: 'Namespaced',
    fields: { data: { t: 'object', a: { t: 'string', f: 'byte' } }, stringData: stringMap, type: str, immutable: bool },
  },
  {
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    scope: 'Namespaced',
    fields: { data: stringMap, binaryData: { t: 'object', a: { t: 'string', f: 'byte' } }, immutable: bool },
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    scope: 'Namespaced',
    fields: {
      spec: obj(
        {
          replicas: int32,
          selector: labelSelector,
          template: podTemplate,
          strategy: obj({ type: oneOf(['Recreate', 'RollingUpdate']), rollingUpdate: obj({ maxUnavailable: intOrString, maxSurge: intOrString }) }),
          minReadySeconds: int32,
          revisionHistoryLimit: int32,
          progressDeadlineSeconds: int32,
          paused: bool,
        },
        ['selector', 'template'],
      ),
      status: free,
    },
  },
];

export const coreSchemas: SchemaTable = { nodes: [], kinds: [] };
for (const k of kinds) {
  const schema = flatten(obj(k.fields), coreSchemas.nodes);
  coreSchemas.kinds.push({ group: k.group, kind: k.kind, scope: k.scope, versions: [{ name: k.version, schema }] });
}
