/**
 * The words every engine module uses to explain a decision, so that a view can show any of them the same
 * way. Each module's own trace types extend these.
 *
 * - `path`: where in the input the item is (`['spec', 'rules', 0]`), for highlighting and messages.
 * - `passed`: a single condition held for this request (a header matched, a method was in the list).
 * - `matched`: an item made of conditions (a rule, a match block, a policy) selected the request.
 * - `applied`: a setting took effect (a PeerAuthentication level decided the mode).
 * - `reason`: one sentence in plain words on why, naming what was expected and what the request had.
 */
import type { PathSegment } from '../../yaml/field-path';

/** A resource the decision refers to: its position in the input list, name and namespace. */
export interface PolicyRef {
  index: number;
  name: string;
  namespace: string;
}

/** One condition checked against the request. */
export interface ConditionTrace {
  /** Where the condition is written, inside its resource. */
  path: PathSegment[];
  /** Which field it tests (`uri`, `headers`, `source.principals`, ...). */
  field: string;
  passed: boolean;
  reason: string;
}

/** One item of a list evaluated in order (a rule, a match block): did it select the request, and why. */
export interface StepTrace {
  index: number;
  path: PathSegment[];
  matched: boolean;
  reason: string;
}
