import { describe, expect, it } from 'vitest';
import { scenarios } from '../../../src/components/sim/request-path/hops';
import { computeRequestPath, type RequestPathFields } from '../../../src/components/sim/request-path/model';
import { toHtml, type Child, type VNode } from '../../../src/components/sim/kit/vnode';

const at = (mode: string, waypoint: string, hop: string): RequestPathFields => ({ mode, waypoint, hop });
const view = (f: RequestPathFields) => {
  const r = computeRequestPath(f);
  if (!r.ok) throw new Error(r.message);
  return r;
};

/** Every element of a view tree under `node`, depth first. */
function elements(node: Child): VNode[] {
  if (!node || typeof node !== 'object') return [];
  return [node, ...node.children.flatMap(elements)];
}
const byAttr = (root: VNode, name: string, value: string) => elements(root).find((n) => n.attrs[name] === value)!;
/** The `data-part`s lit (class is-current) inside one figure. */
const lit = (root: VNode, figure: 'sidecar' | 'ambient') =>
  elements(byAttr(root, 'data-mode-figure', figure))
    .filter((n) => String(n.attrs['class'] ?? '').split(' ').includes('is-current'))
    .map((n) => n.attrs['data-part']);
const parts = (root: VNode, figure: 'sidecar' | 'ambient') => new Set(elements(byAttr(root, 'data-mode-figure', figure)).map((n) => n.attrs['data-part']).filter(Boolean));

describe('request path stepper model', () => {
  it('each scenario has its number of hops: sidecar 6, ambient 6, ambient with a waypoint 7', () => {
    expect(view(at('sidecar', 'false', '1')).count).toBe(6);
    expect(view(at('ambient', 'false', '1')).count).toBe(6);
    expect(view(at('ambient', 'true', '1')).count).toBe(7);
    // The waypoint setting only matters in ambient mode.
    expect(view(at('sidecar', 'true', '1')).scenario).toBe('sidecar');
  });
  it('hop 3 in sidecar mode lights the client sidecar only, and says so', () => {
    const r = view(at('sidecar', 'false', '3'));
    expect(lit(r.view, 'sidecar')).toEqual(['sidecar-a']);
    expect(lit(r.view, 'ambient')).toEqual([]);
    expect(r.verdict).toBe(`Hop 3 of 6, Sidecar mode: Client sidecar: routing and client policies. ${scenarios.sidecar[2]!.text}`);
  });
  it('hop 3 with a waypoint lights the source ztunnel and the tunnel to the waypoint; hop 4 the waypoint', () => {
    expect(lit(view(at('ambient', 'true', '3')).view, 'ambient')).toEqual(['ztunnel-a', 'to-waypoint']);
    const r = view(at('ambient', 'true', '4'));
    expect(lit(r.view, 'ambient')).toEqual(['waypoint']);
    expect(r.verdict).toMatch(/^Hop 4 of 7, Ambient mode with a waypoint: Waypoint \(L7, for the destination\)\./);
  });
  it('every hop lights exactly the parts hops.ts names, each of which exists in its figure', () => {
    for (const [mode, waypoint, scenario, figure] of [['sidecar', 'false', 'sidecar', 'sidecar'], ['ambient', 'false', 'ambient', 'ambient'], ['ambient', 'true', 'waypoint', 'ambient']] as const) {
      scenarios[scenario].forEach((step, i) => {
        const root = view(at(mode, waypoint, String(i + 1))).view;
        for (const part of step.parts) expect(parts(root, figure), `${scenario} hop ${i + 1}: ${part}`).toContain(part);
        expect(new Set(lit(root, figure))).toEqual(new Set(step.parts));
      });
    }
  });
  it('all three hop lists are in every view, with exactly the current hop marked aria-current="step"', () => {
    const root = view(at('ambient', 'false', '5')).view;
    const lists = elements(root).filter((n) => n.tag === 'section');
    expect(lists.map((s) => s.attrs['data-scenario'])).toEqual(['sidecar', 'ambient', 'waypoint']);
    expect(lists.map((s) => elements(s).filter((n) => n.tag === 'li').length)).toEqual([6, 6, 7]);
    const current = elements(root).filter((n) => n.attrs['aria-current'] === 'step');
    expect(current).toHaveLength(1);
    expect(toHtml(current[0]!)).toContain('ztunnel on node 2 (L4 policy).');
    expect(byAttr(root, 'data-scenario', 'ambient').attrs['class']).toBe('rp-steps is-active');
    expect(byAttr(root, 'data-mode-figure', 'ambient').attrs['class']).toBe('rp-figure is-active');
  });
  it('a hop number outside the scenario is clamped to its first or last hop', () => {
    expect(view(at('sidecar', 'false', '0')).hop).toBe(1);
    expect(view(at('sidecar', 'false', '-4')).hop).toBe(1);
    expect(view(at('sidecar', 'false', '99')).hop).toBe(6);
    expect(view(at('ambient', 'false', '7')).hop).toBe(6);
    expect(view(at('ambient', 'true', ' 7 ')).hop).toBe(7);
  });
  it('a malformed hop, mode or waypoint value is a message on its field, not a crash', () => {
    for (const hop of ['', 'two', '1.5', '1e3', '9'.repeat(1000), '<b>1</b>']) {
      const r = computeRequestPath(at('sidecar', 'false', hop));
      expect(r.ok, JSON.stringify(hop.slice(0, 10))).toBe(false);
      if (!r.ok) {
        expect(r.diagnostic.source.input).toBe('hop');
        expect(r.message).toMatch(/is not a hop number: the hops are numbered 1 to 6/);
        expect(r.message.length).toBeLessThan(200);
      }
    }
    const mode = computeRequestPath(at('__proto__', 'false', '1'));
    expect(!mode.ok && mode.diagnostic.source.input).toBe('mode');
    const waypoint = computeRequestPath(at('ambient', 'yes', '1'));
    expect(!waypoint.ok && waypoint.diagnostic.source.input).toBe('waypoint');
  });
  it('the view renders escaped: apostrophes as entities, the figures as SVG, no raw markup from the text', () => {
    const html = toHtml(view(at('sidecar', 'false', '1')).view);
    expect(html).toContain('the pod&#39;s network namespace');
    expect(html).toContain('<svg viewBox="0 0 680 250" aria-hidden="true" focusable="false"');
    expect(html).toContain('marker-end="url(#rp-arrow-a)"');
    expect(html).not.toMatch(/<(script|img|iframe)/);
  });
});
