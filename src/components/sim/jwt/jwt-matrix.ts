/** <jwt-matrix>: recomputes the JWT outcome matrix from the form and marks the cells that changed. */
import { FieldError, h, showError, readFormOrReport, FormSim } from '../resilience/ui';
import type { Cell, JwtForm } from './jwt-view';

/** The view model pulls in the engine (JWT + authorization + RE2): loaded as its own chunk. */
type View = typeof import('./jwt-view');

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

class JwtMatrix extends FormSim {
  private last: Cell[][] | null = null;
  private view!: Promise<View>;
  private pending = 0;

  connectedCallback(): void {
    if (!this.setUp('jm')) return;
    this.form.addEventListener('input', () => void this.update());
    this.view = import('./jwt-view');
    void this.view.then((v) => {
      const m = v.buildMatrix(v.jwtDefaults);
      if (m.ok && this.last === null) this.last = m.cells;
    });
  }

  private input(name: string): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private text(name: string, required: boolean): string {
    const el = this.input(name);
    const v = el.value.trim();
    if (required && v === '') throw new FieldError(el, `${el.labels?.[0]?.firstChild?.textContent?.trim() ?? name}: must not be empty.`);
    if (/\s/.test(v) && name !== 'audiences' && name !== 'tokenAud') throw new FieldError(el, `${el.labels?.[0]?.firstChild?.textContent?.trim() ?? name}: must not contain spaces.`);
    return v;
  }

  private read(): JwtForm {
    return {
      issuer: this.text('issuer', true),
      audiences: splitList(this.input('audiences').value),
      tokenIss: this.text('tokenIss', true),
      tokenSub: this.text('tokenSub', true),
      tokenAud: splitList(this.input('tokenAud').value),
      principal: this.text('principal', true),
    };
  }

  private async update(): Promise<void> {
    const ticket = ++this.pending;
    const { buildMatrix, columns, raYaml, rows } = await this.view;
    if (ticket !== this.pending) return;
    const status = this.querySelector('.jm-status')!;
    const f = readFormOrReport(this.form, this.error, this.errorId, 'matrix', () => this.read());
    if (f === undefined) {
      // Never claim a recompute while an input error is shown.
      status.textContent = 'Input problem: the matrix was not recomputed (see the message above).';
      return;
    }
    const m = buildMatrix(f);
    if (!m.ok) {
      showError(this.error, `${m.message} The matrix below is the last valid one.`);
      status.textContent = 'Input problem: the matrix was not recomputed (see the message above).';
      return;
    }
    showError(this.error, null);
    const prev = this.last;
    let changed = 0;
    this.querySelector('.jm-yaml')!.textContent = raYaml(f);
    this.querySelectorAll('.jm-table thead th').forEach((th, j) => {
      if (j > 0) th.textContent = columns[j - 1]!.label(f);
    });
    const trs = this.querySelectorAll('.jm-table tbody tr');
    rows.forEach((r, i) => {
      const tr = trs[i]!;
      const cellsHtml: HTMLElement[] = [h('th', { scope: 'row' }, r.label(f))];
      m.cells[i]!.forEach((c, j) => {
        const before = prev?.[i]?.[j];
        const diff = !!before && (before.status !== c.status || before.short !== c.short);
        if (diff) changed++;
        cellsHtml.push(
          h(
            'td',
            { 'data-status': String(c.status), class: diff ? 'sim-changed' : undefined },
            h('strong', { class: 'jm-code' }, String(c.status)),
            ' ',
            h('span', { class: 'jm-short' }, c.short),
            diff ? h('span', { class: 'jm-tag' }, before!.status !== c.status ? `was ${before!.status}` : 'new reason') : null,
          ),
        );
      });
      tr.replaceChildren(...cellsHtml);
    });
    this.querySelector('.jm-why ul')!.replaceChildren(
      ...rows.flatMap((r, i) => columns.map((c, j) => h('li', {}, h('strong', {}, `${r.label(f)} × ${c.label(f)}:`), ` ${m.cells[i]![j]!.full}`))),
    );
    this.last = m.cells;
    status.textContent =
      changed === 0 ? 'Matrix recomputed: no cell changed.' : `Matrix recomputed: ${changed} cell${changed === 1 ? '' : 's'} changed (marked).`;
  }
}

if (!customElements.get('jwt-matrix')) customElements.define('jwt-matrix', JwtMatrix);
