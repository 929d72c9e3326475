/**
 * The example library: every manifest the site shows is a file under src/examples/. This module (Node
 * only, build time) reads a file, checks it with the checker (src/lib/istio/check), checks its annotations
 * and its `@expect-invalid` header, and prepares what <IstioYaml> renders.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExampleHeaderError, parseExampleFile, type ExampleFile } from '../yaml/example-file';
import { formatPath, locatePath, parseYaml, type PathSegment } from '../yaml/paths';
import { checkManifests, formatDiagnostic, type CheckedDocument, type CheckResult, type Diagnostic } from './check';
import { fieldDescriptions } from './check/field-descriptions.gen';
import { istioOperatorDescriptions } from './istio-operator';

export const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));

export interface ResolvedNote {
  n: number;
  path: string;
  document: number;
  text: string;
  /** The API's description of the field, when the CRD has one. */
  apiDescription?: string;
  /** 1-based line and columns of the key in the shown body. */
  line: number;
  column: number;
  endColumn: number;
}

/** A finding on an example: the checker's diagnostics, and the cross-document subset check below. */
export type ExampleFinding = Pick<Diagnostic, 'code' | 'path' | 'line' | 'column' | 'message' | 'severity'> & { code: Diagnostic['code'] | 'undefined-subset'; document: number };

export interface ExampleReport {
  /** Path relative to src/examples, with forward slashes. */
  file: string;
  header?: ExampleFile;
  validation?: CheckResult;
  notes: ResolvedNote[];
  /** Problems that make the file fail (unexpected findings and annotation problems). */
  errors: string[];
  /** Findings the header says are intended. */
  expected: ExampleFinding[];
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

/** The API's description of the field at a path of a kind (`spec.http[0].route` → `spec.http[].route`). */
export function describeField(kind: string, segments: readonly PathSegment[]): string | undefined {
  if (kind === 'IstioOperator') return istioOperatorDescriptions[formatKey(segments, istioOperatorDescriptions)];
  const table = Object.hasOwn(fieldDescriptions, kind) ? fieldDescriptions[kind]! : undefined;
  return table ? table[formatKey(segments, table)] : undefined;
}

/** The description key of a path: list indices become `[]`, a key of a free map becomes `{}`. */
function formatKey(segments: readonly PathSegment[], table: Record<string, string>): string {
  const keys = Object.keys(table);
  let acc = '';
  for (const s of segments) {
    if (typeof s === 'number') acc += '[]';
    else {
      const named = acc ? `${acc}.${s}` : s;
      acc = keys.some((k) => k === named || k.startsWith(`${named}.`) || k.startsWith(`${named}[`) || k.startsWith(`${named}{`)) ? named : `${acc}{}`;
    }
  }
  return acc;
}

/**
 * Across documents of one file: a route to a subset that the file's DestinationRule for that host does not
 * define (what `istioctl analyze` reports as IST0101; the API server accepts it).
 */
function undefinedSubsets(check: CheckResult, text: string): ExampleFinding[] {
  const out: ExampleFinding[] = [];
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const specOf = (d: CheckedDocument) => (isRecord(d.value) && isRecord(d.value.spec) ? d.value.spec : undefined);
  const subsetsByHost = new Map<string, Set<string>>();
  for (const d of check.documents) {
    const spec = specOf(d);
    if (d.kind !== 'DestinationRule' || typeof spec?.host !== 'string') continue;
    const names = (Array.isArray(spec.subsets) ? spec.subsets : []).filter(isRecord).map((s) => String(s.name));
    const key = shortHost(spec.host, d.namespace);
    subsetsByHost.set(key, new Set([...(subsetsByHost.get(key) ?? []), ...names]));
  }
  const parsed = parseYaml(text);
  for (const d of check.documents) {
    const spec = specOf(d);
    if (d.kind !== 'VirtualService' || !spec) continue;
    for (const section of ['http', 'tls', 'tcp'] as const) {
      const rules = Array.isArray(spec[section]) ? (spec[section] as unknown[]) : [];
      rules.forEach((rule, r) => {
        const routes = isRecord(rule) && Array.isArray(rule.route) ? rule.route : [];
        routes.forEach((dest: unknown, k: number) => {
          if (!isRecord(dest) || !isRecord(dest.destination)) return;
          const { host, subset } = dest.destination;
          if (typeof host !== 'string' || typeof subset !== 'string') return;
          const defined = subsetsByHost.get(shortHost(host, d.namespace));
          if (!defined || defined.has(subset)) return;
          const segments: PathSegment[] = ['spec', section, r, 'route', k, 'destination', 'subset'];
          const doc = parsed.documents[d.index];
          const at = (doc && locatePath(doc, segments, parsed.lineCounter)) ?? { line: d.line, column: 1 };
          out.push({
            severity: 'error',
            code: 'undefined-subset',
            document: d.index + 1,
            path: formatPath(segments),
            line: at.line,
            column: at.column,
            message: `subset "${subset}" is not defined by the DestinationRule for ${host} in this file (it defines: ${[...defined].join(', ') || 'none'}); Envoy would answer 503 NC`,
          });
        });
      });
    }
  }
  return out;
}

/** `reviews`, `reviews.prod`, `reviews.prod.svc.cluster.local` → one key per service. */
function shortHost(host: string, namespace = 'default'): string {
  const parts = host.split('.');
  if (host.endsWith('.svc.cluster.local')) return `${parts[0]}.${parts[1]}`;
  if (parts.length === 1) return `${host}.${namespace}`;
  return host;
}

export function checkExampleText(text: string, file: string): ExampleReport {
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
  const validation = checkManifests(text, { fileName: file });
  report.validation = validation;
  const findings: Array<{ finding: ExampleFinding; shown: string }> = [
    ...validation.diagnostics.map((d) => ({ finding: { ...d, document: d.source.index + 1 }, shown: formatDiagnostic(d) })),
    ...undefinedSubsets(validation, text).map((f) => ({ finding: f, shown: `${file}:${f.line}:${f.column}: error ${f.code} at ${f.path}: ${f.message}` })),
  ];

  const expect = header.expectInvalid;
  // Warnings (istiod's `Warning:` lines, experimental Gateway API fields) do not stop kubectl apply.
  for (const { finding, shown } of findings.filter(({ finding: f }) => f.severity === 'error')) {
    const intended = expect && finding.code === expect.code && (!expect.path || finding.path === expect.path) && finding.document === expect.document;
    if (intended) report.expected.push(finding);
    else report.errors.push(shown);
  }
  if (expect && report.expected.length === 0) {
    const got = findings.map(({ finding: f }) => `${f.code} at ${f.path || '(document)'}`).join('; ') || 'no problem at all';
    report.errors.push(
      `${file}:${expect.line}: not-rejected: the header expects "${expect.code}${expect.path ? ` at ${expect.path}` : ''}" in document ${expect.document}, but the checker found ${got}`,
    );
  }

  // Notes: the path must exist; positions are computed in the shown body.
  const body = parseYaml(header.body);
  header.notes.forEach((note, i) => {
    const docInFile = validation.documents.find((d) => d.index === note.document - 1);
    const bodyDoc = body.documents[note.document - 1];
    const at = bodyDoc ? locatePath(bodyDoc, note.segments, body.lineCounter) : undefined;
    if (!docInFile || !bodyDoc || !at) {
      report.errors.push(`${file}:${note.line}: bad-annotation: the note's path ${formatPath(note.segments)} is not in document ${note.document} of this file`);
      return;
    }
    const apiDescription = docInFile.kind ? describeField(docInFile.kind, note.segments) : undefined;
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

export function checkExampleFile(file: string, dir = examplesDir): ExampleReport {
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

/** Checks every example; returns the error lines (empty when all is well). */
export function checkAllExamples(dir = examplesDir): { files: number; errors: string[] } {
  const files = listExampleFiles(dir);
  const errors: string[] = [];
  for (const f of files) errors.push(...checkExampleFile(f, dir).errors);
  return { files: files.length, errors };
}
