/**
 * <route-sim>: re-runs the route simulation (model.ts) as the reader edits the YAML or the request.
 * Results are built as DOM nodes from text (never innerHTML); a bad input keeps the last good result and
 * the reader's text, and names the line or field.
 */
import { render } from '../shared/vnode';
import { computeRoute, type RouteFields } from './model';
import { routePresets } from './presets';

const FIELDS: (keyof RouteFields)[] = ['yaml', 'method', 'authority', 'path', 'headers', 'gateway', 'port', 'sourceLabels', 'noEndpoints'];

class RouteSim extends HTMLElement {
  private form!: HTMLFormElement;
  private result!: HTMLElement;
  private status!: HTMLElement;
  private error!: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    if (this.dataset['enhanced']) return;
    this.dataset['enhanced'] = 'true';
    this.form = this.querySelector('form')!;
    this.result = this.querySelector('.sim-result')!;
    this.status = this.querySelector('.sim-status')!;
    this.error = this.querySelector('.sim-error')!;
    for (const el of this.querySelectorAll<HTMLElement>('.sim-presets, .sim-run')) el.hidden = false;
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
    this.form.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), 350);
    });
    this.form.addEventListener('change', (e) => {
      if ((e.target as HTMLElement).tagName === 'SELECT') this.run();
    });
    this.querySelector('.sim-presets')!.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-preset]');
      if (!b) return;
      const p = routePresets.find((x) => x.id === b.dataset['preset']);
      if (!p) return;
      for (const other of this.querySelectorAll<HTMLButtonElement>('button[data-preset]')) other.setAttribute('aria-pressed', String(other === b));
      for (const k of FIELDS) this.field(k).value = p.fields[k];
      this.run();
    });
  }

  private field(name: keyof RouteFields): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private read(): RouteFields {
    const out = {} as RouteFields;
    for (const k of FIELDS) out[k] = this.field(k).value;
    return out;
  }

  run(): void {
    clearTimeout(this.timer);
    const yaml = this.field('yaml');
    const out = computeRoute(this.read());
    if (out.ok) {
      render(this.result, out.view);
      this.result.classList.remove('is-stale');
      this.error.hidden = true;
      this.error.textContent = '';
      yaml.removeAttribute('aria-invalid');
      this.status.textContent = out.verdict;
      return;
    }
    this.error.textContent = out.message;
    this.error.hidden = false;
    this.result.classList.add('is-stale');
    if (out.line !== undefined) yaml.setAttribute('aria-invalid', 'true');
    else yaml.removeAttribute('aria-invalid');
    this.status.textContent = `Not routed: ${out.message}`;
  }
}

if (!customElements.get('route-sim')) customElements.define('route-sim', RouteSim);
