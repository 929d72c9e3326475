/**
 * Request path stepper: data-plane mode, waypoint and hop number → both figures with the current hop's
 * parts lit, the three hop lists with the current hop marked (`aria-current="step"`), and the hop's
 * explanation as the verdict. Every scenario stays in the view: without JavaScript the page shows them all
 * (sim.css hides the other scenarios once the script runs).
 */
import { fieldProblem, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';
import { ambientFigure, sidecarFigure } from './figures';
import { scenarioLabels, scenarios, type Scenario } from './hops';

export interface RequestPathFields {
  /** 'sidecar' or 'ambient'. */
  mode: string;
  /** 'true' when B's service uses a waypoint (ambient mode only). */
  waypoint: string;
  /** The hop shown, counted from 1; a number outside the scenario's hops is clamped to them. */
  hop: string;
}

export type RequestPathOutcome = { ok: true; view: VNode; verdict: string; scenario: Scenario; hop: number; count: number } | Problem;

/** The scenarios in the order the page lists them. */
export const scenarioOrder: readonly Scenario[] = ['sidecar', 'ambient', 'waypoint'];

export function computeRequestPath(f: RequestPathFields): RequestPathOutcome {
  if (f.mode !== 'sidecar' && f.mode !== 'ambient') return fieldProblem('mode', 'Data plane mode', 'choose Sidecar or Ambient.');
  if (f.waypoint !== 'true' && f.waypoint !== 'false') return fieldProblem('waypoint', 'Waypoint', 'is either on or off.');
  const scenario: Scenario = f.mode === 'sidecar' ? 'sidecar' : f.waypoint === 'true' ? 'waypoint' : 'ambient';
  const hops = scenarios[scenario];
  const raw = f.hop.trim();
  if (!/^[-+]?\d{1,6}$/.test(raw)) return fieldProblem('hop', 'Hop', `"${raw.slice(0, 40)}" is not a hop number: the hops are numbered 1 to ${hops.length}.`);
  const hop = Math.min(Math.max(Number(raw), 1), hops.length);
  const current = hops[hop - 1]!;
  const verdict = `Hop ${hop} of ${hops.length}, ${scenarioLabels[scenario]}: ${current.title}. ${current.text}`;
  return { ok: true, view: requestPathView(scenario, hop), verdict, scenario, hop, count: hops.length };
}

function requestPathView(scenario: Scenario, hop: number): VNode {
  const lit = new Set(scenarios[scenario][hop - 1]!.parts);
  const none = new Set<string>();
  const figure = scenario === 'sidecar' ? 'sidecar' : 'ambient';
  const active = (base: string, yes: boolean) => (yes ? `${base} is-active` : base);
  return h(
    'div',
    { class: 'rp-view', 'data-waypoint': scenario === 'waypoint' ? 'on' : 'off' },
    h('div', { class: active('rp-figure', figure === 'sidecar'), 'data-mode-figure': 'sidecar' }, h('p', { class: 'rp-figure-title' }, 'Sidecar mode: a proxy in every pod'), sidecarFigure(figure === 'sidecar' ? lit : none)),
    h('div', { class: active('rp-figure', figure === 'ambient'), 'data-mode-figure': 'ambient' }, h('p', { class: 'rp-figure-title' }, 'Ambient mode: a ztunnel per node, an optional waypoint'), ambientFigure(figure === 'ambient' ? lit : none)),
    scenarioOrder.map((s) =>
      h(
        'section',
        { class: active('rp-steps', s === scenario), 'data-scenario': s },
        h('h3', null, scenarioLabels[s]),
        h(
          'ol',
          null,
          scenarios[s].map((step, i) => h('li', { 'aria-current': s === scenario && i === hop - 1 ? 'step' : undefined }, h('strong', null, `${step.title}.`), ` ${step.text}`)),
        ),
      ),
    ),
  );
}
