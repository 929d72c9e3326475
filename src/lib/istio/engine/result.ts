/**
 * What every engine entry point returns: `{ ok: true, ... }` or an {@link EngineError} naming the input,
 * the item and the field, or the work limit that stopped it. {@link guard} turns what the readers raise
 * into that. Pure TypeScript, no DOM, no Node built-ins.
 */
export type { PathSegment } from '../../yaml/field-path';
import { formatPath, type PathSegment } from '../../yaml/field-path';
import { REGEX_WORK_BUDGET, withRegexBudget, WorkLimitError } from './regex';

export interface EngineError {
  ok: false;
  error: {
    /** Field path inside the object named by `source`, e.g. `spec.http[0].match[0].uri.regex`. */
    path: string;
    segments: PathSegment[];
    /** Which input the path belongs to, for display: `virtualService`, `destinationRules[1]`, `request`. */
    source: string;
    /** The same, structured: the input's name (`destinationRules`) and, in a list, the item's index. */
    input: string;
    index?: number;
    message: string;
    /** Set when the evaluation stopped at a work limit instead of at bad input. */
    limit?: 'regex-work';
  };
}

export type EngineResult<T> = ({ ok: true } & T) | EngineError;

export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly index: number | undefined,
    readonly segments: PathSegment[],
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export const sourceName = (input: string, index: number | undefined) => (index === undefined ? input : `${input}[${index}]`);

/** Formats a field path (`spec.http[0].route`); the same function the validator uses. */
export const formatSegments = formatPath;

/**
 * Runs `fn` with a fresh regex work budget; turns an {@link InputError}, a work limit (or any unexpected
 * exception) into an {@link EngineError}.
 */
export function guard<T extends object>(fn: () => T): EngineResult<T> {
  try {
    return { ok: true, ...withRegexBudget(REGEX_WORK_BUDGET, fn) } as { ok: true } & T;
  } catch (e) {
    if (e instanceof WorkLimitError) return { ok: false, error: { path: '', segments: [], source: 'input', input: 'input', message: e.message, limit: e.limit } };
    if (e instanceof InputError) {
      const error: EngineError['error'] = { path: formatSegments(e.segments), segments: e.segments, source: sourceName(e.input, e.index), input: e.input, message: e.message };
      if (e.index !== undefined) error.index = e.index;
      return { ok: false, error };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { path: '', segments: [], source: 'input', input: 'input', message: `Unexpected input: ${message}` } };
  }
}

