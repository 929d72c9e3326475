/**
 * Writes the checker's schemas from the CustomResourceDefinitions Istio 1.26 serves:
 *
 *   npm run gen:schemas -- <istio-1.26-crds.yaml> <gateway-api-v1.3.0 experimental crds.yaml> <gateway-api-v1.3.0 standard crds.yaml>
 *
 * - src/lib/istio/check/schemas.gen.ts: every served version of every kind as compact schema nodes (types,
 *   enums, required, formats, bounds, defaults, list types, oneOf, x-kubernetes-validations), shared
 *   sub-schemas stored once. Shipped to the browser with the checker.
 * - src/lib/istio/check/field-descriptions.gen.ts: the API's description of each field, for the field notes
 *   of the examples. Build time only (never imported by browser code).
 *
 * Gateway API: the standard-channel kinds (Gateway, GatewayClass, HTTPRoute, GRPCRoute, ReferenceGrant) and
 * TCPRoute/TLSRoute from the experimental channel. A field or version that only the experimental CRDs have is
 * marked `x`, so the checker can say a standard-channel cluster would reject it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { CelRule, KindSchema, OneOfBranch, SchemaNode, SchemaTable } from '../src/lib/istio/check/schema-types';

type Raw = Record<string, unknown>;
interface Crd {
  spec: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: { kind: string };
    versions: Array<{ name: string; served: boolean; schema: { openAPIV3Schema: Raw } }>;
  };
}

const [istioFile, gatewayExperimentalFile, gatewayStandardFile] = process.argv.slice(2);
if (!istioFile || !gatewayExperimentalFile || !gatewayStandardFile) {
  console.error('usage: npm run gen:schemas -- <istio-crds.yaml> <gateway-api-experimental-crds.yaml> <gateway-api-standard-crds.yaml>');
  process.exit(2);
}

const readCrds = (file: string): Crd[] =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as Crd | null)
    .filter((d): d is Crd => !!d && (d as unknown as Raw).kind === 'CustomResourceDefinition');

const gatewayStandardKinds = ['Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant'];
const gatewayExperimentalKinds = ['TCPRoute', 'TLSRoute'];

/** Keywords the generator understands; anything else stops it, so a new CRD feature is never dropped silently. */
const known = new Set([
  'type', 'description', 'properties', 'required', 'items', 'additionalProperties', 'enum', 'format', 'minimum', 'maximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'pattern', 'nullable', 'default',
  'oneOf', 'anyOf', 'allOf', 'not', 'x-kubernetes-validations', 'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type',
]);

const nodes: SchemaNode[] = [];
const index = new Map<string, number>();
const intern = (n: SchemaNode): number => {
  const key = JSON.stringify(n);
  let i = index.get(key);
  if (i === undefined) {
    i = nodes.length;
    nodes.push(n);
    index.set(key, i);
  }
  return i;
};

const requiredSet = (b: Raw, where: string): string[] => {
  const keys = Object.keys(b);
  if (keys.length !== 1 || !Array.isArray(b.required)) throw new Error(`${where}: unsupported oneOf branch ${JSON.stringify(b)}`);
  return b.required as string[];
};

const oneOfGroup = (branches: Raw[], where: string): OneOfBranch[] =>
  branches.map((b) => {
    if (b.not) {
      const not = b.not as Raw;
      if (!Array.isArray(not.anyOf) || Object.keys(b).length !== 1) throw new Error(`${where}: unsupported oneOf branch`);
      return { nr: (not.anyOf as Raw[]).map((x) => requiredSet(x, where)) };
    }
    return { r: requiredSet(b, where) };
  });

/** Gateway API addresses: `type: IPAddress` (the default) needs an IPv4 or IPv6 `value`. */
const isAddressOneOf = (branches: Raw[]): boolean =>
  JSON.stringify(branches) ===
  JSON.stringify([
    { properties: { type: { enum: ['IPAddress'] }, value: { anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] } } },
    { properties: { type: { not: { enum: ['IPAddress'] } } } },
  ]);

const descriptions = new Map<string, Record<string, string>>();
/**
 * Converts one schema. `standard` is the same place in the standard-channel schema: undefined when the
 * field is experimental-only, null when no standard channel applies (Istio kinds, experimental kinds).
 */
function convert(s: Raw, where: string, standard: Raw | undefined | null): number {
  for (const k of Object.keys(s)) if (!known.has(k)) throw new Error(`${where}: unknown schema keyword ${k}`);
  const n: SchemaNode = {};
  if (s['x-kubernetes-int-or-string']) n.t = 'int-or-string';
  else if (typeof s.type === 'string') n.t = s.type as SchemaNode['t'];
  if (standard === undefined) n.x = 1;
  const sub = (std: unknown): Raw | undefined | null => (standard === null ? null : standard === undefined ? undefined : (std as Raw | undefined));
  if (s.properties) {
    n.p = {};
    const stdProps = (standard?.properties ?? {}) as Record<string, Raw>;
    for (const [name, child] of Object.entries(s.properties as Record<string, Raw>)) {
      n.p[name] = convert(child, `${where}.${name}`, sub(Object.hasOwn(stdProps, name) ? stdProps[name] : undefined));
    }
  }
  if (Array.isArray(s.required) && s.required.length) n.r = s.required as string[];
  if (s.items) n.i = convert(s.items as Raw, `${where}[]`, sub(standard?.items));
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) {
    n.a = s.additionalProperties === true ? true : convert(s.additionalProperties as Raw, `${where}{}`, sub(standard?.additionalProperties));
  }
  if (Array.isArray(s.enum)) n.e = s.enum as SchemaNode['e'];
  if (typeof s.format === 'string') n.f = s.format;
  if (typeof s.minimum === 'number') n.min = s.minimum;
  if (typeof s.maximum === 'number') n.max = s.maximum;
  if (typeof s.minLength === 'number') n.minL = s.minLength;
  if (typeof s.maxLength === 'number') n.maxL = s.maxLength;
  if (typeof s.minItems === 'number') n.minI = s.minItems;
  if (typeof s.maxItems === 'number') n.maxI = s.maxItems;
  if (typeof s.minProperties === 'number') n.minP = s.minProperties;
  if (typeof s.maxProperties === 'number') n.maxP = s.maxProperties;
  if (typeof s.pattern === 'string') n.pat = s.pattern;
  if (s.nullable) n.n = 1;
  if (s['x-kubernetes-preserve-unknown-fields']) n.u = 1;
  if (s.default !== undefined) n.d = s.default;
  if (typeof s['x-kubernetes-list-type'] === 'string') n.lt = s['x-kubernetes-list-type'] as SchemaNode['lt'];
  if (Array.isArray(s['x-kubernetes-list-map-keys'])) n.lk = s['x-kubernetes-list-map-keys'] as string[];
  const groups: OneOfBranch[][] = [];
  if (Array.isArray(s.oneOf) && isAddressOneOf(s.oneOf as Raw[])) n.ip = 1;
  else if (Array.isArray(s.oneOf)) groups.push(oneOfGroup(s.oneOf as Raw[], where));
  if (Array.isArray(s.allOf)) {
    for (const part of s.allOf as Raw[]) {
      if (!Array.isArray(part.oneOf) || Object.keys(part).length !== 1) throw new Error(`${where}: unsupported allOf part`);
      groups.push(oneOfGroup(part.oneOf as Raw[], where));
    }
  }
  if (groups.length) n.one = groups;
  if (Array.isArray(s.anyOf)) {
    // Only the int-or-string form appears outside oneOf: anyOf [{type: integer}, {type: string}].
    const types = (s.anyOf as Raw[]).map((x) => x.type).sort().join(',');
    if (!(s['x-kubernetes-int-or-string'] && types === 'integer,string')) throw new Error(`${where}: unsupported anyOf`);
  }
  if (s.not) throw new Error(`${where}: unsupported not`);
  if (Array.isArray(s['x-kubernetes-validations'])) {
    n.v = (s['x-kubernetes-validations'] as Raw[]).map((r) => {
      const rule: CelRule = { rule: String(r.rule) };
      for (const k of ['message', 'messageExpression', 'reason', 'fieldPath'] as const) if (typeof r[k] === 'string') rule[k] = r[k] as string;
      for (const k of Object.keys(r)) if (!['rule', 'message', 'messageExpression', 'reason', 'fieldPath', 'optionalOldSelf'].includes(k)) throw new Error(`${where}: unknown rule key ${k}`);
      return rule;
    });
  }
  return intern(n);
}

let currentKindDescriptions: Record<string, string> = {};

const kinds: KindSchema[] = [];

function addKind(crd: Crd, standardCrd: Crd | null | undefined, experimentalKind: boolean) {
  const { group, scope, names } = crd.spec;
  const kind: KindSchema = { group, kind: names.kind, scope, versions: [] };
  if (experimentalKind) kind.x = 1;
  currentKindDescriptions = {};
  for (const v of crd.spec.versions) {
    if (!v.served) continue;
    const root = v.schema.openAPIV3Schema;
    const props = root.properties as Record<string, Raw>;
    const stdVersion = standardCrd === null ? null : standardCrd?.spec.versions.find((x) => x.name === v.name && x.served);
    const stdRoot = stdVersion === null ? null : stdVersion ? stdVersion.schema.openAPIV3Schema : undefined;
    // apiVersion, kind, metadata and status are checked the same way for every kind; keep spec and rules.
    const spec: Raw = { type: 'object', properties: { spec: props.spec } };
    if (Array.isArray(root.required) && (root.required as string[]).includes('spec')) spec.required = ['spec'];
    if (root['x-kubernetes-validations']) spec['x-kubernetes-validations'] = root['x-kubernetes-validations'];
    const stdSpec = stdRoot === null ? null : stdRoot ? { properties: { spec: (stdRoot.properties as Record<string, Raw>).spec } } : undefined;
    const schema = convertRoot(spec, `${names.kind}/${v.name}`, experimentalKind ? null : stdSpec);
    kind.versions.push({ name: v.name, schema, ...(stdRoot === undefined && !experimentalKind ? { x: 1 as const } : {}) });
  }
  kinds.push(kind);
  descriptions.set(names.kind, currentKindDescriptions);
}

/** Converts a root, recording each field's description under its path. */
function convertRoot(root: Raw, where: string, standard: Raw | undefined | null): number {
  // Descriptions are recorded by path here; the conversion itself is path-free so that equal nodes dedupe.
  const walk = (s: Raw, path: string): void => {
    if (typeof s.description === 'string' && path && !Object.hasOwn(currentKindDescriptions, path)) {
      currentKindDescriptions[path] = s.description.replace(/\s+/g, ' ').trim();
    }
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Raw>)) walk(sub, path ? `${path}.${name}` : name);
    if (s.items) walk(s.items as Raw, `${path}[]`);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties as Raw, `${path}{}`);
  };
  walk(root, '');
  return convert(root, where, standard);
}

const istio = readCrds(istioFile);
for (const crd of istio) addKind(crd, null, false);
const experimental = readCrds(gatewayExperimentalFile);
const standard = readCrds(gatewayStandardFile);
for (const name of [...gatewayStandardKinds, ...gatewayExperimentalKinds]) {
  const crd = experimental.find((c) => c.spec.names.kind === name);
  if (!crd) throw new Error(`${name} is not in ${gatewayExperimentalFile}`);
  const isExperimental = gatewayExperimentalKinds.includes(name);
  const std = standard.find((c) => c.spec.names.kind === name);
  if (!isExperimental && !std) throw new Error(`${name} is not in ${gatewayStandardFile}`);
  addKind(crd, isExperimental ? null : std, isExperimental);
}

const table: SchemaTable = { nodes, kinds };
const json = JSON.stringify(table);
const header = '// Generated by scripts/gen-schemas.ts from the Istio 1.26 and Gateway API v1.3.0 CRDs. Do not edit.\n';
writeFileSync(
  new URL('../src/lib/istio/check/schemas.gen.ts', import.meta.url),
  `${header}import type { SchemaTable } from './schema-types';\n\n// JSON.parse of a string literal is faster to load than the same object literal.\nexport const crdSchemas: SchemaTable = JSON.parse(${JSON.stringify(json)});\n`,
);
writeFileSync(
  new URL('../src/lib/istio/check/field-descriptions.gen.ts', import.meta.url),
  `${header}// Build time only (field notes of the examples): not imported by browser code.\n// Kind -> field path (\`spec.http[].route[].weight\`) -> the API's description.\nexport const fieldDescriptions: Record<string, Record<string, string>> = ${JSON.stringify(Object.fromEntries(descriptions), null, 0)};\n`,
);
console.log(`${kinds.length} kinds, ${kinds.reduce((n, k) => n + k.versions.length, 0)} versions, ${nodes.length} schema nodes, ${(json.length / 1024).toFixed(0)} KiB`);
