/**
 * Every kind the checker knows: Istio 1.26's CRDs and the Gateway API v1.3.0 kinds (generated), the
 * Kubernetes core kinds and IstioOperator (hand-written), each with the versions a cluster serves.
 */
import { coreSchemas } from './core-schemas';
import { flatten, obj } from './schema-tree';
import type { KindSchema, SchemaNode, SchemaTable } from './schema-types';
import { crdSchemas } from './schemas.gen';
import { istioOperatorSpec } from '../istio-operator';

const operatorTable: SchemaTable = { nodes: [], kinds: [] };
operatorTable.kinds.push({
  group: 'install.istio.io',
  kind: 'IstioOperator',
  scope: 'Namespaced',
  versions: [{ name: 'v1alpha1', schema: flatten(obj({ spec: istioOperatorSpec }), operatorTable.nodes) }],
});

const tables: SchemaTable[] = [crdSchemas, coreSchemas, operatorTable];

export interface ResolvedKind {
  kind: KindSchema;
  nodes: SchemaNode[];
  root: SchemaNode;
  /** the version is served only by the Gateway API experimental channel */
  experimentalVersion: boolean;
  /** core Kubernetes kinds are decoded by Go structs, not an OpenAPI schema */
  builtin: boolean;
}

export const apiVersionOf = (k: KindSchema, version: string) => (k.group ? `${k.group}/${version}` : version);

export type KindLookup =
  | { found: ResolvedKind }
  | { unserved: KindSchema; served: string[] }
  | { unknown: true };

export function resolveKind(apiVersion: string, kind: string): KindLookup {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  let sameKind: KindSchema | undefined;
  for (const table of tables) {
    for (const k of table.kinds) {
      if (k.kind !== kind) continue;
      if (k.group !== group) {
        sameKind ??= k;
        continue;
      }
      const v = k.versions.find((x) => x.name === version);
      if (!v) return { unserved: k, served: k.versions.map((x) => apiVersionOf(k, x.name)) };
      return { found: { kind: k, nodes: table.nodes, root: table.nodes[v.schema]!, experimentalVersion: !!v.x, builtin: table === coreSchemas } };
    }
  }
  if (sameKind) return { unserved: sameKind, served: sameKind.versions.map((x) => apiVersionOf(sameKind, x.name)) };
  return { unknown: true };
}

/** Every kind the checker knows, as `apiVersion kind` pairs (for messages and documentation). */
export function knownKinds(): Array<{ apiVersion: string; kind: string; experimental: boolean }> {
  return tables.flatMap((t) => t.kinds.flatMap((k) => k.versions.map((v) => ({ apiVersion: apiVersionOf(k, v.name), kind: k.kind, experimental: !!(k.x || v.x) }))));
}
