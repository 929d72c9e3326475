/** <canary-sim>: the canary slider's behaviour (see shared/sim-element.ts); the number box mirrors the slider. */
import { defineSim } from '../shared/sim-element';
import type { CanaryFields } from './model';
import { canaryPresets } from './presets';

defineSim<CanaryFields>('canary-sim', {
  fields: ['v2', 'host'],
  presets: canaryPresets,
  load: async () => (await import('./model')).computeCanary,
});

for (const el of document.querySelectorAll('canary-sim')) {
  const range = el.querySelector<HTMLInputElement>('input[type="range"]');
  const out = el.querySelector<HTMLOutputElement>('output');
  const sync = () => {
    if (range && out) out.value = `v1 ${100 - Number(range.value)}% / v2 ${range.value}%`;
  };
  range?.addEventListener('input', sync);
  el.addEventListener('click', () => queueMicrotask(sync));
}
