/**
 * Field paths (`spec.http[0].match[0].headers.end-user`): formatting and parsing. No YAML dependency, so the
 * browser-side engine can use it without pulling in the parser.
 */
export type PathSegment = string | number;

const plainKey = /^[A-Za-z0-9_\-/:$@*]+$/;

/** `['spec', 'http', 0, 'headers', 'x.y']` → `spec.http[0].headers["x.y"]` */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (plainKey.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Parses a path written by {@link formatPath}; throws with the position of the first bad character. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Bad field path "${path}" at character ${i + 1}: ${why}`);
  };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      if (i === 0 || !/[A-Za-z0-9_\-/:$@*]/.test(path[i + 1] ?? '')) fail('a dot must stand between two names');
      i++;
      continue;
    }
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail('"[" is never closed');
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (/^".*"$/.test(inner)) out.push(JSON.parse(inner) as string);
      else fail('expected a list index like [0] or a quoted key like ["a.b"]');
      i = close + 1;
      continue;
    }
    const m = /^[A-Za-z0-9_\-/:$@*]+/.exec(path.slice(i));
    if (!m) fail(`unexpected "${ch}"`);
    out.push(m![0]);
    i += m![0].length;
  }
  if (out.length === 0) fail('the path is empty');
  return out;
}
