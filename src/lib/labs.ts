/**
 * Labs: titles for lists, and the commands of a lab page read from its MDX source with the output each step
 * shows, so tests can check that an output agrees with its step (src/lib/commands/lab-outputs.ts).
 */

/** A lab's title without its "Lab: " prefix, capitalised, for lists that already say they list labs. */
export function labShortTitle(title: string): string {
  const t = title.replace(/^Lab: /, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A step's `output` prop as the reader sees it: one string, or an array of lines (a multi-line output). */
export const stepOutputText = (output: string | readonly string[]): string => (typeof output === 'string' ? output : output.join('\n'));

/** One <Command> on a lab page, with the prose around it. */
export interface LabCommand {
  id: string;
  /** The placeholder values of `with={{ ... }}`. */
  values: Record<string, string>;
  /** The output the step shows, lines joined; undefined when it shows none. */
  output: string | undefined;
  /** 1-based line of the tag in the MDX file. */
  line: number;
  /** The step's own prose (numbered list item or section) without tags and outputs. */
  stepText: string;
  /** Prose between the previous command (or the step's start) and this command. */
  before: string;
  /** Prose between this command and the next command (or the step's end). */
  after: string;
}

const COMMAND_TAG = /<Command\b((?:[^>"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*?)\/>/g;
const STRING_LITERAL = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
/** A step starts at a numbered list item at the top level of <Steps> or at a heading. */
const STEP_START = /^(?: {0,3}\d+\. |#{2,4} |<\/?Steps>)/;

function parseValues(attrs: string): Record<string, string> {
  const withBlock = /\bwith=\{\{([\s\S]*?)\}\}/.exec(attrs)?.[1] ?? '';
  const values: Record<string, string> = {};
  for (const m of withBlock.matchAll(/([A-Za-z][\w-]*|'[^']*'|"[^"]*")\s*:\s*(['"])(.*?)\2/g)) {
    values[m[1]!.replace(/^['"]|['"]$/g, '')] = m[3]!;
  }
  return values;
}

function parseOutput(attrs: string): string | undefined {
  const lines = /\boutput=\{\[([\s\S]*?)\]\}/.exec(attrs);
  if (lines) return [...(lines[1] ?? '').matchAll(STRING_LITERAL)].map((m) => unescape(m[1] ?? m[2] ?? '')).join('\n');
  const quoted = /\boutput=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/.exec(attrs);
  return quoted ? unescape(quoted[1] ?? quoted[2] ?? '') : undefined;
}

/** Prose without JSX tags, imports and front matter, for looking up what a step states. */
const prose = (s: string) => s.replace(/<[A-Z][\s\S]*?\/>/g, ' ').replace(/<\/?[A-Za-z][^>]*>/g, ' ');

/** Every <Command> of a lab's MDX source, with its step's prose. */
export function labCommands(mdx: string): LabCommand[] {
  const tags = [...mdx.matchAll(COMMAND_TAG)].map((m) => ({ attrs: m[1] ?? '', start: m.index, end: m.index + m[0].length }));
  // Step boundaries as character offsets.
  const bounds: number[] = [0];
  let offset = 0;
  for (const line of mdx.split('\n')) {
    if (STEP_START.test(line)) bounds.push(offset);
    offset += line.length + 1;
  }
  bounds.push(mdx.length);
  const stepOf = (pos: number) => {
    let i = 0;
    while (i + 1 < bounds.length && bounds[i + 1]! <= pos) i++;
    return { start: bounds[i]!, end: bounds[i + 1] ?? mdx.length };
  };
  return tags.map((t, i) => {
    const step = stepOf(t.start);
    const prev = tags[i - 1];
    const next = tags[i + 1];
    const beforeStart = prev && prev.end > step.start ? prev.end : step.start;
    const afterEnd = next && next.start < step.end ? next.start : step.end;
    return {
      id: /\bid=["']([^"']+)["']/.exec(t.attrs)?.[1] ?? '',
      values: parseValues(t.attrs),
      output: parseOutput(t.attrs),
      line: mdx.slice(0, t.start).split('\n').length,
      stepText: prose(mdx.slice(step.start, step.end)),
      before: prose(mdx.slice(beforeStart, t.start)),
      after: prose(mdx.slice(t.end, afterEnd)),
    };
  });
}
