/** Small DOM helpers shared by the simulators' custom elements. Text only: nothing is parsed as HTML. */

type Child = Node | string | number | null | undefined | false;

/** Creates an element; attributes are set with setAttribute, children appended as nodes or text. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'object' ? c : String(c));
  return el;
}

/** Marks a field invalid (or valid again) and links it to the error message element. */
export function markField(input: HTMLElement, invalid: boolean, errorId: string): void {
  if (invalid) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', errorId);
  } else {
    input.removeAttribute('aria-invalid');
    if (input.getAttribute('aria-describedby') === errorId) input.removeAttribute('aria-describedby');
  }
}

export class FieldError extends Error {
  constructor(
    readonly input: HTMLElement,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a number input; throws a FieldError naming the field (its label) when the value is out of range. */
export function readNumber(input: HTMLInputElement, opts: { min: number; max: number; integer?: boolean; optional?: boolean }): number | undefined {
  const label = input.labels?.[0]?.textContent?.trim() || input.name;
  const raw = input.value.trim();
  if (raw === '') {
    if (opts.optional) return undefined;
    throw new FieldError(input, `${label}: enter a number.`);
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new FieldError(input, `${label}: "${raw.slice(0, 40)}" is not a number.`);
  if (opts.integer && !Number.isInteger(n)) throw new FieldError(input, `${label}: must be a whole number.`);
  if (n < opts.min || n > opts.max) throw new FieldError(input, `${label}: must be between ${opts.min} and ${opts.max}.`);
  return n;
}

/** Shows or hides an error paragraph (its text only). */
export function showError(el: HTMLElement, message: string | null): void {
  el.textContent = message ?? '';
  el.hidden = message === null;
}

/** A random seed a person can read and retype. */
export function newSeed(): string {
  const words = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'gale', 'harbor', 'iris', 'juniper', 'kelp', 'lumen'];
  const pick = () => words[Math.floor(Math.random() * words.length)]!;
  return `${pick()}-${Math.floor(Math.random() * 1000)}`;
}

export const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Clears earlier field errors, then reads the form. A FieldError marks its field, shows the message (the
 * result on screen stays: `what` names it, e.g. "result") and gives undefined; anything else is a bug and
 * is rethrown.
 */
export function readFormOrReport<F>(form: HTMLFormElement, error: HTMLElement, errorId: string, what: string, read: () => F): F | undefined {
  for (const el of form.querySelectorAll<HTMLElement>('[aria-invalid]')) markField(el, false, errorId);
  try {
    return read();
  } catch (e) {
    if (!(e instanceof FieldError)) throw e;
    markField(e.input, true, errorId);
    showError(error, `${e.message} The ${what} below is the last valid one.`);
    return undefined;
  }
}

/**
 * Base of the form-driven simulators (canary, fault, outlier, JWT): the server-rendered result stays, the
 * form and the `.<prefix>-js-only` parts appear once the script runs, and errors go to `.sim-error`.
 */
export abstract class FormSim extends HTMLElement {
  protected form!: HTMLFormElement;
  protected error!: HTMLElement;
  protected errorId = `sim-err-${Math.random().toString(36).slice(2, 8)}`;

  /** Wires the form once; false when the element was already set up (e.g. moved in the DOM). */
  protected setUp(prefix: string): boolean {
    if (this.dataset['ready']) return false;
    this.dataset['ready'] = 'true';
    this.form = this.querySelector('form')!;
    this.error = this.querySelector('.sim-error')!;
    this.error.id = this.errorId;
    this.form.hidden = false;
    this.querySelector<HTMLElement>(`.${prefix}-js-only`)!.hidden = false;
    this.form.addEventListener('submit', (e) => e.preventDefault());
    return true;
  }
}
