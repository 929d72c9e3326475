/** Kubernetes equality label selectors (k8s.io/apimachinery labels.SelectorFromSet) as the analyzers use them. */
export type Labels = ReadonlyMap<string, string>;

export function toLabels(v: unknown): Map<string, string> {
  const m = new Map<string, string>();
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    for (const [k, val] of Object.entries(v)) m.set(k, val === null || val === undefined ? '' : String(val));
  }
  return m;
}

/** `a=1,b=2`, keys sorted; '' for an empty selector. */
export function selectorString(selector: Labels): string {
  return [...selector.keys()]
    .sort()
    .map((k) => `${k}=${selector.get(k)}`)
    .join(',');
}

/** Every selector key present with the same value (an empty selector matches everything). */
export function selectorMatches(selector: Labels, labels: Labels): boolean {
  for (const [k, v] of selector) if (labels.get(k) !== v) return false;
  return true;
}

/** The label name of a selector string's first term (`istio=ingressgateway` → `istio`). */
export function firstLabel(selector: string): string {
  const eq = selector.indexOf('=');
  return eq < 0 ? '' : selector.slice(0, eq);
}
