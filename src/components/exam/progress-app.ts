/**
 * The progress page: readiness per domain (weighted like the exam), weakest competencies first with their
 * pages and labs, marks for pages read and labs done, mock results, and export / import / reset of the data.
 */
import { examDomains } from '../../data/curriculum';
import { emptyProgress, exportProgress, readProgress } from '../../lib/exam/storage';
import { h, render } from '../sim/kit/vnode';
import { readiness, type CompetencyLinks } from './readiness';
import { progressStore, showNotice } from './store';
import { pct } from './views';

export function mountProgress(root: HTMLElement, links: CompetencyLinks[]): void {
  const store = progressStore();
  const summary = root.querySelector<HTMLElement>('[data-progress-summary]')!;
  const status = root.querySelector<HTMLElement>('[data-progress-status]')!;
  showNotice(root);

  function paint(): void {
    const p = store.get();
    const r = readiness(p, links);
    const weakest = [...r.competencies].sort((a, b) => a.score - b.score);
    render(summary, [
      h('h2', null, `Readiness: ${pct(r.overall)}`),
      // Like every table on the site: whole words, and a labelled region that scrolls when a phone is too narrow.
      h(
        'div',
        { class: 'table-scroll', style: 'min-width: 0', tabindex: '0', role: 'region', 'aria-label': 'Table: Readiness per domain' },
        h(
          'table',
          null,
          h('caption', null, 'Readiness per domain'),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Domain'), h('th', { scope: 'col' }, 'Exam weight'), h('th', { scope: 'col' }, 'Readiness'))),
          h('tbody', null, examDomains.map((d) => h('tr', null, h('th', { scope: 'row' }, d.title), h('td', null, `${d.weight}%`), h('td', null, pct(r.domains[d.id]))))),
        ),
      ),
      h('h2', null, 'Weakest competencies first'),
      h(
        'ol',
        { class: 'flex flex-col gap-2' },
        weakest.map((c) => {
          const l = links.find((x) => x.id === c.id)!;
          return h(
            'li',
            null,
            h('strong', null, `${l.title}: ${pct(c.score)}`),
            ' ',
            l.pages.map((pg, i) => [i ? ', ' : 'Read: ', h('a', { href: pg.path }, pg.title)]).flat(),
            l.labs.length ? '. ' : '',
            l.labs.map((lab, i) => [i ? ', ' : 'Lab: ', h('a', { href: lab.path }, lab.title)]).flat(),
            '. ',
            h('a', { href: `/practice/#${l.tasks[0] ?? ''}` }, `Practise (${l.tasks.length} tasks)`),
          );
        }),
      ),
      h('h2', null, 'Mock exams taken'),
      p.mocks.length
        ? h(
            'ul',
            null,
            p.mocks
              .slice()
              .reverse()
              .map((m) => h('li', null, `${new Date(m.at).toLocaleString()}: ${m.mockId.startsWith('random') ? 'random mock' : m.mockId.replace('mock-', 'mock ')}, ${pct(m.total)} (${m.passed ? 'passed' : 'not passed'}), ${Math.round(m.elapsedMs / 60_000)} min`)),
          )
        : h('p', null, 'None yet.'),
      h('p', null, `Check-yourself questions self-marked in the drills: ${Object.keys(p.checks).length} (${Object.values(p.checks).filter((x) => x === 3).length} known).`),
    ]);
    for (const box of root.querySelectorAll<HTMLInputElement>('input[data-mark]')) {
      const list = box.dataset['mark'] === 'page' ? p.pagesRead : p.labsDone;
      box.checked = list.includes(box.value);
    }
  }

  root.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (box.dataset['mark']) {
      const key = box.dataset['mark'] === 'page' ? 'pagesRead' : 'labsDone';
      store.update((p) => {
        p[key] = box.checked ? [...new Set([...p[key], box.value])] : p[key].filter((x) => x !== box.value);
      });
      paint();
    }
    if (box.type === 'file' && box.files?.[0]) {
      const file = box.files[0];
      if (file.size > 2 * 1024 * 1024) {
        status.textContent = `Import refused: the file is ${Math.round(file.size / 1024)} KB, more than a progress file can be. Nothing was changed.`;
        box.value = '';
        return;
      }
      void file.text().then((text) => {
        const r = readProgress(text);
        if (!r.ok) status.textContent = `Import refused: ${r.reason}. Nothing was changed.`;
        else {
          store.replace(r.progress);
          status.textContent = 'Progress imported.';
          paint();
        }
        box.value = '';
      });
    }
  });

  root.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!b) return;
    const confirmBox = root.querySelector<HTMLElement>('[data-reset-confirm]')!;
    switch (b.dataset['action']) {
      case 'export': {
        const blob = new Blob([exportProgress(store.get())], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'ica-guide-progress.json';
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
        status.textContent = 'Progress exported as ica-guide-progress.json.';
        break;
      }
      case 'reset':
        confirmBox.hidden = false;
        confirmBox.querySelector<HTMLElement>('button[data-action="reset-yes"]')?.focus();
        break;
      case 'reset-yes':
        store.replace(emptyProgress());
        confirmBox.hidden = true;
        status.textContent = 'Progress reset.';
        paint();
        root.querySelector<HTMLElement>('button[data-action="reset"]')?.focus();
        break;
      case 'reset-no':
        confirmBox.hidden = true;
        root.querySelector<HTMLElement>('button[data-action="reset"]')?.focus();
        break;
    }
  });

  paint();
  root.removeAttribute('aria-busy');
}
