import type { PathSegment } from '../../yaml/field-path';
import type { ParsedInput } from './yaml-input';

/**
 * What the checker reports, one finding per problem, worded as `kubectl apply` against an Istio 1.26 cluster
 * prints it (API server schema and CEL rules, istiod's validating webhook).
 */
export type DiagnosticCode =
  /** the text is not YAML (or the input breaks a limit: size, nesting, aliases, documents) */
  | 'yaml-syntax'
  | 'input-limit'
  /** a document that is not a mapping */
  | 'not-an-object'
  /** apiVersion or kind not set */
  | 'missing-kind'
  /** no such kind at that apiVersion in Istio 1.26 / Gateway API v1.3.0 / core Kubernetes */
  | 'unknown-kind'
  /** the kind exists, but not at that apiVersion */
  | 'unserved-version'
  /** kubectl's strict field validation: a field the schema does not have */
  | 'unknown-field'
  /** `Invalid value: "string": ... must be of type integer` */
  | 'invalid-type'
  /** `Unsupported value: "X": supported values: ...` */
  | 'unsupported-value'
  /** `Required value` */
  | 'required'
  /** `Invalid value` (bounds, pattern, format, oneOf, names and labels) */
  | 'invalid-value'
  /** `Too many` (maxItems, maxProperties) and `Too long` (maxLength) */
  | 'too-many'
  | 'too-long'
  /** `Duplicate value` in a list the schema declares a set or a map */
  | 'duplicate'
  /** an `x-kubernetes-validations` CEL rule of the CRD */
  | 'rule'
  /** istiod's validating webhook (`admission webhook "validation.istio.io" denied the request`) */
  | 'webhook'
  /** warning: a Gateway API field or version that only the experimental channel CRDs serve */
  | 'experimental';

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  /** The message as kubectl/the API server/istiod words it, e.g. `unknown field "spec.http[0].matchs"`. */
  message: string;
  /** Field path, e.g. `spec.http[0].route[0].weight`; empty for the document itself. */
  path: string;
  /** 1-based line and column in the input text. */
  line: number;
  column: number;
  source: {
    /** The `fileName` the input was checked as. */
    input: string;
    /** 0-based document index within the input (`---` separated). */
    index: number;
    /** The field path as segments. */
    path: PathSegment[];
  };
  /** The resource the document declares, when it names one. */
  resource?: { kind: string; namespace?: string; name?: string };
}

export interface CheckedDocument {
  /** 0-based index within the input. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** The parsed document (plain JSON data, own properties only). */
  value: unknown;
  /** True when the document has at least one error (the cluster would reject it). */
  rejected: boolean;
}

export interface CheckResult {
  documents: CheckedDocument[];
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /** Name used in diagnostics (`source.input`), e.g. the file name. */
  fileName?: string;
  /** Added to every reported line (when the text is a part of a larger file). */
  lineOffset?: number;
  /** The text already read by `parseInput` (a simulator reads it under its own bounds): not read again. */
  parsed?: ParsedInput;
}
