/** <outlier-lab>: makes the outlier-ejection worked example editable (see OutlierLab.astro). */
import { outlierDefaults, outlierYaml, podName, runOutlier, type OutlierForm } from './outlier-view';
import { FieldError, h, readNumber, showError, readFormOrReport, FormSim } from './ui';

class OutlierLab extends FormSim {

  connectedCallback(): void {
    if (!this.setUp('ol')) return;
    this.form.addEventListener('input', () => this.update());
    this.form.addEventListener('change', () => this.update());
    this.querySelector('.ol-reset')!.addEventListener('click', () => {
      this.fill(outlierDefaults);
      this.update();
    });
  }

  private field<T extends HTMLInputElement | HTMLSelectElement>(name: string): T {
    return this.form.elements.namedItem(name) as T;
  }

  private fill(f: OutlierForm): void {
    for (const k of ['pods', 'consecutive5xxErrors', 'consecutiveGatewayErrors', 'intervalS', 'baseEjectionTimeS', 'maxEjectionPercent', 'durationS', 'rps'] as const) {
      this.field<HTMLInputElement>(k).value = String(f[k]);
    }
    for (let i = 0; i < 3; i++) {
      const x = f.failures[i];
      this.field<HTMLSelectElement>(`f${i}-pod`).value = String(x?.pod ?? 0);
      this.field<HTMLInputElement>(`f${i}-from`).value = String(x?.fromS ?? 0);
      this.field<HTMLInputElement>(`f${i}-to`).value = String(x?.toS ?? 60);
      this.field<HTMLSelectElement>(`f${i}-status`).value = String(x?.status ?? 503);
    }
  }

  private read(): OutlierForm {
    const num = (name: string, min: number, max: number) => readNumber(this.field<HTMLInputElement>(name), { min, max, integer: true })!;
    const f: OutlierForm = {
      consecutive5xxErrors: num('consecutive5xxErrors', 0, 100),
      consecutiveGatewayErrors: num('consecutiveGatewayErrors', 0, 100),
      intervalS: num('intervalS', 1, 600),
      baseEjectionTimeS: num('baseEjectionTimeS', 1, 600),
      maxEjectionPercent: num('maxEjectionPercent', 0, 100),
      pods: num('pods', 1, 10),
      rps: num('rps', 1, 100),
      durationS: num('durationS', 10, 900),
      failures: [],
    };
    for (let i = 0; i < 3; i++) {
      const podSel = this.field<HTMLSelectElement>(`f${i}-pod`);
      const pod = Number(podSel.value);
      if (!pod) continue;
      if (pod > f.pods) throw new FieldError(podSel, `Failure ${i + 1}, Pod: ${podName(pod)} does not exist with ${f.pods} pod${f.pods === 1 ? '' : 's'}.`);
      const fromS = num(`f${i}-from`, 0, 900);
      const toIn = this.field<HTMLInputElement>(`f${i}-to`);
      const toS = num(`f${i}-to`, 0, 900);
      if (toS <= fromS) throw new FieldError(toIn, `Failure ${i + 1}, To (s): must be after From (${fromS} s).`);
      f.failures.push({ pod, fromS, toS, status: Number(this.field<HTMLSelectElement>(`f${i}-status`).value) });
    }
    return f;
  }

  private update(): void {
    const f = readFormOrReport(this.form, this.error, this.errorId, 'timeline', () => this.read());
    if (f === undefined) return;
    const run = runOutlier(f);
    if (!run.ok) {
      showError(this.error, `${run.message} The timeline below is the last valid one.`);
      return;
    }
    showError(this.error, null);
    this.render(f, run.view);
  }

  private render(f: OutlierForm, v: Extract<ReturnType<typeof runOutlier>, { ok: true }>['view']): void {
    const pct = (ms: number) => `${((100 * ms) / v.durationMs).toFixed(2)}%`;
    this.querySelector('.ol-yaml')!.textContent = outlierYaml(f);
    this.querySelector('.ol-summary')!.textContent = v.summary;
    this.querySelector('.ol-notes')!.replaceChildren(...v.notes.map((n) => h('li', {}, n)));
    this.querySelector('.ol-pods thead th:nth-child(2)')!.textContent = `Timeline, 0 to ${f.durationS} s`;
    this.querySelector('.ol-pods tbody')!.replaceChildren(
      ...v.rows.map((r) => {
        const track = h('div', { class: 'ol-track', 'aria-hidden': 'true' });
        for (const x of r.failing) track.append(h('span', { class: 'ol-fail', style: `left:${pct(x.from)};width:${pct(x.to - x.from)}` }));
        for (const x of r.ejected) track.append(h('span', { class: 'ol-eject', style: `left:${pct(x.from)};width:${pct(x.to - x.from)}` }));
        const text = [...r.failing.map((x) => `fails ${x.from / 1000}–${x.to / 1000} s (${x.status})`), ...r.ejected.map((x) => `ejected ${(x.from / 1000).toFixed(1)}–${(x.to / 1000).toFixed(1)} s`)].join('; ') || 'healthy';
        return h('tr', {}, h('th', { scope: 'row' }, r.pod), h('td', { class: 'ol-track-cell' }, track, h('span', { class: 'ol-sr' }, text)), h('td', {}, r.detail));
      }),
    );
    this.querySelector('.ol-events tbody')!.replaceChildren(...v.events.map((e) => h('tr', {}, h('td', {}, e.t), h('td', {}, e.pod), h('td', {}, e.kind), h('td', {}, e.reason))));
  }
}

if (!customElements.get('outlier-lab')) customElements.define('outlier-lab', OutlierLab);
