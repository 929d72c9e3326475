/**
 * An example file is YAML with a header of `# @directive` comment lines:
 *
 *   # @title Send user jason to v2, everyone else to v1
 *   # @note spec.http[0].match[0].headers.end-user
 *   #   Only requests whose end-user header is exactly "jason" match this block.
 *   # @note 2 spec.subsets[0]
 *   #   A note on the second document (documents are numbered from 1).
 *   # @expect-invalid undefined-subset spec.http[0].route[0].destination.subset
 *   #   Subset v3 is not defined by the DestinationRule.
 *
 * Continuation lines start with `#` and at least two spaces. The header is not shown on the site; the
 * rest of the file is, exactly as written.
 */
import { parsePath, type PathSegment } from './paths';

export interface ExampleNote {
  /** 1-based document number. */
  document: number;
  path: string;
  segments: PathSegment[];
  text: string;
  /** 1-based line of the `@note` directive in the file. */
  line: number;
}

export interface ExpectInvalid {
  code: string;
  path?: string;
  reason: string;
  document: number;
  line: number;
}

export interface ExampleFile {
  title?: string;
  notes: ExampleNote[];
  expectInvalid?: ExpectInvalid;
  /** What the site shows: the file without its header. */
  body: string;
  /** Lines removed before the body (header and the blank lines after it). */
  bodyLineOffset: number;
}

export class ExampleHeaderError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExampleHeaderError';
  }
}

const directives = new Set(['title', 'note', 'expect-invalid']);

export function parseExampleFile(text: string): ExampleFile {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const result: ExampleFile = { notes: [], body: '', bodyLineOffset: 0 };
  let i = 0;
  let current: { kind: 'title' | 'note' | 'expect-invalid'; parts: string[]; line: number; head: string } | undefined;

  const finish = () => {
    if (!current) return;
    const text = current.parts.join(' ').replace(/\s+/g, ' ').trim();
    if (current.kind === 'title') {
      if (!text) throw new ExampleHeaderError(current.line, '@title needs a text');
      if (result.title) throw new ExampleHeaderError(current.line, 'only one @title is allowed');
      result.title = text;
    } else {
      if (current.kind === 'note') {
        const nm = /^(?:(\d+)\s+)?(\S+)(?:\s+(.*))?$/.exec(current.head.trim());
        if (!nm) throw new ExampleHeaderError(current.line, '@note needs a field path, e.g. "@note spec.hosts[0]"');
        const text = [nm[3] ?? '', ...current.parts].join(' ').replace(/\s+/g, ' ').trim();
        if (!text) throw new ExampleHeaderError(current.line, `@note ${nm[2]} has no text`);
        let segments: PathSegment[];
        try {
          segments = parsePath(nm[2]!);
        } catch (e) {
          throw new ExampleHeaderError(current.line, (e as Error).message);
        }
        result.notes.push({ document: Number(nm[1] ?? 1), path: nm[2]!, segments, text, line: current.line });
      } else {
        const m = /^(?:(\d+)\s+)?(\S+)(?:\s+(\S+))?$/.exec(current.head.trim());
        if (!m) throw new ExampleHeaderError(current.line, '@expect-invalid needs a problem code, e.g. "@expect-invalid unknown-field spec.mach"');
        if (result.expectInvalid) throw new ExampleHeaderError(current.line, 'only one @expect-invalid is allowed');
        if (!text) throw new ExampleHeaderError(current.line, '@expect-invalid needs a reason a learner can read');
        result.expectInvalid = {
          document: Number(m[1] ?? 1),
          code: m[2]!,
          ...(m[3] ? { path: m[3] } : {}),
          reason: text,
          line: current.line,
        };
      }
    }
    current = undefined;
  };

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const directive = /^#\s*@([a-z-]+)\s*(.*)$/.exec(line);
    if (directive) {
      finish();
      const name = directive[1]!;
      if (!directives.has(name)) throw new ExampleHeaderError(i + 1, `unknown directive @${name} (known: @title, @note, @expect-invalid)`);
      const rest = directive[2] ?? '';
      if (name === 'title') current = { kind: 'title', parts: [rest], line: i + 1, head: '' };
      else current = { kind: name as 'note' | 'expect-invalid', parts: [], line: i + 1, head: rest };
      continue;
    }
    const continuation = /^#\s{2,}(.*)$/.exec(line);
    if (continuation && current) {
      current.parts.push(continuation[1]!);
      continue;
    }
    if (/^#/.test(line) && current === undefined && result.notes.length === 0 && !result.title && !result.expectInvalid) {
      // A plain comment before any directive belongs to the body (e.g. a licence line or a real comment).
      break;
    }
    if (/^#\s*$/.test(line) && current) continue;
    break;
  }
  finish();
  // Skip blank lines between the header and the body.
  const headerEnd = i;
  while (i < lines.length && lines[i]!.trim() === '' && headerEnd > 0) i++;
  result.bodyLineOffset = i;
  result.body = lines.slice(i).join('\n').replace(/\n+$/, '\n');
  return result;
}
