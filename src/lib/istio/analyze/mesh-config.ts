/**
 * The parts of MeshConfig the analyzers read, with Istio 1.26's defaults (pkg/config/mesh/mesh.go
 * DefaultMeshConfig) and its merge rule for a user's mesh config (ApplyMeshConfig: fields replace the
 * defaults, `defaultConfig` is merged field by field, extension providers are merged by name).
 */
export interface ExtensionProvider {
  name: string;
  /** The provider's type key (`prometheus`, `envoyFileAccessLog`, `lightstep`, ...). */
  type: string;
}

export interface MeshConfig {
  rootNamespace: string;
  ingressService: string;
  ingressControllerMode: string;
  defaultProviders: { accessLogging: readonly string[] };
  extensionProviders: readonly ExtensionProvider[];
  proxyMetadata: Readonly<Record<string, string>>;
}

export const defaultMeshConfig: MeshConfig = {
  rootNamespace: 'istio-system',
  ingressService: 'istio-ingressgateway',
  ingressControllerMode: 'STRICT',
  defaultProviders: { accessLogging: [] },
  extensionProviders: [
    { name: 'prometheus', type: 'prometheus' },
    { name: 'stackdriver', type: 'stackdriver' },
    { name: 'envoy', type: 'envoyFileAccessLog' },
  ],
  proxyMetadata: {},
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string) => (typeof v === 'string' && v !== '' ? v : fallback);

/** Applies a user's mesh config (plain MeshConfig YAML as data) over the defaults. */
export function applyMeshConfig(user: unknown): MeshConfig {
  if (!isRecord(user)) return defaultMeshConfig;
  const providers = [...defaultMeshConfig.extensionProviders];
  if (Array.isArray(user.extensionProviders)) {
    for (const p of user.extensionProviders) {
      if (!isRecord(p) || typeof p.name !== 'string') continue;
      const type = Object.keys(p).find((k) => k !== 'name') ?? '';
      const at = providers.findIndex((e) => e.name === p.name);
      if (at >= 0) providers[at] = { name: p.name, type };
      else providers.push({ name: p.name, type });
    }
  }
  const dp = isRecord(user.defaultProviders) ? user.defaultProviders : {};
  const dc = isRecord(user.defaultConfig) ? user.defaultConfig : {};
  const metadata = isRecord(dc.proxyMetadata) ? dc.proxyMetadata : {};
  return {
    rootNamespace: str(user.rootNamespace, defaultMeshConfig.rootNamespace),
    ingressService: str(user.ingressService, defaultMeshConfig.ingressService),
    ingressControllerMode: str(user.ingressControllerMode, defaultMeshConfig.ingressControllerMode),
    defaultProviders: { accessLogging: Array.isArray(dp.accessLogging) ? dp.accessLogging.map(String) : [] },
    extensionProviders: providers,
    proxyMetadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, String(v)])),
  };
}
