/**
 * The compact form of an OpenAPI v3 schema that scripts/gen-schemas.ts writes (schemas.gen.ts) and the
 * hand-written core schemas use. Children are indices into one node table, so shared sub-schemas are
 * stored once. Short keys keep the shipped module small.
 */
export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string';

/** One branch of a `oneOf`: either "these fields are set" or "none of these field sets is set". */
export interface OneOfBranch {
  /** required: every field here is set. */
  r?: string[];
  /** not anyOf: none of these required-sets holds. */
  nr?: string[][];
}

/** One `x-kubernetes-validations` entry. */
export interface CelRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
}

export interface SchemaNode {
  t?: SchemaType;
  /** properties: field name -> node index */
  p?: Record<string, number>;
  /** required fields */
  r?: string[];
  /** items: node index */
  i?: number;
  /** additionalProperties: node index, or true for "any value" */
  a?: number | true;
  /** enum */
  e?: Array<string | number | boolean | null>;
  /** format (int32, int64, date-time, ...) */
  f?: string;
  min?: number;
  max?: number;
  /** minLength / maxLength */
  minL?: number;
  maxL?: number;
  /** minItems / maxItems */
  minI?: number;
  maxI?: number;
  /** minProperties / maxProperties */
  minP?: number;
  maxP?: number;
  /** pattern (ECMAScript-compatible in these CRDs) */
  pat?: string;
  /** nullable */
  n?: 1;
  /** x-kubernetes-preserve-unknown-fields */
  u?: 1;
  /** oneOf groups (allOf of oneOfs); each group must match exactly one branch */
  one?: OneOfBranch[][];
  /** a Gateway API address: when `type` is IPAddress, `value` must be an IPv4 or IPv6 address (their oneOf) */
  ip?: 1;
  /** x-kubernetes-validations */
  v?: CelRule[];
  /** default */
  d?: unknown;
  /** x-kubernetes-list-type */
  lt?: 'set' | 'map' | 'atomic';
  /** x-kubernetes-list-map-keys */
  lk?: string[];
  /** only in the Gateway API experimental channel */
  x?: 1;
}

export interface ServedVersion {
  name: string;
  /** root node index of the version's schema */
  schema: number;
  /** served only by the Gateway API experimental channel CRDs */
  x?: 1;
}

export interface KindSchema {
  group: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  versions: ServedVersion[];
  /** the kind exists only in the Gateway API experimental channel */
  x?: 1;
}

export interface SchemaTable {
  nodes: SchemaNode[];
  kinds: KindSchema[];
}
