/**
 * Inside a simulator's Worker: answers `{ id, fields, previous }` with the model's outcome, reduced to
 * what the page renders (plain data, so it crosses postMessage). One line per simulator:
 * `serveModel(computeRoute)` in its worker.ts.
 */
import type { SimOutcome } from './outcome';

export interface RunRequest<F> {
  id: number;
  fields: F;
  /** State of the starting point (the page's example or the chosen preset), to mark what changed. */
  previous?: unknown;
}

/** `started` comes first (the page's deadline counts from it, not from loading the Worker), then `out`. */
export type RunReply = { id: number; started: true } | { id: number; out: SimOutcome };

export function serveModel<F>(compute: (fields: F, previous?: unknown) => SimOutcome): void {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<RunRequest<F>>) => void) | null; postMessage: (m: RunReply) => void };
  scope.onmessage = (e) => {
    const { id, fields, previous } = e.data;
    scope.postMessage({ id, started: true });
    let out: SimOutcome;
    try {
      const r = compute(fields, previous);
      out = r.ok ? { ok: true, view: r.view, verdict: r.verdict, state: r.state } : { ok: false, message: r.message, diagnostic: r.diagnostic };
    } catch (err) {
      // A bug, not bad input: say so rather than leave the page waiting.
      const message = `The simulator failed on this input (${err instanceof Error ? err.message : String(err)}).`;
      out = { ok: false, message, diagnostic: { severity: 'error', code: 'internal', message, path: '', source: { input: 'yaml' } } };
    }
    scope.postMessage({ id, out });
  };
}
