/**
 * The custom element every simulator is: reads its named fields, runs the model in a Worker (this module
 * loads on the first sign of intent, kit/boot.ts, so a reader who never touches the simulator downloads
 * neither it nor the engine), renders the view as DOM from text, announces the verdict, and on bad input
 * keeps the last result and everything the reader typed, tying the message to its field (`aria-invalid`,
 * `aria-describedby`). `data-upgraded` marks an element this module has taken over.
 *
 * State for tests and assistive technology: the result region is `aria-busy` while a run is pending, and
 * `data-runs` on the element counts finished runs. Only the newest run is shown. "What changed" is always
 * measured against the starting point (the page's example, or the preset last chosen), so the summary is
 * the same whichever run (typed or button) produced it. A run that passes RUN_DEADLINE_MS is stopped.
 */
import { RUN_DEADLINE_MS } from './limits';
import type { SimOutcome } from './outcome';
import { render } from './vnode';
import type { RunReply, RunRequest } from './worker-host';

export interface SimSpec<F extends { [K in keyof F]: string }> {
  fields: readonly (keyof F & string)[];
  presets: readonly { id: string; fields: F }[];
  /** Starts the simulator's Worker: `() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`. */
  worker: () => Worker;
  /**
   * Optional wiring of controls that are not fields (e.g. a slider kept in step with two weights, a "new
   * seed" button). It runs once on the main thread; it changes fields and dispatches `input` on them, so
   * the run follows the kit's usual path. Keep it small: it is part of the page's JavaScript.
   */
  enhance?: (form: HTMLFormElement) => void;
}

const TYPED_DELAY_MS = 350;

export function defineSim<F extends { [K in keyof F]: string }>(tag: string, spec: SimSpec<F>): void {
  class SimElement extends HTMLElement {
    private form!: HTMLFormElement;
    private result!: HTMLElement;
    private status!: HTMLElement;
    private error!: HTMLElement;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private worker: Worker | undefined;
    /** Id of the newest message sent to the Worker. */
    private latest = 0;
    /** Number of the newest run started; only its outcome is shown. */
    private newestRun = 0;
    private runs = 0;
    /** State of the starting point; undefined until computed. */
    private baseline: Promise<unknown> | undefined;
    private invalid: HTMLElement[] = [];

    connectedCallback(): void {
      if (this.dataset['upgraded']) return;
      this.form = this.querySelector('form')!;
      this.result = this.querySelector('.sim-result')!;
      this.status = this.querySelector('.sim-status')!;
      this.error = this.querySelector('.sim-error')!;
      this.dataset['runs'] = '0';
      this.form.addEventListener('submit', (e) => {
        e.preventDefault();
        void this.run();
      });
      this.form.addEventListener('input', (e) => {
        clearTimeout(this.timer);
        for (const b of this.querySelectorAll('button[data-preset][aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
        const t = e.target as HTMLElement;
        const typed = t.tagName === 'TEXTAREA' || (t as HTMLInputElement).type === 'text';
        this.timer = setTimeout(() => void this.run(), typed ? TYPED_DELAY_MS : 0);
      });
      this.querySelector('.sim-presets')?.addEventListener('click', (e) => {
        const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-preset]');
        if (b) this.choosePreset(b);
      });
      spec.enhance?.(this.form);
      this.dataset['upgraded'] = 'true';
      // This module loads on the reader's first sign of intent (boot.ts), so the Worker starts now. Fields
      // that already differ from the page's (typed before the upgrade, or restored by the browser) run once;
      // the events boot.ts replays next reschedule that run rather than add one.
      void this.ensureBaseline();
      const now = this.read();
      const initial = this.read(true);
      if (spec.fields.some((k) => now[k] !== initial[k])) this.timer = setTimeout(() => void this.run(), 0);
    }

    private choosePreset(b: HTMLButtonElement): void {
      const p = spec.presets.find((x) => x.id === b.dataset['preset']);
      // "page": the example the page was built with, i.e. every field's initial value.
      if (!p && b.dataset['preset'] !== 'page') return;
      for (const other of this.querySelectorAll<HTMLButtonElement>('button[data-preset]')) other.setAttribute('aria-pressed', String(other === b));
      for (const k of spec.fields) {
        const group = this.radios(k);
        if (group) {
          group.value = p ? String(p.fields[k]) : (this.defaultRadio(group)?.value ?? '');
          continue;
        }
        const el = this.field(k);
        if (!el) continue;
        if (el.type === 'checkbox') el.checked = p ? p.fields[k] === 'true' : el.defaultChecked;
        else if (p) el.value = String(p.fields[k]);
        else if (el instanceof HTMLSelectElement) el.value = [...el.options].find((o) => o.defaultSelected)?.value ?? el.value;
        else el.value = el.defaultValue;
      }
      // A preset is a new starting point: changes are measured from it.
      this.baseline = this.startingPoint(this.read());
      void this.run();
    }

    /** A field written as radio buttons sharing one name. */
    private radios(name: string): RadioNodeList | null {
      const group = this.form.elements.namedItem(name);
      return group instanceof RadioNodeList ? group : null;
    }

    private defaultRadio(group: RadioNodeList): HTMLInputElement | undefined {
      return [...group].find((r): r is HTMLInputElement => r instanceof HTMLInputElement && r.defaultChecked);
    }

    private field(name: string): HTMLInputElement | null {
      const el = this.form.elements.namedItem(name);
      return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? (el as HTMLInputElement) : null;
    }

    /**
     * The fields' values, or (`initial`) the values the page was built with. A checkbox reads 'true' or
     * 'false'; radio buttons sharing a name read the chosen one's value.
     */
    private read(initial = false): F {
      const out: Record<string, string> = {};
      for (const k of spec.fields) {
        const group = this.radios(k);
        const el = this.field(k);
        if (group) out[k] = initial ? (this.defaultRadio(group)?.value ?? '') : group.value;
        else if (!el) out[k] = '';
        else if (el.type === 'checkbox') out[k] = String(initial ? el.defaultChecked : el.checked);
        else if (!initial) out[k] = el.value;
        else if (el instanceof HTMLSelectElement) out[k] = [...el.options].find((o) => o.defaultSelected)?.value ?? el.value;
        else out[k] = el.defaultValue;
      }
      return out as unknown as F;
    }

    private ensureBaseline(): Promise<unknown> {
      return (this.baseline ??= this.startingPoint(this.read(true)));
    }

    /** The state changes are measured from; a failed attempt is forgotten so the next run tries again. */
    private startingPoint(fields: F): Promise<unknown> {
      const p = this.compute(fields).then((r) => {
        if (!r.ok && this.baseline === p) this.baseline = undefined;
        return r.ok ? r.state : undefined;
      });
      return p;
    }

    /** Runs sent to the Worker and not answered yet, by message id. */
    private pending = new Map<number, { request: RunRequest<F>; settle: (out: SimOutcome) => void; deadline?: ReturnType<typeof setTimeout> }>();

    private startWorker(): Worker {
      const worker = spec.worker();
      worker.addEventListener('message', (e: MessageEvent<RunReply>) => {
        const run = this.pending.get(e.data.id);
        if (!run) return;
        if ('out' in e.data) {
          this.settle(e.data.id, e.data.out);
          return;
        }
        // The clock starts when the Worker starts on this run, so loading the engine is not counted.
        run.deadline = setTimeout(() => this.timeLimit(e.data.id), RUN_DEADLINE_MS);
      });
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.worker?.terminate();
        this.worker = undefined;
        for (const id of [...this.pending.keys()]) this.settle(id, this.failure('The simulator could not load its engine (network problem?). The result below is the last one computed.', 'internal'));
      });
      return worker;
    }

    private settle(id: number, out: SimOutcome): void {
      const run = this.pending.get(id);
      if (!run) return;
      clearTimeout(run.deadline);
      this.pending.delete(id);
      run.settle(out);
    }

    /** A run passed the deadline: end its Worker, report the limit, and hand the queued runs to a new Worker. */
    private timeLimit(id: number): void {
      this.worker?.terminate();
      this.worker = undefined;
      // The first field is the simulator's main input (its YAML): the one to shorten.
      this.settle(id, this.failure(`This input needs more than ${RUN_DEADLINE_MS / 1000} s of work, so the simulator stopped (time limit). Shorten the YAML or the request, or use fewer or simpler regexes.`, 'time-limit', spec.fields[0]));
      const queued = [...this.pending.values()];
      if (queued.length === 0) return;
      const worker = (this.worker = this.startWorker());
      for (const run of queued) worker.postMessage(run.request);
    }

    /** One model run in the Worker (created on first use). */
    private compute(fields: F, previous?: unknown): Promise<SimOutcome> {
      const id = ++this.latest;
      let worker: Worker;
      try {
        worker = this.worker ??= this.startWorker();
      } catch {
        return Promise.resolve(this.failure('The simulator could not start its engine in this browser. The result below is the one computed when the page was built.', 'internal'));
      }
      const request: RunRequest<F> = { id, fields, previous };
      return new Promise((settle) => {
        this.pending.set(id, { request, settle });
        worker.postMessage(request);
      });
    }

    /** A problem the page itself reports; `input` names the field to blame, if any. */
    private failure(message: string, code: string, input = ''): SimOutcome {
      return { ok: false, message, diagnostic: { severity: 'error', code, message, path: '', source: { input } } };
    }

    async run(): Promise<void> {
      clearTimeout(this.timer);
      const ticket = ++this.newestRun;
      this.result.setAttribute('aria-busy', 'true');
      const fields = this.read();
      const previous = await this.ensureBaseline();
      const out = await this.compute(fields, previous);
      // A newer run has started since: its result is the one to show.
      if (ticket !== this.newestRun) return;
      this.show(out);
      this.result.setAttribute('aria-busy', 'false');
      this.dataset['runs'] = String(++this.runs);
    }

    private show(out: SimOutcome): void {
      for (const el of this.invalid) {
        el.removeAttribute('aria-invalid');
        const before = el.dataset['describedby'];
        if (before) el.setAttribute('aria-describedby', before);
        else el.removeAttribute('aria-describedby');
      }
      this.invalid = [];
      if (out.ok) {
        render(this.result, out.view);
        this.result.classList.remove('is-stale');
        this.error.hidden = true;
        this.error.textContent = '';
        this.status.textContent = out.verdict;
        return;
      }
      this.error.textContent = out.message;
      this.error.hidden = false;
      this.result.classList.add('is-stale');
      const bad = out.diagnostic.source.input ? this.field(out.diagnostic.source.input) : null;
      if (bad) {
        // Remember the field's own description once, to restore it when the problem is fixed.
        if (bad.dataset['describedby'] === undefined) bad.dataset['describedby'] = bad.getAttribute('aria-describedby') ?? '';
        bad.setAttribute('aria-invalid', 'true');
        bad.setAttribute('aria-describedby', this.error.id);
        this.invalid.push(bad);
      }
      this.status.textContent = `Cannot decide: ${out.message}`;
    }
  }

  if (!customElements.get(tag)) customElements.define(tag, SimElement);
}
