/** <fault-lab>: makes the fault-injection worked example editable (see FaultLab.astro). */
import { faultYaml, fmtExpected, N, runFault, type FaultForm } from './fault-view';
import { FieldError, h, newSeed, readNumber, showError, readFormOrReport, FormSim } from './ui';

class FaultLab extends FormSim {

  connectedCallback(): void {
    if (!this.setUp('fl')) return;
    this.form.addEventListener('input', () => this.update());
    this.querySelector('.fl-newseed')!.addEventListener('click', () => {
      this.input('seed').value = newSeed();
      this.update();
    });
  }

  private input(name: string): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private pct(name: string): number | undefined {
    const el = this.input(name);
    const v = readNumber(el, { min: 0, max: 100, optional: true });
    if (v !== undefined && v > 0 && v < 0.0001) throw new FieldError(el, `${el.labels?.[0]?.textContent?.trim()}: must be 0 or between 0.0001 and 100.`);
    return v;
  }

  private read(): FaultForm {
    const seedEl = this.input('seed');
    const seed = seedEl.value;
    if (seed.trim() === '') throw new FieldError(seedEl, 'Seed: enter any text or number.');
    return {
      delay: this.input('delay').checked,
      delaySeconds: readNumber(this.input('delaySeconds'), { min: 0.001, max: 600 })!,
      delayPct: this.pct('delayPct'),
      abort: this.input('abort').checked,
      abortStatus: readNumber(this.input('abortStatus'), { min: 200, max: 599, integer: true })!,
      abortPct: this.pct('abortPct'),
      seed,
    };
  }

  private update(): void {
    const f = readFormOrReport(this.form, this.error, this.errorId, 'result', () => this.read());
    if (f === undefined) return;
    showError(this.error, null);
    const v = runFault(f);
    this.querySelector('.fl-yaml')!.textContent = faultYaml(f);
    this.querySelector('.fl-summary')!.textContent = v.summary;
    this.querySelector('.fl-notes')!.replaceChildren(...v.notes.map((n) => h('li', {}, n)));
    this.querySelector('.fl-bar')!.replaceChildren(...v.rows.map((r) => h('span', { class: r.cls, style: `width:${(100 * r.sampled) / N}%` })));
    this.querySelector('.fl-table tbody')!.replaceChildren(
      ...v.rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, h('span', { class: `sim-swatch ${r.cls}`, 'aria-hidden': 'true' }), r.label), h('td', {}, fmtExpected(r.expected)), h('td', {}, String(r.sampled)))),
    );
  }
}

if (!customElements.get('fault-lab')) customElements.define('fault-lab', FaultLab);
