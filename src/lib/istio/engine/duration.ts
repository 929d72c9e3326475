/** Durations as Istio writes them (`10s`, `0.5s`, `1m30s`, `250ms`, `1h`). */

const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, 'µs': 0.001, ns: 0.000001 };

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  const re = /(\d+(?:\.\d+)?|\.\d+)(ms|us|µs|ns|h|m|s)/gy;
  let total = 0;
  let pos = 0;
  re.lastIndex = 0;
  while (pos < t.length) {
    re.lastIndex = pos;
    const m = re.exec(t);
    if (!m) return undefined;
    total += Number(m[1]) * (units[m[2]!] ?? 0);
    pos = re.lastIndex;
  }
  return pos === 0 ? undefined : total;
}

export function formatMs(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  if (ms > 1000) return `${(ms / 1000).toFixed(3).replace(/0+$/, '')}s`;
  return `${ms}ms`;
}
