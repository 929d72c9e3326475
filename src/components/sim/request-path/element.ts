/**
 * <request-path-stepper>: the kit's element (kit/element.ts). The Previous/Next hop buttons and the
 * ArrowLeft/ArrowRight/Home/End keys change the `hop` field and dispatch `input`, so the kit runs the model
 * as for any other field; choosing another mode or waypoint setting starts again at hop 1. The number of
 * hops per scenario comes from the page (`data-sidecar`, `data-ambient`, `data-waypoint` on the nav), so
 * no hop text loads on the main thread.
 */
import { defineSim } from '../kit/element';
import type { RequestPathFields } from './model';

function wireHops(form: HTMLFormElement): void {
  const hop = form.elements.namedItem('hop') as HTMLInputElement;
  const mode = form.elements.namedItem('mode') as RadioNodeList;
  const waypoint = form.elements.namedItem('waypoint') as HTMLInputElement;
  const nav = form.querySelector<HTMLElement>('.rp-nav')!;
  const [prev, next] = nav.querySelectorAll('button');
  const count = nav.querySelector('.rp-count')!;
  const total = () => Number(nav.dataset[mode.value === 'ambient' ? (waypoint.checked ? 'waypoint' : 'ambient') : 'sidecar']);
  const show = () => {
    const n = Number(hop.value);
    count.textContent = `Hop ${n} of ${total()}`;
    prev!.setAttribute('aria-disabled', String(n <= 1));
    next!.setAttribute('aria-disabled', String(n >= total()));
    waypoint.disabled = mode.value !== 'ambient';
  };
  const go = (to: number) => {
    const n = Math.min(Math.max(to, 1), total());
    if (String(n) === hop.value) return;
    hop.value = String(n);
    show();
    hop.dispatchEvent(new Event('input', { bubbles: true }));
  };
  prev!.addEventListener('click', () => go(Number(hop.value) - 1));
  next!.addEventListener('click', () => go(Number(hop.value) + 1));
  form.addEventListener('keydown', (e) => {
    // Arrow keys inside the radio group move between the modes.
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const n = Number(hop.value);
    const keys: Record<string, number> = { ArrowLeft: n - 1, ArrowRight: n + 1, Home: 1, End: total() };
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  });
  // Another mode or waypoint setting: a new request path, from its first hop.
  form.addEventListener('input', (e) => {
    if (e.target === hop) return;
    hop.value = '1';
    show();
  });
  show();
}

defineSim<RequestPathFields>('request-path-stepper', {
  fields: ['mode', 'waypoint', 'hop'],
  presets: [],
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'request-path-stepper' }),
  enhance: wireHops,
});
