/**
 * The two figures of the request path as view trees (kit/vnode.ts): sidecar mode, and ambient mode with
 * both of its variants (`data-variant="direct"`: ztunnel to ztunnel; `"waypoint"`: through a waypoint).
 * Every element that a hop can light up carries `data-part` (the names hops.ts uses) and gets `is-current`
 * when it is in `lit`. The figures are decoration for sighted readers (`aria-hidden`); the hop lists are
 * their text alternative.
 */
import { h, type Attrs, type VNode } from '../kit/vnode';

type Lit = ReadonlySet<string>;
type Variant = 'direct' | 'waypoint';
/** x, y, font size, weight, text (anchored in the middle). */
type Line = [number, number, number, number | undefined, string];

const classes = (base: string, part: string, lit: Lit) => (lit.has(part) ? `${base} is-current` : base);

function svg(height: number, marker: string, children: VNode[]): VNode {
  return h(
    'svg',
    { viewBox: `0 0 680 ${height}`, 'aria-hidden': 'true', focusable: 'false', 'font-family': 'inherit' },
    h(
      'defs',
      null,
      h(
        'marker',
        { id: marker, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 11, markerHeight: 11, orient: 'auto-start-reverse' },
        h('path', { d: 'M0,0 L10,5 L0,10 z', fill: 'currentColor' }),
      ),
    ),
    children,
  );
}

function text([x, y, size, weight, content]: Line): VNode {
  return h('text', { x, y, 'text-anchor': 'middle', 'font-size': size, 'font-weight': weight }, content);
}

/** A component drawn as a box with lines of text; `proxy` styles it as a proxy (sidecar, ztunnel, waypoint). */
function component(part: string, lit: Lit, rect: [number, number, number, number, number], lines: Line[], opts: { proxy?: boolean; variant?: Variant; rectClass?: string } = {}): VNode {
  const [x, y, width, height, rx] = rect;
  return h(
    'g',
    { class: classes(opts.proxy ? 'rp-part rp-proxy' : 'rp-part', part, lit), 'data-part': part, 'data-variant': opts.variant },
    h('rect', { class: opts.rectClass, x, y, width, height, rx }),
    lines.map(text),
  );
}

/** A connection; `style` adds rp-dashed (configuration push) or rp-strong (mutual TLS). */
function connection(part: string, lit: Lit, d: string, marker: string, style = '', variant?: Variant): VNode {
  return h('path', { class: classes(`rp-part rp-line${style}`, part, lit), 'data-part': part, 'data-variant': variant, d, 'marker-end': `url(#${marker})` });
}

/** An unlit frame (a pod, a node) with its label in the top-left corner. */
function frame(rect: [number, number, number, number, number], label?: [number, number, string], dashed = false): VNode[] {
  const [x, y, width, height, rx] = rect;
  return [
    h('rect', { class: dashed ? 'rp-box rp-dashed' : 'rp-box', x, y, width, height, rx }),
    label ? h('text', { class: 'rp-label', x: label[0], y: label[1], 'font-size': 13 }, label[2]) : null,
  ].filter((n): n is VNode => n !== null);
}

function caption(x: number, y: number, content: string, variant?: Variant): VNode {
  return h('text', { class: 'rp-label', 'data-variant': variant, x, y, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 700 }, content);
}

/** The numbered circles, one per hop, in hop order. */
function badges(points: [number, number][], attrs: Attrs = {}): VNode {
  return h(
    'g',
    { ...attrs, class: `rp-badges${attrs['class'] ? ` ${attrs['class']}` : ''}`, 'font-size': 13, 'font-weight': 700, 'text-anchor': 'middle' },
    points.map(([cx, cy], i) => h('g', null, h('circle', { cx, cy, r: 11 }), h('text', { x: cx, y: cy + 5 }, i + 1))),
  );
}

const istiod = (lit: Lit) => component('istiod', lit, [250, 8, 180, 50, 8], [[340, 39, 16, 700, 'istiod']]);

export function sidecarFigure(lit: Lit): VNode {
  const m = 'rp-arrow-s';
  return svg(250, m, [
    istiod(lit),
    connection('push-a', lit, 'M300,58 L215,132', m, ' rp-dashed'),
    connection('push-b', lit, 'M380,58 L465,132', m, ' rp-dashed'),
    ...frame([10, 96, 300, 134, 10], [22, 116, 'Pod A']),
    ...frame([370, 96, 300, 134, 10], [382, 116, 'Pod B']),
    component('app-a', lit, [25, 136, 110, 70, 6], [[80, 176, 15, 600, 'app A']]),
    connection('arrow-a', lit, 'M135,171 L175,171', m),
    component('sidecar-a', lit, [178, 136, 120, 70, 6], [[238, 167, 15, 600, 'sidecar'], [238, 187, 12, undefined, 'Envoy, outbound']], { proxy: true }),
    connection('mtls', lit, 'M298,171 L378,171', m, ' rp-strong'),
    caption(340, 160, 'mTLS'),
    component('sidecar-b', lit, [382, 136, 120, 70, 6], [[442, 167, 15, 600, 'sidecar'], [442, 187, 12, undefined, 'Envoy, inbound']], { proxy: true }),
    connection('arrow-b', lit, 'M502,171 L542,171', m),
    component('app-b', lit, [545, 136, 110, 70, 6], [[600, 176, 15, 600, 'app B']]),
    badges([[236, 20], [150, 150], [298, 136], [340, 192], [502, 136], [655, 136]]),
  ]);
}

export function ambientFigure(lit: Lit): VNode {
  const m = 'rp-arrow-a';
  const ztunnel = (x: number): Line[] => [[x, 271, 15, 600, 'ztunnel'], [x, 290, 12, undefined, 'one per node, L4']];
  return svg(330, m, [
    istiod(lit),
    ...frame([10, 88, 230, 232, 10], [22, 108, 'node 1'], true),
    ...frame([440, 88, 230, 232, 10], [452, 108, 'node 2'], true),
    connection('push-a', lit, 'M270,58 L212,242', m, ' rp-dashed'),
    connection('push-b', lit, 'M410,58 L468,242', m, ' rp-dashed'),
    connection('push-w', lit, 'M340,58 L340,106', m, ' rp-dashed', 'waypoint'),
    ...frame([30, 118, 150, 84, 8]),
    component('app-a', lit, [45, 140, 120, 50, 6], [[105, 171, 15, 600, 'app A']]),
    connection('arrow-a', lit, 'M105,190 L105,243', m),
    component('ztunnel-a', lit, [30, 246, 190, 56, 6], ztunnel(125), { proxy: true }),
    ...frame([500, 118, 150, 84, 8]),
    component('app-b', lit, [515, 140, 120, 50, 6], [[575, 171, 15, 600, 'app B']]),
    connection('arrow-b', lit, 'M575,246 L575,193', m),
    component('ztunnel-b', lit, [460, 246, 190, 56, 6], ztunnel(555), { proxy: true }),
    component('waypoint', lit, [270, 110, 140, 80, 8], [[340, 140, 15, 600, 'waypoint'], [340, 160, 12, undefined, 'Envoy, L7'], [340, 178, 12, undefined, 'optional']], { proxy: true, variant: 'waypoint', rectClass: 'rp-dashed' }),
    connection('hbone', lit, 'M220,274 L457,274', m, ' rp-strong', 'direct'),
    caption(340, 263, 'HBONE mTLS', 'direct'),
    connection('to-waypoint', lit, 'M205,246 L287,193', m, ' rp-strong', 'waypoint'),
    connection('from-waypoint', lit, 'M393,193 L475,243', m, ' rp-strong', 'waypoint'),
    caption(340, 225, 'HBONE mTLS', 'waypoint'),
    badges([[236, 20], [122, 222], [220, 246], [340, 296], [460, 246], [650, 140]], { 'data-variant': 'direct' }),
    badges([[236, 20], [122, 222], [220, 246], [410, 110], [445, 205], [460, 246], [650, 140]], { class: 'rp-badges--waypoint', 'data-variant': 'waypoint' }),
  ]);
}
