/** The test data every task needs: other correct forms and typical mistakes with the probes they break. */
export interface TaskCases {
  alternatives: string[];
  mistakes: { why: string; answer: string; breaks: string[] }[];
}

export type CaseBuilder = (solution: string) => TaskCases;

/** Applies text replacements to a solution; each `from` must occur (so a stale case fails loudly). */
export function edit(text: string, ...pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`case edit: "${from}" not found in\n${out}`);
    out = out.replace(from, to);
  }
  return out;
}
