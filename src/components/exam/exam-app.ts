/**
 * The mock exam: start a mock, answer 15 tasks against a 120-minute clock (flag, jump, submit), then results
 * per domain against 68% and a review of every task. The session lives in progress storage, so a reload
 * continues where the learner was. Loaded on intent by MockExam.astro.
 */
import { examDomains } from '../../data/curriculum';
import { domainOf, taskById } from '../../data/tasks';
import { gradeTask } from '../../lib/exam/grade';
import { EXAM_MINUTES, findMock, PASS_MARK, scoreMock } from '../../lib/exam/mocks';
import type { ExamSession } from '../../lib/exam/storage';
import { browserClock, ExamTimer, formatRemaining } from '../../lib/exam/timer';
import type { GradeResult, Task } from '../../lib/exam/types';
import { h, render } from '../sim/kit/vnode';
import { answerEditor } from './answer-editor';
import { progressStore } from './store';
import { gradeView, pct, solutionView, taskView } from './views';

const SAVE_EVERY_MS = 5000;

export function mountExam(root: HTMLElement): { start(mockId: string): void } {
  const store = progressStore();
  const list = root.querySelector<HTMLElement>('[data-exam-list]')!;
  const view = root.querySelector<HTMLElement>('[data-exam-view]')!;
  const live = root.querySelector<HTMLElement>('[data-exam-live]')!;
  let timer: ExamTimer | null = null;
  let ticking: ReturnType<typeof setInterval> | undefined;
  let lastTick = 0;
  let lastSave = 0;
  const editor = answerEditor(view);

  const session = () => store.get().session;
  const tasksOf = (s: ExamSession): Task[] => (findMock(s.mockId)?.taskIds ?? []).map((id) => taskById.get(id)).filter((t): t is Task => t !== undefined);

  function save(): void {
    const s = session();
    if (!s || !timer) return;
    store.update((p) => {
      if (p.session) p.session.timer = timer!.snapshot();
    });
    lastSave = performance.now();
  }

  function tick(): void {
    const s = session();
    if (!s || !timer) return;
    const now = performance.now();
    const task = tasksOf(s)[s.current];
    if (task) s.timeOnTask[task.id] = (s.timeOnTask[task.id] ?? 0) + (now - lastTick);
    lastTick = now;
    const clock = view.querySelector<HTMLElement>('[data-clock]');
    if (clock) clock.textContent = formatRemaining(timer.remainingMs());
    const say = timer.announcement();
    if (say) live.textContent = say;
    if (timer.expired()) {
      live.textContent = 'Time is up. Your answers were submitted.';
      submit();
      return;
    }
    if (now - lastSave > SAVE_EVERY_MS) save();
  }

  function stopClock(): void {
    clearInterval(ticking);
    ticking = undefined;
  }

  function startClock(s: ExamSession): void {
    timer = new ExamTimer(s.timer, browserClock);
    lastTick = performance.now();
    stopClock();
    ticking = setInterval(tick, 1000);
  }

  function showExam(focusHeading: boolean): void {
    const s = session();
    if (!s) return;
    const tasks = tasksOf(s);
    const task = tasks[s.current]!;
    const mock = findMock(s.mockId)!;
    list.hidden = true;
    const answered = (t: Task) => (s.answers[t.id] ?? '').trim() !== '';
    render(view, [
      h(
        'div',
        { class: 'flex flex-wrap items-center justify-between gap-3 border-b border-[var(--sl-color-gray-5)] pb-2' },
        h('p', { class: 'font-semibold' }, mock.title),
        h('p', null, 'Time left: ', h('span', { role: 'timer', 'data-clock': '', class: 'font-mono' }, formatRemaining(timer!.remainingMs()))),
        h('button', { type: 'button', 'data-action': 'ask-submit' }, 'Submit exam'),
      ),
      h('div', { 'data-confirm': '', hidden: true, class: 'border border-[var(--sl-color-gray-5)] p-3 flex flex-wrap gap-3 items-center' },
        h('p', null, `Submit now? ${tasks.filter((t) => !answered(t)).length} task(s) have no answer.`),
        h('button', { type: 'button', 'data-action': 'submit' }, 'Yes, submit'),
        h('button', { type: 'button', 'data-action': 'cancel-submit' }, 'Keep working'),
      ),
      h(
        'nav',
        { 'aria-label': 'Tasks', class: 'py-2' },
        h(
          'ol',
          { class: 'flex flex-wrap gap-2 list-none p-0' },
          tasks.map((t, i) =>
            h(
              'li',
              { class: 'm-0' },
              h(
                'button',
                {
                  type: 'button',
                  'data-action': 'jump',
                  'data-index': String(i),
                  'aria-current': i === s.current ? 'step' : undefined,
                  'aria-label': `Task ${i + 1}${answered(t) ? ', answered' : ''}${s.flagged.includes(t.id) ? ', flagged' : ''}`,
                  class: `min-w-10 ${i === s.current ? 'font-bold underline' : ''}`,
                },
                `${i + 1}${s.flagged.includes(t.id) ? ' ⚑' : ''}${answered(t) ? ' ✓' : ''}`,
              ),
            ),
          ),
        ),
      ),
      h('p', { class: 'text-sm' }, `Task ${s.current + 1} of ${tasks.length}`),
      taskView(task, s.answers[task.id] ?? (task.kind === 'troubleshoot' ? task.starter : ''), { headingId: 'exam-task-heading', answerId: 'exam-answer', showLinks: true }),
      h(
        'div',
        { class: 'flex flex-wrap gap-3 pt-2' },
        h('button', { type: 'button', 'data-action': 'prev', disabled: s.current === 0 }, 'Previous task'),
        h('button', { type: 'button', 'data-action': 'flag', 'aria-pressed': s.flagged.includes(task.id) ? 'true' : 'false' }, 'Flag for review'),
        h('button', { type: 'button', 'data-action': 'next', disabled: s.current === tasks.length - 1 }, 'Next task'),
      ),
    ]);
    editor.attach();
    if (focusHeading) view.querySelector<HTMLElement>('#exam-task-heading')?.focus();
  }

  function go(index: number): void {
    const s = session();
    if (!s) return;
    const n = tasksOf(s).length;
    const to = Math.max(0, Math.min(n - 1, index));
    store.update((p) => {
      if (p.session) {
        p.session.current = to;
        if (timer) p.session.timer = timer.snapshot();
      }
    });
    showExam(true);
  }

  function submit(): void {
    const s = session();
    if (!s || !timer) return;
    stopClock();
    const tasks = tasksOf(s);
    const scores: Record<string, number> = {};
    for (const t of tasks) scores[t.id] = gradeTask(t, s.answers[t.id] ?? '').score;
    const score = scoreMock(tasks, scores);
    const at = Date.now();
    const elapsedMs = Math.round(timer.elapsedMs());
    store.update((p) => {
      for (const t of tasks) {
        const prev = p.tasks[t.id];
        p.tasks[t.id] = { best: Math.max(prev?.best ?? 0, scores[t.id]!), last: scores[t.id]!, at };
      }
      p.mocks.push({ mockId: s.mockId, at, total: score.total, byDomain: score.byDomain, passed: score.passed, elapsedMs });
      if (p.session) {
        p.session.timer = timer!.snapshot();
        p.session.submittedAt = at;
      }
    });
    showResults(true);
  }

  function showResults(focus: boolean): void {
    const s = session();
    if (!s) return;
    list.hidden = true;
    const tasks = tasksOf(s);
    const results = new Map<string, GradeResult>(tasks.map((t) => [t.id, gradeTask(t, s.answers[t.id] ?? '')]));
    const score = scoreMock(tasks, Object.fromEntries([...results].map(([id, r]) => [id, r.score])));
    const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
    render(view, [
      h('h2', { id: 'exam-results-heading', tabindex: '-1' }, `Result: ${pct(score.total)}, ${score.passed ? 'passed' : 'not passed'} (pass mark ${pct(PASS_MARK)})`),
      h(
        'table',
        null,
        h('caption', null, 'Score per domain'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Domain'), h('th', { scope: 'col' }, 'Weight'), h('th', { scope: 'col' }, 'Score'))),
        h('tbody', null, examDomains.map((d) => h('tr', null, h('th', { scope: 'row' }, d.title), h('td', null, `${d.weight}%`), h('td', null, pct(score.byDomain[d.id] ?? 0))))),
      ),
      h(
        'table',
        null,
        h('caption', null, 'Score and time per task'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Task'), h('th', { scope: 'col' }, 'Domain'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Time'))),
        h(
          'tbody',
          null,
          tasks.map((t, i) => h('tr', null, h('th', { scope: 'row' }, `${i + 1}. ${t.title}`), h('td', null, examDomains.find((d) => d.id === domainOf(t))!.shortTitle), h('td', null, pct(results.get(t.id)!.score)), h('td', null, minutes(s.timeOnTask[t.id] ?? 0)))),
        ),
      ),
      h('h2', null, 'Review'),
      ...tasks.map((t, i) =>
        h(
          'details',
          { class: 'border-t border-[var(--sl-color-gray-5)] py-2' },
          h('summary', null, `${i + 1}. ${t.title}: ${pct(results.get(t.id)!.score)}`),
          h('p', null, t.requirements.join(' ')),
          h('p', { class: 'font-semibold' }, 'Your answer'),
          h('pre', { class: 'overflow-x-auto text-sm', tabindex: '0', 'aria-label': `Your answer to task ${i + 1}` }, s.answers[t.id]?.trim() ? s.answers[t.id]! : '(no answer)'),
          gradeView(results.get(t.id)!, { headingLevel: 'h3' }),
          solutionView(t),
        ),
      ),
      h('p', null, h('button', { type: 'button', 'data-action': 'close' }, 'Back to the mock exams')),
    ]);
    editor.attach();
    if (focus) view.querySelector<HTMLElement>('#exam-results-heading')?.focus();
  }

  function close(): void {
    store.update((p) => {
      p.session = null;
    });
    render(view, []);
    editor.attach();
    list.hidden = false;
    list.querySelector<HTMLElement>('button')?.focus();
  }

  view.addEventListener('input', (e) => {
    const t = e.target as HTMLElement;
    if (!t.hasAttribute('data-answer')) return;
    const s = session();
    const task = s ? tasksOf(s)[s.current] : undefined;
    if (!s || !task) return;
    store.update((p) => {
      if (p.session) p.session.answers[task.id] = (t as HTMLTextAreaElement).value;
    });
    const nav = view.querySelector(`button[data-action="jump"][data-index="${s.current}"]`);
    if (nav) nav.setAttribute('aria-label', `Task ${s.current + 1}${(t as HTMLTextAreaElement).value.trim() ? ', answered' : ''}${s.flagged.includes(task.id) ? ', flagged' : ''}`);
  });

  view.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!b) return;
    const s = session();
    switch (b.dataset['action']) {
      case 'jump':
        go(Number(b.dataset['index']));
        break;
      case 'prev':
        if (s) go(s.current - 1);
        break;
      case 'next':
        if (s) go(s.current + 1);
        break;
      case 'flag': {
        const task = s ? tasksOf(s)[s.current] : undefined;
        if (!task) break;
        store.update((p) => {
          if (!p.session) return;
          const f = p.session.flagged;
          p.session.flagged = f.includes(task.id) ? f.filter((x) => x !== task.id) : [...f, task.id];
        });
        showExam(false);
        view.querySelector<HTMLElement>('button[data-action="flag"]')?.focus();
        live.textContent = session()?.flagged.includes(task.id) ? 'Task flagged.' : 'Flag removed.';
        break;
      }
      case 'ask-submit': {
        const c = view.querySelector<HTMLElement>('[data-confirm]')!;
        c.hidden = false;
        c.querySelector<HTMLElement>('button[data-action="submit"]')?.focus();
        break;
      }
      case 'cancel-submit':
        view.querySelector<HTMLElement>('[data-confirm]')!.hidden = true;
        view.querySelector<HTMLElement>('button[data-action="ask-submit"]')?.focus();
        break;
      case 'submit':
        submit();
        break;
      case 'close':
        close();
        break;
    }
  });

  const persist = () => {
    if (session() && !session()!.submittedAt) save();
  };
  window.addEventListener('pagehide', persist);
  document.addEventListener('visibilitychange', persist);

  // A session in storage: continue it (or show its results).
  const existing = session();
  if (existing && findMock(existing.mockId)) {
    if (existing.submittedAt) showResults(false);
    else {
      startClock(existing);
      showExam(false);
    }
  }

  return {
    start(mockId: string) {
      if (!findMock(mockId)) return;
      store.update((p) => {
        p.session = { mockId, answers: {}, flagged: [], current: 0, timer: { durationMs: EXAM_MINUTES * 60_000, elapsedMs: 0, savedAt: null }, timeOnTask: {}, submittedAt: null };
      });
      startClock(session()!);
      save();
      showExam(true);
    },
  };
}
