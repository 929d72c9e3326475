/**
 * <request-path-sim>: steps through the hops rendered at build time (RequestPathSim.astro), highlights
 * the current hop in the SVG and announces its explanation. Reads everything from the DOM.
 */
type Scenario = 'sidecar' | 'ambient' | 'waypoint';

class RequestPathSim extends HTMLElement {
  private scenario: Scenario = 'sidecar';
  private index = 0;
  private live!: HTMLElement;
  private count!: HTMLElement;
  private prev!: HTMLButtonElement;
  private next!: HTMLButtonElement;
  private waypoint!: HTMLInputElement;

  connectedCallback(): void {
    if (this.dataset['enhanced']) return;
    const q = <T extends Element>(s: string) => this.querySelector<T>(s)!;
    this.live = q('.rp-live');
    this.count = q('.rp-count');
    this.prev = q('.rp-prev');
    this.next = q('.rp-next');
    this.waypoint = q('input[name="rp-waypoint"]');
    // Radio names must be unique per instance.
    const uid = `rp-${Math.random().toString(36).slice(2, 8)}`;
    for (const r of this.querySelectorAll<HTMLInputElement>('input[name="rp-mode"]')) r.name = uid;
    q<HTMLElement>('.rp-controls').hidden = false;
    q<HTMLElement>('.rp-nav').hidden = false;
    this.live.hidden = false;
    this.dataset['enhanced'] = 'true';
    this.scenario = this.dataset['initial'] === 'ambient' ? 'ambient' : 'sidecar';
    this.addEventListener('change', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.type === 'radio' || t === this.waypoint) {
        const mode = this.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
        this.scenario = mode === 'ambient' ? (this.waypoint.checked ? 'waypoint' : 'ambient') : 'sidecar';
        this.index = 0;
        this.render(true);
      }
    });
    this.prev.addEventListener('click', () => this.go(this.index - 1));
    this.next.addEventListener('click', () => this.go(this.index + 1));
    this.addEventListener('keydown', (e) => {
      if ((e.target as HTMLElement).tagName === 'INPUT') return;
      const keys: Record<string, number> = { ArrowLeft: this.index - 1, ArrowRight: this.index + 1, Home: 0, End: this.hops().length - 1 };
      if (e.key in keys) {
        e.preventDefault();
        this.go(keys[e.key]!);
      }
    });
    this.render(false);
  }

  private hops(): HTMLLIElement[] {
    return [...this.querySelectorAll<HTMLLIElement>(`[data-scenario="${this.scenario}"] li`)];
  }

  private go(i: number): void {
    const n = this.hops().length;
    if (i < 0 || i >= n) return;
    this.index = i;
    this.render(true);
  }

  private render(announce: boolean): void {
    const ambient = this.scenario !== 'sidecar';
    this.dataset['waypoint'] = this.scenario === 'waypoint' ? 'on' : 'off';
    this.waypoint.disabled = !ambient;
    for (const el of this.querySelectorAll<HTMLElement>('[data-mode-figure]')) el.classList.toggle('is-active', el.dataset['modeFigure'] === (ambient ? 'ambient' : 'sidecar'));
    for (const el of this.querySelectorAll<HTMLElement>('[data-scenario]')) el.classList.toggle('is-active', el.dataset['scenario'] === this.scenario);
    const hops = this.hops();
    const hop = hops[this.index]!;
    hops.forEach((li, i) => (i === this.index ? li.setAttribute('aria-current', 'step') : li.removeAttribute('aria-current')));
    const parts = new Set((hop.dataset['parts'] ?? '').split(' '));
    const figure = this.querySelector(`[data-mode-figure="${ambient ? 'ambient' : 'sidecar'}"]`)!;
    for (const el of figure.querySelectorAll<SVGElement>('[data-part]')) el.classList.toggle('is-current', parts.has(el.dataset['part'] ?? ''));
    const label = `Hop ${this.index + 1} of ${hops.length}`;
    this.count.textContent = label;
    this.prev.setAttribute('aria-disabled', String(this.index === 0));
    this.next.setAttribute('aria-disabled', String(this.index === hops.length - 1));
    const title = this.querySelector<HTMLElement>(`[data-scenario="${this.scenario}"] h3`)?.textContent ?? '';
    const text = `${label}, ${title}: ${hop.textContent?.trim() ?? ''}`;
    if (announce || this.live.textContent !== text) this.live.textContent = text;
  }
}

if (!customElements.get('request-path-sim')) customElements.define('request-path-sim', RequestPathSim);
