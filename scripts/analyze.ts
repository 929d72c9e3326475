/**
 * npm run analyze -- [-o log|json] [--mesh-config FILE] [-n NAMESPACE | -A] [--with-kube-objects] FILE|DIR|-...
 *
 * Prints what `istioctl analyze --use-kube=false FILE...` of Istio 1.26 prints, from src/lib/istio/analyze.
 * Like istioctl it reports the `default` namespace unless -n or -A says otherwise, walks directories for
 * .json/.yaml/.yml files, and (without a cluster) ignores Services, Pods, Namespaces and Secrets in the files;
 * --with-kube-objects analyzes those too, as if they were live in a cluster. IST0106/IST0133 come from the
 * checker's webhook stage (src/lib/istio/check). Exit status: 0 when the analysis ran, findings or not; 1 when a file
 * cannot be read; 2 for bad arguments.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { analyzeFiles, formatMessage, MAX_FILE_BYTES, noIssuesLine, type AnalyzeOptions, type SourceFile } from '../src/lib/istio/analyze/index';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Args {
  format: 'log' | 'json';
  meshConfig?: string;
  namespace?: string;
  allNamespaces: boolean;
  withKubeObjects: boolean;
  paths: string[];
}

const usage = 'usage: npm run analyze -- [-o log|json] [--mesh-config FILE] [-n NAMESPACE | -A] [--with-kube-objects] FILE|DIR|-... (- reads standard input)';
const extensions = ['.json', '.yaml', '.yml'];

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { format: 'log', allNamespaces: false, withKubeObjects: false, paths: [] };
  const value = (flag: string, v: string | undefined) => {
    if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const next = () => inline ?? argv[++i];
    switch (flag) {
      case '-o':
      case '--output': {
        const f = value(flag, next()).toLowerCase();
        if (f !== 'log' && f !== 'json') throw new UsageError(`${f} not a valid option for format (use log or json)`);
        args.format = f;
        break;
      }
      case '--mesh-config':
      case '--meshConfigFile':
        args.meshConfig = value(flag, next());
        break;
      case '-n':
      case '--namespace':
        args.namespace = value(flag, next());
        break;
      case '-A':
      case '--all-namespaces':
        args.allNamespaces = true;
        break;
      case '--with-kube-objects':
        args.withKubeObjects = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown flag ${a}`);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no file to analyze');
  if (args.namespace !== undefined && args.allNamespaces) throw new UsageError('-n and -A cannot be used together');
  return args;
}

/** Files to read, directories walked as istioctl walks them; other extensions are skipped with a note. */
function gatherFiles(paths: readonly string[], io: Io): string[] {
  const out: string[] = [];
  const skip = (f: string) => io.err(`Skipping file ${f}, recognized file extensions are: [${extensions.join(' ')}]`);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (extensions.includes(extname(full))) out.push(full);
      else skip(full);
    }
  };
  for (const p of paths) {
    const st = statSync(p); // throws a clear ENOENT error for a missing path
    if (st.isDirectory()) walk(p);
    else if (extensions.includes(extname(p))) out.push(p);
    else skip(p);
  }
  return out;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`Error: ${e.message}\n${usage}`);
    return 2;
  }
  const files: SourceFile[] = [];
  let meshConfig: unknown;
  try {
    if (args.paths.includes('-')) files.push({ name: '-', text: readFileSync(0, 'utf8') });
    for (const name of gatherFiles(args.paths.filter((p) => p !== '-'), io)) {
      if (statSync(name).size > MAX_FILE_BYTES) {
        io.err(`Error: ${name}: file is ${(statSync(name).size / 1024 / 1024).toFixed(1)} MB; the analyzer reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB`);
        return 1;
      }
      files.push({ name, text: readFileSync(name, 'utf8') });
    }
    if (args.meshConfig) meshConfig = parse(readFileSync(args.meshConfig, 'utf8'));
  } catch (e) {
    io.err(`Error: ${(e as Error).message}`);
    return 1;
  }
  const options: AnalyzeOptions = {
    meshConfig,
    allNamespaces: args.allNamespaces,
    runtimeResources: args.withKubeObjects,
    ...(args.namespace ? { namespace: args.namespace } : {}),
  };
  const { messages, errors } = analyzeFiles(files, options);
  if (errors.length > 0) io.err(`Error(s) adding files:\n${errors.map((e) => `\t* ${e.file}:${e.line}: ${e.message}`).join('\n')}`);
  if (args.format === 'json') {
    io.out(JSON.stringify(messages.map(({ code, level, resource, message, file, line }) => ({ code, level, resource, message, file, line })), null, 2));
    return 0;
  }
  io.out(messages.map(formatMessage).join('\n'));
  const target = args.allNamespaces ? 'all namespaces' : `namespace: ${args.namespace ?? 'default'}`;
  // istioctl's failure threshold is Error: it then ends with this on stderr (AnalyzerFoundIssuesError in
  // istioctl/pkg/analyze/analyze.go; the address is url.ConfigAnalysis for 1.26). We still exit 0: it ran.
  if (messages.some((m) => m.level === 'Error')) {
    io.err(`Error: Analyzers found issues when analyzing ${target}.\nSee https://istio.io/v1.26/docs/reference/config/analysis for more information about causes and resolutions.`);
  }
  if (messages.length === 0) {
    const unreadable = new Set(errors.map((e) => e.file)).size;
    if (unreadable === 0) io.err(noIssuesLine(files.map((f) => f.name), target));
    else io.err(`No validation issues found when analyzing ${target} (but ${unreadable} ${unreadable === 1 ? 'file' : 'files'} could not be parsed).`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };
  main(process.argv.slice(2), io).then((code) => (process.exitCode = code));
}
