/**
 * Route simulator: text fields in, a view out. Runs at build time (the worked example) and in the browser
 * (route-sim.ts), with the same engine.
 */
import { routeHttp, sampleRoute, seedFrom, type RouteDecision, type RouteSample } from '../../../lib/istio';
import { checkInput, lineRange, type InputObject } from '../kit/check-input';
import { parseHeaderLines, parseLabels, parseLine, parsePort, pct } from '../kit/fields';
import { engineProblem, problemFrom, type Problem } from '../kit/outcome';
import { h, type VNode } from '../kit/vnode';
import type { ParsedYaml } from '../../../lib/yaml/paths';

export interface RouteFields {
  yaml: string;
  method: string;
  authority: string;
  path: string;
  headers: string;
  gateway: string;
  port: string;
  sourceLabels: string;
  noEndpoints: string;
}

/** The request every preset starts from: productpage v1 asking reviews for a review as user jason. */
export const exampleRequest: Omit<RouteFields, 'yaml'> = {
  method: 'GET',
  authority: 'reviews:9080',
  path: '/reviews/0',
  headers: 'end-user: jason',
  gateway: 'mesh',
  port: '',
  sourceLabels: 'app=productpage, version=v1',
  noEndpoints: '',
};

export const SAMPLES = 1000;

export type RouteOutcome = { ok: true; decision: RouteDecision; sample: RouteSample; view: VNode; verdict: string } | Problem;

/** The form field that feeds each engine input, for errors outside the YAML. */
const ROUTE_FIELDS: Record<string, { name: string; label: string }> = {
  request: { name: 'path', label: 'Request' },
  context: { name: 'gateway', label: 'Proxy' },
};

export function verdictOf(d: RouteDecision): string {
  switch (d.outcome) {
    case 'routed': {
      const live = d.destinations.filter((x) => x.share > 0);
      const to = live.map((x) => `${x.host}${x.subset ? ` ${x.subset}` : ''}${live.length > 1 ? ` (${pct(x.share)})` : ''}`).join(', ');
      return `Routed by rule ${d.rule?.index ?? '?'} to ${to}`;
    }
    case 'partial':
      return `Rule ${d.rule?.index ?? '?'}: part of the traffic fails with 503`;
    case 'no-route':
      return '404 NR: no rule matches';
    case 'no-cluster':
      return '503 NC: the subset is not defined';
    case 'no-healthy-upstream':
      return '503 UH: no healthy endpoint';
    case 'redirect':
      return `${d.httpStatus} redirect by rule ${d.rule?.index ?? '?'}`;
    case 'direct-response':
      return `${d.httpStatus} direct response by rule ${d.rule?.index ?? '?'}`;
    case 'delegate':
      return `Delegated by rule ${d.rule?.index ?? '?'}`;
    case 'not-bound':
      return d.httpStatus === 404 ? '404 NR: this VirtualService does not apply here' : 'This VirtualService does not apply here';
    case 'default-route':
      return 'No route from this VirtualService for this sidecar: the Service default route is used';
  }
}

function lineLabel(r: { from: number; to: number } | undefined): string {
  if (!r) return '';
  return r.from === r.to ? ` (line ${r.from})` : ` (lines ${r.from}–${r.to})`;
}

export function computeRoute(f: RouteFields): RouteOutcome {
  const y = checkInput(f.yaml, ['VirtualService', 'DestinationRule']);
  const error = y.diagnostics.find((d) => d.severity === 'error');
  if (error || !y.parsed) return problemFrom(error!, 'YAML');
  const parsed = y.parsed;
  const vsList = y.objects.filter((o) => o.kind === 'VirtualService');
  const drList = y.objects.filter((o) => o.kind === 'DestinationRule');
  const vs = vsList[0];
  if (!vs) {
    const kinds = y.skipped.map((o) => o.kind);
    const message = `no VirtualService found${kinds.length ? ` (found ${kinds.join(', ')})` : ''}. Paste a VirtualService, and its DestinationRules after a --- line.`;
    return problemFrom({ severity: 'error', code: 'missing-kind', message, path: '', source: { input: 'yaml' } }, 'YAML');
  }
  const headers = parseHeaderLines(f.headers);
  if (!headers.ok) return headers;
  const labels = parseLabels(f.sourceLabels, 'sourceLabels', 'Source labels');
  if (!labels.ok) return labels;
  const port = parsePort(f.port);
  if (!port.ok) return port;
  const line = (value: string, name: string, label: string) => parseLine(value, name, label);
  const method = line(f.method, 'method', 'Method');
  if (!method.ok) return method;
  const authority = line(f.authority, 'authority', 'Authority');
  if (!authority.ok) return authority;
  const path = line(f.path, 'path', 'Path');
  if (!path.ok) return path;
  const gateway = line(f.gateway, 'gateway', 'Proxy');
  if (!gateway.ok) return gateway;
  const noEp = line(f.noEndpoints, 'noEndpoints', 'No endpoints');
  if (!noEp.ok) return noEp;
  const noEndpoints = noEp.value
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const context: NonNullable<Parameters<typeof routeHttp>[0]['context']> = { gateway: gateway.value || 'mesh', sourceLabels: labels.value, noEndpoints };
  if (port.value !== undefined) context.port = port.value;
  const request = { method: method.value || 'GET', authority: authority.value, path: path.value || '/', headers: headers.value };
  const r = routeHttp({ virtualService: vs.value, destinationRules: drList.map((d) => d.value), request, context });
  if (!r.ok) {
    const objectOf = (input: string, index: number | undefined): InputObject | undefined =>
      input === 'virtualService' ? vs : input === 'destinationRules' && index !== undefined ? drList[index] : undefined;
    return engineProblem(r.error, objectOf, parsed, (input) => ROUTE_FIELDS[input] ?? { name: 'yaml', label: 'Input' });
  }
  const decision = r.decision;
  const sample = sampleRoute(decision, SAMPLES, seedFrom(`${f.yaml}\n${JSON.stringify(request)}\n${JSON.stringify(context)}`));
  const notes = [...decision.notes];
  if (vsList.length > 1) notes.push(`Only the first VirtualService (${vs.name}) is simulated; ${vsList.length - 1} more ignored.`);
  for (const w of y.diagnostics) notes.push(`Ignored: line ${w.line}, ${w.message}`);
  const verdict = verdictOf(decision);
  return { ok: true, decision, sample, verdict, view: routeView(decision, sample, vs, parsed, f.yaml, notes, verdict) };
}

function checkList(checks: RouteDecision['rules'][number]['blocks'][number]['checks'], onlyFailed: boolean): VNode | null {
  const shown = onlyFailed ? checks.filter((c) => !c.passed) : checks;
  if (shown.length === 0) return null;
  return h(
    'ul',
    { class: 'sim-checks' },
    shown.map((c) => h('li', { class: c.passed ? 'is-pass' : 'is-fail' }, h('span', { class: 'sim-tag' }, c.passed ? 'holds' : c.configTime ? 'dropped' : 'fails'), ' ', c.reason)),
  );
}

/** Line numbers to show: all of a normal input; for a very long one, the start and the winning rule. */
function codeLines(count: number, winner: { from: number; to: number } | undefined): (number | null)[] {
  const all = Array.from({ length: count }, (_, i) => i + 1);
  const MAX = 300;
  if (count <= MAX) return all;
  const head = all.slice(0, 200);
  if (!winner || winner.to <= 200) return [...head, null];
  const from = Math.max(201, winner.from - 3);
  const to = Math.min(count, winner.to + 3);
  return [...head, null, ...all.slice(from - 1, to), ...(to < count ? [null] : [])];
}

function routeView(d: RouteDecision, sample: RouteSample, vs: InputObject, parsed: ParsedYaml, text: string, notes: string[], verdict: string): VNode {
  const ruleLines = (i: number) => lineRange(vs, parsed, ['spec', 'http', i]);
  const winner = d.rule ? ruleLines(d.rule.index) : undefined;
  const failed = d.rules.filter((r) => !r.matched).map((r) => ruleLines(r.index));

  // Very long inputs: list the first rules and the last ones (the winner is last), not hundreds of items.
  const MAX_RULES = 40;
  const shownRules = d.rules.length > MAX_RULES ? [...d.rules.slice(0, MAX_RULES - 10), ...d.rules.slice(-10)] : d.rules;
  const hiddenRules = d.rules.length - shownRules.length;
  const ruleItems = shownRules.map((r) => {
    const title = `Rule ${r.index}${r.name ? ` “${r.name}”` : ''}${lineLabel(ruleLines(r.index))}: `;
    if (r.matched) {
      const block = r.matchIndex === null ? null : r.blocks.find((b) => b.index === r.matchIndex);
      return h(
        'li',
        { class: 'is-hit' },
        h('strong', null, title, 'matches'),
        ' — ',
        r.reason,
        block ? checkList(block.checks, false) : null,
      );
    }
    return h(
      'li',
      { class: 'is-miss' },
      h('strong', null, title, 'no match'),
      ' — ',
      r.reason,
      r.blocks.length > 1
        ? h(
            'ul',
            { class: 'sim-blocks' },
            r.blocks.map((b) => h('li', null, `match[${b.index}]${b.name ? ` “${b.name}”` : ''}${b.dropped ? ' (dropped for this proxy)' : ''}:`, checkList(b.checks, true))),
          )
        : r.blocks[0]
          ? checkList(r.blocks[0].checks, true)
          : null,
    );
  });

  const dests = d.destinations;
  const total = sample.n || 1;
  const statusOf = (x: RouteDecision['destinations'][number]) => (x.status === 'ok' ? '' : ` → 503 ${x.status}`);
  const aborted = Object.entries(sample.byStatus).filter(([k]) => k.includes('fault'));
  const barParts = [
    ...dests.map((x, i) => ({ label: `${x.host}${x.subset ? ` ${x.subset}` : ''}${statusOf(x)}`, count: sample.byDestination[i] ?? 0, cls: `sim-seg-${i % 6}${x.status !== 'ok' ? ' is-error' : ''}` })),
    ...aborted.map(([k, count]) => ({ label: `aborted by the fault (${k.replace(' fault', '')})`, count, cls: 'sim-seg-fault' })),
  ];
  const distribution =
    dests.length > 0
      ? h(
          'section',
          { class: 'sim-section' },
          h('h3', null, `Where ${sample.n.toLocaleString('en-US')} sampled requests go`),
          h(
            'div',
            { class: 'sim-bar', 'aria-hidden': 'true' },
            barParts.filter((p) => p.count > 0).map((p) => h('span', { class: `sim-seg ${p.cls}`, style: `width: ${((100 * p.count) / total).toFixed(2)}%` })),
          ),
          h(
            'ul',
            { class: 'sim-legend' },
            barParts.map((p, i) =>
              h('li', null, h('span', { class: `sim-key ${p.cls}`, 'aria-hidden': 'true' }), `${p.label}: ${p.count.toLocaleString('en-US')}`, i < dests.length ? ` (configured ${pct(dests[i]!.share)})` : ''),
            ),
          ),
          sample.delayed > 0 ? h('p', null, `${sample.delayed.toLocaleString('en-US')} of them are delayed by the fault.`) : null,
        )
      : null;

  const effect: VNode[] = [];
  const dt = (t: string, ...v: (string | VNode | null)[]) => effect.push(h('dt', null, t), h('dd', null, ...v));
  if (d.outcome === 'routed' || d.outcome === 'partial' || d.outcome === 'no-cluster' || d.outcome === 'no-healthy-upstream') {
    for (const x of dests) {
      dt(
        `${x.host}${x.subset ? ` subset ${x.subset}` : ''}`,
        x.reason,
        x.subsetDefinedBy ? ` Pods with ${Object.entries(x.subsetDefinedBy.labels).map(([k, v]) => `${k}=${v}`).join(', ') || '(no labels)'} (DestinationRule ${x.subsetDefinedBy.name}).` : '',
        x.trafficPolicy
          ? ` Traffic policy: ${[
              ...x.trafficPolicy.fromSubset.map((k) => `${k} from the subset (replaces the top-level ${k} whole)`),
              ...x.trafficPolicy.fromTopLevel.map((k) => `${k} from the top level`),
            ].join('; ')}.`
          : '',
      );
    }
    dt('Timeout', d.timeout.source === 'default' ? 'none: disabled by default' : d.timeout.text);
    dt(
      'Retries',
      d.retries.attempts === 0
        ? 'disabled (attempts: 0)'
        : `${d.retries.attempts} retries (${d.retries.totalTries} tries in all)${d.retries.source === 'default' ? ', the default' : ''}; retryOn ${d.retries.retryOn ?? ''}${d.retries.source === 'default' ? ' (its status-code list is empty since Istio 1.24: a 503 answer is not retried)' : ''}${d.retries.perTryTimeout ? `; perTryTimeout ${d.retries.perTryTimeout}` : ''}`,
    );
    if (d.fault) {
      const parts: string[] = [];
      if (d.fault.delay) parts.push(`delay ${d.fault.delay.fixedDelay} for ${d.fault.delay.percentage}% of requests`);
      if (d.fault.abort) parts.push(`abort with ${d.fault.abort.httpStatus ?? `gRPC ${d.fault.abort.grpcStatus}`} for ${d.fault.abort.percentage}% of requests`);
      dt('Fault', parts.join('; '));
    }
    if (d.mirrors.length) dt('Mirror', d.mirrors.map((m) => `${m.host}${m.subset ? ` ${m.subset}` : ''} (${m.percentage}% copied, responses discarded)`).join(', '));
    if (d.rewrite) dt('Rewrite', [d.rewrite.uri ? `path → ${d.rewrite.uri}` : '', d.rewrite.authority ? `authority → ${d.rewrite.authority}` : ''].filter(Boolean).join(', '));
  }

  const lines = text.split('\n');
  const lineClass = (n: number) => {
    if (winner && n >= winner.from && n <= winner.to) return 'sim-line is-hit';
    if (failed.some((f) => f && n >= f.from && n <= f.to)) return 'sim-line is-miss';
    return 'sim-line';
  };
  const codeCaption = winner
    ? `The winning rule is highlighted: ${lineLabel(winner).trim().replace(/^\(|\)$/g, '')}. Rules that did not match are marked with a dashed edge.`
    : 'No rule won: the rules that did not match are marked with a dashed edge.';

  return h(
    'div',
    { class: 'sim-output' },
    h('p', { class: `sim-verdict ${d.httpStatus !== null && d.httpStatus >= 400 ? 'is-error' : 'is-ok'}` }, verdict),
    h('p', null, d.summary),
    d.rules.length
      ? h('section', { class: 'sim-section' }, h('h3', null, 'How the rules were checked, in order'), h('ol', { class: 'sim-rules', start: 0 }, hiddenRules ? [...ruleItems.slice(0, MAX_RULES - 10), h('li', null, `… ${hiddenRules} more rules did not match (not listed).`), ...ruleItems.slice(MAX_RULES - 10)] : ruleItems))
      : null,
    d.unreachable.length ? h('p', { class: 'sim-note' }, `Never reached: rule ${d.unreachable.map((u) => u.index).join(', ')} (after the catch-all rule ${d.unreachable[0]!.afterRule}).`) : null,
    distribution,
    effect.length ? h('section', { class: 'sim-section' }, h('h3', null, 'In effect for this request'), h('dl', { class: 'sim-dl' }, effect)) : null,
    notes.length ? h('ul', { class: 'sim-notes' }, notes.map((n) => h('li', null, n))) : null,
    h(
      'figure',
      { class: 'sim-code' },
      h('figcaption', null, codeCaption),
      h(
        'pre',
        { tabindex: 0, 'aria-label': `VirtualService ${vs.name}, rule lines marked` },
        h(
          'code',
          null,
          codeLines(lines.length, winner).map((n) =>
            n === null
              ? h('span', { class: 'sim-line' }, h('span', { class: 'sim-ln', 'aria-hidden': 'true' }, '…'), 'lines not shown', '\n')
              : h('span', { class: lineClass(n) }, h('span', { class: 'sim-ln', 'aria-hidden': 'true' }, String(n)), lines[n - 1] ?? '', '\n'),
          ),
        ),
      ),
    ),
  );
}
