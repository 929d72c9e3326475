/** Test helpers: YAML text or fixture file → plain objects, as the simulators will pass them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

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
