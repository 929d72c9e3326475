/**
 * What a simulator's model returns: a view and a one-line verdict, or a problem carrying one structured
 * diagnostic. The element ties the problem to its field through `diagnostic.source.input` (the field's
 * `name`) and shows `message`; nothing parses message text.
 */
import type { EngineError } from '../../../lib/istio';
import type { ParsedYaml } from '../../../lib/yaml/paths';
import { describeDiagnostic, diagnosticAt, type Diagnostic, type InputObject } from './check-input';
import type { VNode } from './vnode';

export interface Problem {
  ok: false;
  /** The message as shown, with its label and line. */
  message: string;
  diagnostic: Diagnostic;
}

export type SimOutcome<S = unknown> = { ok: true; view: VNode; verdict: string; state?: S } | Problem;

export function problemFrom(diagnostic: Diagnostic, label: string): Problem {
  return { ok: false, message: describeDiagnostic(diagnostic, label), diagnostic };
}

/** A problem in a form field (`input` is the field's name), optionally on one of its lines. */
export function fieldProblem(input: string, label: string, message: string, line?: number): Problem {
  const diagnostic: Diagnostic = { severity: 'error', code: 'field', message, path: '', source: { input } };
  if (line !== undefined) {
    diagnostic.line = line;
    diagnostic.column = 1;
  }
  return problemFrom(diagnostic, label);
}

/**
 * Maps an engine error to a problem: inside a YAML object (found by the error's structured input and index)
 * at the nearest line of its field path, else on the form field that fed that engine input.
 */
export function engineProblem(
  error: EngineError['error'],
  objects: (input: string, index: number | undefined) => InputObject | undefined,
  parsed: ParsedYaml,
  fieldFor: (input: string) => { name: string; label: string },
): Problem {
  const code = error.limit ? 'work-limit' : 'engine';
  const obj = objects(error.input, error.index);
  if (obj) return problemFrom(diagnosticAt(obj, parsed, error.segments, error.message, 'yaml', code), `${obj.kind}${obj.name ? ` ${obj.name}` : ''}`);
  const field = fieldFor(error.input);
  return problemFrom({ severity: 'error', code, message: error.message, path: error.path, source: { input: field.name } }, field.label);
}
