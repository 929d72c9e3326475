/**
 * The behaviour shared by the form-based simulators: read named fields, run the model (loaded lazily, so
 * the engine and YAML parser live in a chunk shared by all simulators), render the view as DOM from text,
 * announce the verdict, and on bad input keep the last good result and the reader's text, naming the
 * line or field. Presets fill the fields.
 */
import { render, type VNode } from './vnode';

export type SimOutcome = { ok: true; view: VNode; verdict: string; state?: unknown } | { ok: false; message: string; line?: number; field?: string };

export interface SimSpec<F extends { [K in keyof F]: string }> {
  fields: readonly (keyof F & string)[];
  presets: readonly { id: string; fields: F }[];
  /** The model; `previous` is the state of the last good result (to show what changed). */
  load: () => Promise<(fields: F, previous?: unknown) => SimOutcome>;
  /** Field that gets aria-invalid when the outcome names a line. Default `yaml`. */
  yamlField?: keyof F & string;
}

export function defineSim<F extends { [K in keyof F]: string }>(tag: string, spec: SimSpec<F>): void {
  let compute: Promise<(fields: F, previous?: unknown) => SimOutcome> | undefined;
  const load = () => (compute ??= spec.load());

  class SimElement extends HTMLElement {
    private form!: HTMLFormElement;
    private result!: HTMLElement;
    private status!: HTMLElement;
    private error!: HTMLElement;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private state: unknown;
    private primed = false;

    connectedCallback(): void {
      if (this.dataset['enhanced']) return;
      this.dataset['enhanced'] = 'true';
      this.form = this.querySelector('form')!;
      this.result = this.querySelector('.sim-result')!;
      this.status = this.querySelector('.sim-status')!;
      this.error = this.querySelector('.sim-error')!;
      for (const el of this.querySelectorAll<HTMLElement>('.sim-presets, .sim-run')) el.hidden = false;
      // The engine chunk loads on the first sign of intent (pointer, focus, touch), not with the page, so
      // a reader who never touches the simulator downloads nothing beyond this element.
      const warm = () => void load().catch(() => undefined);
      for (const type of ['pointerenter', 'focusin', 'touchstart'] as const) this.addEventListener(type, warm, { once: true, passive: true });
      this.form.addEventListener('submit', (e) => {
        e.preventDefault();
        void this.run();
      });
      this.form.addEventListener('input', (e) => {
        clearTimeout(this.timer);
        // Edited: the fields no longer hold exactly one preset.
        for (const b of this.querySelectorAll('button[data-preset][aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
        const t = e.target as HTMLElement;
        const delay = t.tagName === 'TEXTAREA' || (t as HTMLInputElement).type === 'text' ? 350 : 0;
        this.timer = setTimeout(() => void this.run(), delay);
      });
      this.querySelector('.sim-presets')?.addEventListener('click', (e) => {
        const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-preset]');
        if (!b) return;
        const p = spec.presets.find((x) => x.id === b.dataset['preset']);
        // "page": the example the page was built with, i.e. every field's initial value.
        if (!p && b.dataset['preset'] !== 'page') return;
        for (const other of this.querySelectorAll<HTMLButtonElement>('button[data-preset]')) other.setAttribute('aria-pressed', String(other === b));
        for (const k of spec.fields) {
          const el = this.field(k);
          if (!el) continue;
          if (p) el.value = String(p.fields[k]);
          else if (el instanceof HTMLSelectElement) el.value = [...el.options].find((o) => o.defaultSelected)?.value ?? el.value;
          else el.value = el.defaultValue;
        }
        void this.run();
      });
    }

    private field(name: string): HTMLInputElement | null {
      const el = this.form.elements.namedItem(name);
      return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? (el as HTMLInputElement) : null;
    }

    /** The fields' values, or (`initial`) the values the page was built with. */
    private read(initial = false): F {
      const out: Record<string, string> = {};
      for (const k of spec.fields) {
        const el = this.field(k);
        if (!el) out[k] = '';
        else if (!initial) out[k] = el.value;
        else if (el instanceof HTMLSelectElement) out[k] = [...el.options].find((o) => o.defaultSelected)?.value ?? el.value;
        else out[k] = el.defaultValue;
      }
      return out as unknown as F;
    }

    async run(): Promise<void> {
      clearTimeout(this.timer);
      let computeFn: (fields: F, previous?: unknown) => SimOutcome;
      try {
        computeFn = await load();
      } catch {
        compute = undefined; // try again next time
        this.error.textContent = 'The simulator could not load its engine (network problem?). The result below is the one computed when the page was built.';
        this.error.hidden = false;
        return;
      }
      if (!this.primed) {
        // Compute the build-time example once, so the first edit can show what changed.
        this.primed = true;
        const first = computeFn(this.read(true));
        if (first.ok) this.state = first.state;
      }
      const out = computeFn(this.read(), this.state);
      for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
      if (out.ok) {
        render(this.result, out.view);
        this.state = out.state;
        this.result.classList.remove('is-stale');
        this.error.hidden = true;
        this.error.textContent = '';
        this.status.textContent = out.verdict;
        return;
      }
      this.error.textContent = out.message;
      this.error.hidden = false;
      this.result.classList.add('is-stale');
      const bad = out.field ?? (out.line !== undefined ? (spec.yamlField ?? 'yaml') : undefined);
      if (bad) this.field(bad)?.setAttribute('aria-invalid', 'true');
      this.status.textContent = `Input problem: ${out.message}`;
    }
  }

  if (!customElements.get(tag)) customElements.define(tag, SimElement);
}
