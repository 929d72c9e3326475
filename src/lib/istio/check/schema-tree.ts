/**
 * Hand-written schemas (Kubernetes core kinds, IstioOperator) are written as nested trees and flattened
 * into the same node table the generated CRD schemas use, so one walker checks every kind.
 */
import type { SchemaNode } from './schema-types';

export type SchemaTree = Omit<SchemaNode, 'p' | 'i' | 'a'> & {
  p?: Record<string, SchemaTree>;
  i?: SchemaTree;
  a?: SchemaTree | true;
};

/** Appends a tree to `nodes` and returns the index of its root. */
export function flatten(tree: SchemaTree, nodes: SchemaNode[]): number {
  const { p, i, a, ...rest } = tree;
  const node: SchemaNode = { ...rest };
  const at = nodes.length;
  nodes.push(node);
  if (p) node.p = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, flatten(v, nodes)]));
  if (i) node.i = flatten(i, nodes);
  if (a) node.a = a === true ? true : flatten(a, nodes);
  return at;
}

export const str: SchemaTree = { t: 'string' };
export const bool: SchemaTree = { t: 'boolean' };
export const int32: SchemaTree = { t: 'integer', f: 'int32' };
export const int64: SchemaTree = { t: 'integer', f: 'int64' };
export const intOrString: SchemaTree = { t: 'int-or-string' };
/** Anything below is accepted (a part of the API the site does not model). */
export const free: SchemaTree = { u: 1 };
export const freeObject: SchemaTree = { t: 'object', u: 1 };
export const freeList: SchemaTree = { t: 'array', i: freeObject };
export const strings: SchemaTree = { t: 'array', i: str };
export const stringMap: SchemaTree = { t: 'object', a: str };
export const obj = (p: Record<string, SchemaTree>, r?: string[]): SchemaTree => ({ t: 'object', p, ...(r ? { r } : {}) });
export const list = (items: SchemaTree): SchemaTree => ({ t: 'array', i: items });
export const oneOf = (values: string[]): SchemaTree => ({ t: 'string', e: values });
