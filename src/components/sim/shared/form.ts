/** Small parsers for the simulators' text fields; each returns a message naming the field and line. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `name: value` per line (HTTP headers). Blank lines are skipped. */
export function parseHeaderLines(text: string, label = 'Headers'): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, message: `${label}, line ${i + 1}: write one header per line as name: value` };
    const name = line.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { ok: false, message: `${label}, line ${i + 1}: "${name.slice(0, 40)}" is not a valid header name` };
    out[name.toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { ok: true, value: out };
}

/** `app=web, version=v1` → labels. */
export function parseLabels(text: string, label = 'Labels'): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq <= 0) return { ok: false, message: `${label}: write labels as key=value, separated by commas ("${p.slice(0, 40)}")` };
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return { ok: true, value: out };
}

export function parsePort(text: string, label = 'Port'): Parsed<number | undefined> {
  const t = text.trim();
  if (!t) return { ok: true, value: undefined };
  if (!/^\d{1,5}$/.test(t) || Number(t) < 1 || Number(t) > 65535) return { ok: false, message: `${label}: enter a port number between 1 and 65535` };
  return { ok: true, value: Number(t) };
}

/** Percent with one decimal, e.g. 0.8 → "80%", 1/3 → "33.3%". */
export function pct(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return `${v}%`;
}
