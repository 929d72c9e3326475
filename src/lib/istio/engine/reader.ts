/**
 * Readers of untrusted input: the engine takes Istio objects as YAML parses them (plain JavaScript values);
 * a {@link Reader} checks the shape field by field and, on a mismatch, raises an {@link InputError} naming
 * the field. Own properties only, null-prototype maps, Kubernetes label syntax.
 */
import type { PathSegment } from '../../yaml/field-path';
import { formatSegments, InputError, sourceName } from './result';

export type Dict = Record<string, unknown>;

export const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A cursor on an untrusted value: knows where it is, reads typed children or raises an InputError. */
export class Reader {
  /**
   * @param input the input's name (`virtualService`, `policies`, `request`)
   * @param index the item's index when the input is a list of objects
   */
  constructor(
    readonly value: unknown,
    readonly input: string,
    readonly path: PathSegment[] = [],
    readonly index?: number,
  ) {}

  /** The input for display: `policies[0]`. */
  get source(): string {
    return sourceName(this.input, this.index);
  }

  fail(message: string, extra: PathSegment[] = []): never {
    throw this.err(message, extra);
  }

  /** The error to throw (`throw r.err(...)` lets TypeScript narrow after it). */
  err(message: string, extra: PathSegment[] = []): InputError {
    return new InputError(this.input, this.index, [...this.path, ...extra], message);
  }

  get where(): string {
    return formatSegments(this.path) || this.source;
  }

  isMissing(): boolean {
    return this.value === undefined || this.value === null;
  }

  child(key: PathSegment): Reader {
    let v: unknown;
    if (typeof key === 'number') v = Array.isArray(this.value) ? this.value[key] : undefined;
    // Own properties only: `constructor` or `toString` in a YAML key is a key, not Object.prototype's.
    else v = isDict(this.value) && Object.hasOwn(this.value, key) ? this.value[key] : undefined;
    return new Reader(v, this.input, [...this.path, key], this.index);
  }

  dict(): Dict {
    if (!isDict(this.value)) this.fail(`${this.where} must be a map (key: value), got ${describe(this.value)}`);
    return this.value;
  }

  optDict(): Dict | undefined {
    return this.isMissing() ? undefined : this.dict();
  }

  keys(): string[] {
    return this.isMissing() ? [] : Object.keys(this.dict());
  }

  list(): Reader[] {
    if (this.isMissing()) return [];
    if (!Array.isArray(this.value)) this.fail(`${this.where} must be a list, got ${describe(this.value)}`);
    return this.value.map((_, i) => this.child(i));
  }

  str(): string {
    if (typeof this.value !== 'string') this.fail(`${this.where} must be a string, got ${describe(this.value)}`);
    return this.value;
  }

  /** A string, or a number/boolean written without quotes (YAML `port: 8080` where a string is expected). */
  scalar(): string {
    if (typeof this.value === 'number' || typeof this.value === 'boolean') return String(this.value);
    return this.str();
  }

  optStr(): string | undefined {
    return this.isMissing() ? undefined : this.str();
  }

  strList(): string[] {
    return this.list().map((r) => r.scalar());
  }

  num(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail(`${this.where} must be a number, got ${describe(this.value)}`);
    return this.value;
  }

  optNum(): number | undefined {
    return this.isMissing() ? undefined : this.num();
  }

  optBool(): boolean | undefined {
    if (this.isMissing()) return undefined;
    if (typeof this.value !== 'boolean') this.fail(`${this.where} must be true or false, got ${describe(this.value)}`);
    return this.value;
  }

  /**
   * A map of string to string (headers, string maps). Null prototype, so a `__proto__` key is kept as a
   * key like any other instead of vanishing into the object's prototype.
   */
  strMap(): Record<string, string> {
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const k of this.keys()) out[k] = this.child(k).scalar();
    return out;
  }

  /** Kubernetes labels (a selector or a workload's labels): keys and values checked as the API server does. */
  labels(): Record<string, string> {
    const out = this.strMap();
    for (const [k, v] of Object.entries(out)) {
      const keyProblem = labelKeyProblem(k);
      if (keyProblem) this.fail(`${this.where}: label key ${JSON.stringify(k.slice(0, 80))} ${keyProblem}`, [k]);
      if (!isLabelValue(v)) this.fail(`${this.where}.${k}: label value ${JSON.stringify(v.slice(0, 80))} must be at most 63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or empty)`, [k]);
    }
    return out;
  }
}

export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

/** Reads `kind`, `metadata.name`, `metadata.namespace` of a resource and checks the kind. */
export interface ObjectMeta {
  kind: string;
  name: string;
  namespace: string;
  creationTimestamp?: string;
}

export function readResource(r: Reader, kinds: readonly string[], defaultNamespace = 'default'): ObjectMeta {
  r.dict();
  const kindR = r.child('kind');
  const kind = kindR.isMissing() ? undefined : kindR.scalar();
  if (kind === undefined) r.fail(`kind is missing: expected ${kinds.join(' or ')}`, ['kind']);
  if (!kinds.includes(kind)) r.fail(`kind is ${kind}: expected ${kinds.join(' or ')}`, ['kind']);
  const meta = r.child('metadata');
  meta.optDict();
  const nameR = meta.child('name');
  const name = nameR.isMissing() ? '(unnamed)' : nameR.scalar();
  const nsR = meta.child('namespace');
  const namespace = nsR.isMissing() ? defaultNamespace : nsR.scalar();
  const tsR = meta.child('creationTimestamp');
  const out: ObjectMeta = { kind, name, namespace };
  if (!tsR.isMissing()) {
    const v = tsR.value;
    out.creationTimestamp = v instanceof Date ? v.toISOString() : tsR.scalar();
  }
  return out;
}

/** `app=reviews` style label selector match: every selector label equals the workload label (own keys only). */
export function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => Object.hasOwn(labels, k) && labels[k] === v);
}

// Kubernetes label syntax (apimachinery validation.IsQualifiedName / IsValidLabelValue).
const LABEL_NAME = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid (`[prefix/]name`), or undefined when it is valid. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    return 'has an invalid prefix: before the "/" write a DNS subdomain (lower case, digits, "-", ".")';
  if (!LABEL_NAME.test(name))
    return 'is not a valid label name: at most 63 characters of letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}

export function isLabelValue(value: string): boolean {
  return value === '' || LABEL_NAME.test(value);
}
