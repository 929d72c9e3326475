/**
 * The example library: every manifest the site shows is a file under src/examples/. This module (Node
 * only) reads a file, validates it strictly, checks its annotations and its `@expect-invalid` header, and
 * prepares what <IstioYaml> renders.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExampleHeaderError, parseExampleFile, type ExampleFile } from '../yaml/example-file';
import { formatPath, locatePath, parseYaml } from '../yaml/paths';
import { catalogKey, loadFieldCatalog } from './field-catalog';
import type { FieldNode } from './field-node';
import { formatProblem, validateManifest, type Problem, type ValidationResult } from './validate';

export const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));

export interface AnnotationProblem {
  file: string;
  line: number;
  code: 'bad-annotation' | 'bad-header' | 'not-rejected' | 'wrong-rejection';
  message: string;
}

export interface ResolvedNote {
  n: number;
  path: string;
  document: number;
  text: string;
  /** The API's description of the field, when the catalog has one. */
  apiDescription?: string;
  /** 1-based line and columns of the key in the shown body. */
  line: number;
  column: number;
  endColumn: number;
}

export interface ExampleReport {
  /** Path relative to src/examples, with forward slashes. */
  file: string;
  header?: ExampleFile;
  validation?: ValidationResult;
  notes: ResolvedNote[];
  /** Problems that make the file fail (unexpected validation problems and annotation problems). */
  errors: string[];
  /** Validation problems the header says are intended. */
  expected: Problem[];
}

export function listExampleFiles(dir = examplesDir): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Follows a path in the catalog tree to the field's API description. */
export function describeField(root: FieldNode | undefined, segments: ReadonlyArray<string | number>): string | undefined {
  let node = root;
  for (const s of segments) {
    if (!node) return undefined;
    if (typeof s === 'number' || (node.items && !node.fields?.has(String(s)))) node = node.items ?? node.values;
    else node = node.fields?.get(String(s)) ?? node.values;
  }
  return node?.description;
}

export async function checkExampleText(text: string, file: string): Promise<ExampleReport> {
  const report: ExampleReport = { file, notes: [], errors: [], expected: [] };
  let header: ExampleFile;
  try {
    header = parseExampleFile(text);
  } catch (e) {
    const line = e instanceof ExampleHeaderError ? e.line : 1;
    report.errors.push(`${file}:${line}: bad-header: ${(e as Error).message}`);
    return report;
  }
  report.header = header;
  const catalog = await loadFieldCatalog();
  const lookup = (apiVersion: string, kind: string) => catalog.get(catalogKey(apiVersion, kind));
  const validation = await validateManifest(text, file, lookup);
  report.validation = validation;

  const expect = header.expectInvalid;
  for (const p of validation.problems) {
    const intended = expect && p.code === expect.code && (!expect.path || p.path === expect.path) && p.document === expect.document;
    if (intended) report.expected.push(p);
    else report.errors.push(formatProblem(p));
  }
  if (expect && report.expected.length === 0) {
    const got = validation.problems.map((p) => `${p.code} at ${p.path || '(document)'}`).join('; ') || 'no problem at all';
    report.errors.push(
      `${file}:${expect.line}: not-rejected: the header expects "${expect.code}${expect.path ? ` at ${expect.path}` : ''}" in document ${expect.document}, but the validator found ${got}`,
    );
  }

  // Notes: the path must exist; positions are computed in the shown body.
  const body = parseYaml(header.body);
  header.notes.forEach((note, i) => {
    const docInFile = validation.documents.find((d) => d.index === note.document);
    const bodyDoc = body.documents[note.document - 1];
    const at = bodyDoc ? locatePath(bodyDoc, note.segments, body.lineCounter) : undefined;
    if (!docInFile || !bodyDoc || !at) {
      report.errors.push(`${file}:${note.line}: bad-annotation: the note's path ${formatPath(note.segments)} is not in document ${note.document} of this file`);
      return;
    }
    const apiDescription =
      docInFile.apiVersion && docInFile.kind ? describeField(lookup(docInFile.apiVersion, docInFile.kind), note.segments) : undefined;
    report.notes.push({
      n: i + 1,
      path: note.path,
      document: note.document,
      text: note.text,
      ...(apiDescription ? { apiDescription } : {}),
      line: at.line,
      column: at.column,
      endColumn: at.endColumn,
    });
  });
  return report;
}

export async function checkExampleFile(file: string, dir = examplesDir): Promise<ExampleReport> {
  if (!/^[\w./-]+\.ya?ml$/.test(file) || file.includes('..')) {
    return { file, notes: [], errors: [`${file}: bad-header: an example is named by its path under src/examples, e.g. "traffic/reviews-subsets.yaml"`], expected: [] };
  }
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    return { file, notes: [], errors: [`${file}: no such example under src/examples (files there: ${listExampleFiles(dir).slice(0, 8).join(', ')}...)`], expected: [] };
  }
  return checkExampleText(text, file);
}

/** Validates every example; returns the error lines (empty when all is well). */
export async function checkAllExamples(dir = examplesDir): Promise<{ files: number; errors: string[] }> {
  const files = listExampleFiles(dir);
  const errors: string[] = [];
  for (const f of files) errors.push(...(await checkExampleFile(f, dir)).errors);
  return { files: files.length, errors };
}
