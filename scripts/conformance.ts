/**
 * npm run conformance -- <folder>: runs the analyzer over case folders in the format of Istio's own analyzer
 * tests (each folder: case.yaml naming the input files, an optional mesh config, and the expected messages as
 * {code, resource}) and prints matched / missed / extra per case and in total. A report, not a test.
 *
 * Comparison rules (as the cases' README states them): expected messages are a set of (code, resource);
 * `Kind name` equals `Kind default/name`; messages outside the case's `scope` codes, and IST0101 messages
 * whose reference type is outside `scopeRefTypes`, are ignored. Files are analyzed as Istio's test harness
 * does (every kind, every namespace, the default ingress gateway added), except that objects without a
 * namespace are put in `default` as istioctl puts them: the harness runs one analyzer at a time, this runs
 * all of them, and an empty namespace would make the others report what no istioctl user sees.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { analyzeFiles, type AnalysisMessage } from '../src/lib/istio/analyze/index';

interface Case {
  id?: string;
  name?: string;
  inputFiles: string[];
  meshConfigFile?: string | null;
  expected?: { code: string; resource: string }[] | null;
  scope?: string[];
  scopeRefTypes?: string[] | null;
}

export interface CaseResult {
  folder: string;
  expected: number;
  matched: string[];
  missed: string[];
  extra: string[];
}

/** `Kind name` and `Kind default/name` name the same object. */
export function normalizeResource(resource: string): string {
  const space = resource.indexOf(' ');
  const rest = resource.slice(space + 1);
  return rest.includes('/') ? resource : `${resource.slice(0, space)} default/${rest}`;
}

const refType = (m: AnalysisMessage) => /^Referenced (.*) not found: /.exec(m.message)?.[1];

export function runCase(folder: string): CaseResult {
  const spec = parse(readFileSync(join(folder, 'case.yaml'), 'utf8')) as Case;
  const files = spec.inputFiles.map((f) => ({ name: f, text: readFileSync(join(folder, f), 'utf8') }));
  const meshConfig = spec.meshConfigFile ? parse(readFileSync(join(folder, spec.meshConfigFile), 'utf8')) : undefined;
  const { messages } = analyzeFiles(files, { meshConfig, namespace: 'default', allNamespaces: true, runtimeResources: true });
  const scope = new Set(spec.scope ?? []);
  const refTypes = spec.scopeRefTypes ? new Set(spec.scopeRefTypes) : undefined;
  const got = new Set(
    messages
      .filter((m) => scope.size === 0 || scope.has(m.code))
      .filter((m) => m.code !== 'IST0101' || !refTypes || refTypes.has(refType(m) ?? ''))
      .map((m) => `${m.code} ${normalizeResource(m.resource)}`),
  );
  const want = new Set((spec.expected ?? []).map((e) => `${e.code} ${normalizeResource(e.resource)}`));
  return {
    folder,
    expected: want.size,
    matched: [...want].filter((w) => got.has(w)),
    missed: [...want].filter((w) => !got.has(w)),
    extra: [...got].filter((g) => !want.has(g)),
  };
}

function main(argv: string[]): number {
  const root = argv[0];
  if (!root || !existsSync(root) || !statSync(root).isDirectory()) {
    console.error('usage: npm run conformance -- <folder of case folders>');
    return 2;
  }
  const folders = readdirSync(root)
    .map((d) => join(root, d))
    .filter((d) => existsSync(join(d, 'case.yaml')))
    .sort();
  let expected = 0;
  let matched = 0;
  let extra = 0;
  let cleanCases = 0;
  let cleanPassed = 0;
  for (const folder of folders) {
    const r = runCase(folder);
    expected += r.expected;
    matched += r.matched.length;
    extra += r.extra.length;
    if (r.expected === 0) {
      cleanCases++;
      if (r.extra.length === 0) cleanPassed++;
    }
    const ok = r.missed.length === 0 && r.extra.length === 0;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${folder.split(/[\\/]/).pop()}: matched ${r.matched.length}/${r.expected}, missed ${r.missed.length}, extra ${r.extra.length}`);
    for (const m of r.missed) console.log(`       missed ${m}`);
    for (const m of r.extra) console.log(`       extra  ${m}`);
  }
  const pct = expected === 0 ? 100 : (100 * matched) / expected;
  console.log(
    `\n${folders.length} cases: matched ${matched}/${expected} expected messages (${pct.toFixed(1)}%), extra ${extra}; ` +
      `cases expecting none: ${cleanPassed}/${cleanCases} clean`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
