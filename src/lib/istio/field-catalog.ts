/**
 * The field catalog: for every kind an example may use, the tree of fields the API knows, with the API's
 * own one-line description of each. Derived from the type declarations that `@kubernetes-models/istio`
 * and `kubernetes-models` ship (generated from the CRD/OpenAPI schemas), read with the TypeScript checker.
 * No list of field names is written by hand, except IstioOperator's `spec`, which the package leaves empty
 * (see istio-operator.ts).
 *
 * Node only (reads node_modules). Cached in memory and on disk (node_modules/.cache) by package versions.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import ts from 'typescript';
import { istioKinds, kubernetesKinds, istioOperatorKind } from '../../data/versions';
import { istioOperatorSpec } from './istio-operator';
import type { FieldNode } from './field-node';

export type { FieldNode } from './field-node';

const GENERATOR_VERSION = 3;

/** Where each kind's declaration file lives, as a module specifier. */
export function declarationModules(): Array<{ apiVersion: string; kind: string; module: string }> {
  const out: Array<{ apiVersion: string; kind: string; module: string }> = [];
  for (const k of istioKinds) {
    for (const v of k.versions) {
      out.push({ apiVersion: `${k.group}/${v.version}`, kind: k.kind, module: `@kubernetes-models/istio/${k.group}/${v.version}/${k.kind}` });
    }
  }
  for (const k of kubernetesKinds) {
    const path = k.apiVersion === 'v1' ? 'v1' : k.apiVersion;
    out.push({ apiVersion: k.apiVersion, kind: k.kind, module: `kubernetes-models/${path}/${k.kind}` });
  }
  return out;
}

/** The folder of an installed package, found the way Node does: up the node_modules chain from here. */
function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const cwdCandidate = join(process.cwd(), 'node_modules', name);
  if (existsSync(join(cwdCandidate, 'package.json'))) return cwdCandidate;
  throw new Error(`Package ${name} is not installed (run npm install)`);
}

function resolveDts(specifier: string): string {
  const m = /^((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(specifier);
  if (!m) throw new Error(`Not a package subpath: ${specifier}`);
  const dts = join(packageDir(m[1]!), `${m[2]}.d.ts`);
  if (!existsSync(dts)) throw new Error(`No type declarations for ${specifier} (looked for ${dts})`);
  return dts;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Catalog keyed by `apiVersion|kind`. */
export type FieldCatalog = Map<string, FieldNode>;

export const catalogKey = (apiVersion: string, kind: string) => `${apiVersion}|${kind}`;

interface SerializedCatalog {
  nodes: Array<{ d?: string; f?: Array<[string, number]>; i?: number; m?: number; free?: 1 }>;
  roots: Array<[string, number]>;
}

function serialize(catalog: FieldCatalog): SerializedCatalog {
  const ids = new Map<FieldNode, number>();
  const nodes: SerializedCatalog['nodes'] = [];
  const visit = (n: FieldNode): number => {
    const known = ids.get(n);
    if (known !== undefined) return known;
    const id = nodes.length;
    ids.set(n, id);
    const entry: SerializedCatalog['nodes'][number] = {};
    nodes.push(entry);
    if (n.description) entry.d = n.description;
    if (n.freeForm) entry.free = 1;
    if (n.fields) entry.f = [...n.fields].map(([k, v]) => [k, visit(v)]);
    if (n.items) entry.i = visit(n.items);
    if (n.values) entry.m = visit(n.values);
    return id;
  };
  const roots: Array<[string, number]> = [...catalog].map(([k, v]) => [k, visit(v)]);
  return { nodes, roots };
}

function deserialize(data: SerializedCatalog): FieldCatalog {
  const made: FieldNode[] = data.nodes.map(() => ({}));
  data.nodes.forEach((e, i) => {
    const n = made[i]!;
    if (e.d) n.description = e.d;
    if (e.free) n.freeForm = true;
    if (e.f) n.fields = new Map(e.f.map(([k, id]) => [k, made[id]!]));
    if (e.i !== undefined) n.items = made[e.i]!;
    if (e.m !== undefined) n.values = made[e.m]!;
  });
  return new Map(data.roots.map(([k, id]) => [k, made[id]!]));
}

/** Builds the catalog from the type declarations (what loadFieldCatalog caches). */
export function generateFieldCatalog(): FieldCatalog {
  type TsNode = import('typescript').Node;
  type TypeNode = import('typescript').TypeNode;
  type SourceFile = import('typescript').SourceFile;

  const files = new Map<string, SourceFile>();
  const sourceOf = (path: string): SourceFile => {
    let sf = files.get(path);
    if (!sf) {
      sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      files.set(path, sf);
    }
    return sf;
  };
  const resolveModule = (from: string, spec: string): string => {
    if (spec.startsWith('.')) return join(dirname(from), `${spec.replace(/\.m?js$/, '')}.d.ts`);
    return resolveDts(spec);
  };
  const docOf = (n: TsNode): string | undefined => {
    const text = ts
      .getJSDocCommentsAndTags(n)
      .filter(ts.isJSDoc)
      .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    return text || undefined;
  };

  const named = new Map<string, FieldNode>();
  /** Resolves a type name as seen from a file: a local interface or alias, a re-export, or an import. */
  const resolveName = (sf: SourceFile, name: string, depth: number): FieldNode => {
    const key = `${sf.fileName}#${name}`;
    const known = named.get(key);
    if (known) return known;
    const placeholder: FieldNode = {};
    named.set(key, placeholder);
    const fill = (n: FieldNode) => Object.assign(placeholder, n);
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st) && st.name.text === name) {
        return fill(fromMembers(sf, st.members, depth));
      }
      if (ts.isTypeAliasDeclaration(st) && st.name.text === name) return fill(fromType(sf, st.type, depth));
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          if (el.name.text === name) {
            const local = el.propertyName?.text ?? el.name.text;
            if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
              return fill(resolveName(sourceOf(resolveModule(sf.fileName, st.moduleSpecifier.text)), local, depth));
            }
            if (local !== name) return fill(resolveName(sf, local, depth));
          }
        }
      }
      if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
        for (const el of st.importClause.namedBindings.elements) {
          if (el.name.text === name && ts.isStringLiteral(st.moduleSpecifier)) {
            const remote = el.propertyName?.text ?? el.name.text;
            return fill(resolveName(sourceOf(resolveModule(sf.fileName, st.moduleSpecifier.text)), remote, depth));
          }
        }
      }
    }
    // Names the models do not describe as fields (TypeMeta, Model, ...): accept what they hold.
    return fill({ freeForm: true });
  };

  const fromMembers = (sf: SourceFile, members: import('typescript').NodeArray<import('typescript').TypeElement>, depth: number): FieldNode => {
    const node: FieldNode = {};
    if (members.length === 0) node.freeForm = true;
    for (const m of members) {
      if (ts.isPropertySignature(m) && m.type) {
        const name = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText(sf);
        const child = fromType(sf, m.type, depth + 1);
        const description = docOf(m);
        node.fields ??= new Map();
        const existing = node.fields.get(name);
        const merged = existing ? mergeNodes(existing, child) : child;
        node.fields.set(name, description && merged.description !== description ? { ...merged, description } : merged);
      } else if (ts.isIndexSignatureDeclaration(m) && m.type) {
        node.values = mergeNodes(node.values, fromType(sf, m.type, depth + 1));
      }
    }
    return node;
  };

  const fromType = (sf: SourceFile, t: TypeNode, depth: number): FieldNode => {
    if (depth > 60) return { freeForm: true };
    if (ts.isParenthesizedTypeNode(t)) return fromType(sf, t.type, depth);
    if (ts.isTypeLiteralNode(t)) return fromMembers(sf, t.members, depth);
    if (ts.isArrayTypeNode(t)) return { items: fromType(sf, t.elementType, depth + 1) };
    if (ts.isUnionTypeNode(t) || ts.isIntersectionTypeNode(t)) {
      let out: FieldNode | undefined;
      for (const part of t.types) out = mergeNodes(out, fromType(sf, part, depth));
      return out ?? {};
    }
    if (ts.isTypeReferenceNode(t)) {
      const name = t.typeName.getText(sf);
      const args = t.typeArguments ?? [];
      if ((name === 'Array' || name === 'ReadonlyArray') && args[0]) return { items: fromType(sf, args[0], depth + 1) };
      if ((name === 'Exclude' || name === 'Partial' || name === 'Required' || name === 'Readonly') && args[0]) return fromType(sf, args[0], depth);
      if (name === 'Record' && args[1]) return { values: fromType(sf, args[1], depth + 1) };
      return resolveName(sf, name, depth);
    }
    if (t.kind === ts.SyntaxKind.AnyKeyword || t.kind === ts.SyntaxKind.UnknownKeyword || t.kind === ts.SyntaxKind.ObjectKeyword) return { freeForm: true };
    return {};
  };

  const catalog: FieldCatalog = new Map();
  for (const e of declarationModules()) {
    const sf = sourceOf(resolveDts(e.module));
    catalog.set(catalogKey(e.apiVersion, e.kind), resolveName(sf, `I${e.kind}`, 0));
  }
  // IstioOperator: metadata from the Kubernetes ObjectMeta, spec from istio-operator.ts.
  const meta = catalog.get(catalogKey('networking.istio.io/v1', 'VirtualService'))?.fields?.get('metadata');
  catalog.set(catalogKey(istioOperatorKind.apiVersion, istioOperatorKind.kind), {
    fields: new Map<string, FieldNode>([
      ['apiVersion', {}],
      ['kind', {}],
      ...(meta ? [['metadata', meta] as [string, FieldNode]] : []),
      ['spec', istioOperatorSpec],
    ]),
  });
  return catalog;
}

function mergeNodes(a: FieldNode | undefined, b: FieldNode): FieldNode {
  if (!a || a === b) return b;
  const out: FieldNode = { ...a };
  if (b.freeForm) out.freeForm = true;
  if (!out.description && b.description) out.description = b.description;
  if (b.fields) {
    out.fields = new Map(a.fields ?? []);
    for (const [k, v] of b.fields) out.fields.set(k, out.fields.has(k) ? mergeNodes(out.fields.get(k), v) : v);
  }
  if (b.items) out.items = mergeNodes(a.items, b.items);
  if (b.values) out.values = mergeNodes(a.values, b.values);
  return out;
}

const globalCache = globalThis as typeof globalThis & { __istioFieldCatalog?: Promise<FieldCatalog> };

function cacheFile(): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([GENERATOR_VERSION, packageVersion('@kubernetes-models/istio'), packageVersion('kubernetes-models'), declarationModules(), JSON.stringify(serialize(new Map([['io', istioOperatorSpec]])))]))
    .digest('hex')
    .slice(0, 16);
  const nodeModules = dirname(dirname(packageDir('@kubernetes-models/istio')));
  return join(nodeModules, '.cache', 'istio-ica-guide', `field-catalog-${hash}.json`);
}

/** The field catalog, generated once per package versions and then read from the cache. */
export function loadFieldCatalog(): Promise<FieldCatalog> {
  globalCache.__istioFieldCatalog ??= (async () => {
    const file = cacheFile();
    if (existsSync(file)) {
      try {
        return deserialize(JSON.parse(readFileSync(file, 'utf8')) as SerializedCatalog);
      } catch {
        /* regenerate below */
      }
    }
    const catalog = generateFieldCatalog();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(serialize(catalog)));
    return catalog;
  })();
  return globalCache.__istioFieldCatalog;
}
