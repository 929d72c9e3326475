/** <canary-slider>: the range input and the two weights stay in step; everything else is recomputed. */
import { FieldError, h, newSeed, readNumber, showError, readFormOrReport, FormSim } from '../resilience/ui';
import { canaryYaml, N, runCanary, type CanaryForm } from './canary-view';

class CanarySlider extends FormSim {

  connectedCallback(): void {
    if (!this.setUp('cs')) return;
    this.form.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.name === 'share') {
        this.input('v2').value = t.value;
        this.input('v1').value = String(100 - Number(t.value));
      }
      this.update(t.name !== 'share');
    });
    this.querySelector('.cs-newseed')!.addEventListener('click', () => {
      this.input('seed').value = newSeed();
      this.update(false);
    });
  }

  private input(name: string): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private read(): CanaryForm {
    const v1 = readNumber(this.input('v1'), { min: 0, max: 1000, integer: true })!;
    const v2 = readNumber(this.input('v2'), { min: 0, max: 1000, integer: true })!;
    if (v1 + v2 === 0) throw new FieldError(this.input('v2'), 'weight of v1 and weight of v2 are both 0: the total must be above 0, or no request has anywhere to go.');
    const seedEl = this.input('seed');
    if (seedEl.value.trim() === '') throw new FieldError(seedEl, 'Seed: enter any text or number.');
    return { host: this.dataset['host'] ?? 'helloworld', namespace: this.dataset['namespace'] ?? 'sample', v1, v2, seed: seedEl.value };
  }

  private update(syncSlider: boolean): void {
    const f = readFormOrReport(this.form, this.error, this.errorId, 'result', () => this.read());
    if (f === undefined) return;
    showError(this.error, null);
    const v = runCanary(f);
    if (syncSlider) this.input('share').value = String(Math.round(v.shares[1] * 100));
    this.input('share').setAttribute('aria-valuetext', `v2 ${Math.round(v.shares[1] * 1000) / 10}%, v1 ${Math.round(v.shares[0] * 1000) / 10}%`);
    this.querySelector('.cs-summary')!.textContent = v.summary;
    this.querySelector('.cs-notes')!.replaceChildren(...v.notes.map((n) => h('li', {}, n)));
    this.querySelector('.cs-bar')!.replaceChildren(...v.sampled.map((s, i) => h('span', { class: `sim-c${i}`, style: `width:${(100 * s) / N}%` })));
    this.querySelector('.cs-yaml')!.textContent = canaryYaml(f);
  }
}

if (!customElements.get('canary-slider')) customElements.define('canary-slider', CanarySlider);
