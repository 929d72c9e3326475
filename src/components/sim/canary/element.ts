/**
 * <canary-slider>: the kit's element (kit/element.ts); the slider and the two weights are kept in step
 * here, on the main thread, with plain arithmetic (the slider is not a model field).
 */
import { defineSim } from '../kit/element';
import { wireNewSeed } from '../kit/seed';
import type { CanaryFields } from './model';

function keepInStep(form: HTMLFormElement): void {
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const share = input('share');
  const describe = () => share.setAttribute('aria-valuetext', `v2 ${share.value}%, v1 ${100 - Number(share.value)}%`);
  form.addEventListener('input', (e) => {
    if (e.target === share) {
      input('v2').value = share.value;
      input('v1').value = String(100 - Number(share.value));
    } else if (e.target === input('v1') || e.target === input('v2')) {
      const v1 = Number(input('v1').value);
      const v2 = Number(input('v2').value);
      // Only a valid pair moves the slider; the model reports the others.
      if (Number.isInteger(v1) && Number.isInteger(v2) && v1 >= 0 && v2 >= 0 && v1 + v2 > 0) share.value = String(Math.round((100 * v2) / (v1 + v2)));
    } else return;
    describe();
  });
  describe();
  wireNewSeed(form);
}

defineSim<CanaryFields>('canary-slider', {
  fields: ['v1', 'v2', 'seed', 'host', 'namespace'],
  presets: [],
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'canary-slider' }),
  enhance: keepInStep,
});
