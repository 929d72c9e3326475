/// <reference lib="webworker" />
/**
 * Runs the checker and the analyzer off the main thread. The page sends `{ id, text, context }` and gets
 * `{ id, outcome, ms }` back, or `{ id, error }` if the check threw.
 * The page starts it on the reader's first sign of intent, so the checker is loaded before the first check.
 */
import { runCheck } from './run-check';

export interface CheckRequest {
  id: number;
  text: string;
  context: string[];
}

export type CheckResponse = { id: number; outcome: ReturnType<typeof runCheck>; ms: number } | { id: number; error: string };

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, text, context } = event.data;
  const started = performance.now();
  let reply: CheckResponse;
  try {
    reply = { id, outcome: runCheck(text, context), ms: performance.now() - started };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(reply);
};
