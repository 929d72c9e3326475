/**
 * Engine test helpers: YAML text or fixture file → plain objects, as the simulators pass them; `expectOk`
 * unwraps an engine result and fails the test with the engine's own error (input, field path, message).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { EngineResult } from '../../../src/lib/istio/engine/result';

export function docs(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as unknown)
    .filter((v) => v !== null && v !== undefined);
}

export function doc(text: string): unknown {
  const all = docs(text);
  if (all.length !== 1) throw new Error(`expected one document, got ${all.length}`);
  return all[0];
}

export function fixture(name: string): unknown[] {
  return docs(readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8'));
}

/** The successful result, or a thrown error naming where the engine refused the input. */
export function expectOk<T extends object>(r: EngineResult<T>): { ok: true } & T {
  if (!r.ok) throw new Error(`unexpected engine error at ${r.error.source} ${r.error.path}: ${r.error.message}`);
  return r;
}
