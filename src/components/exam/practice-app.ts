/**
 * Practice mode: one task, untimed, with hints; "Check" grades it and shows what each probe saw. The draft is
 * kept per task in progress storage and the task id in the URL hash, so a reload comes back to it.
 */
import { taskById } from '../../data/tasks';
import { gradeTask } from '../../lib/exam/grade';
import { h, render } from '../sim/kit/vnode';
import { answerEditor } from './answer-editor';
import { progressStore } from './store';
import { gradeView, solutionView, taskView } from './views';

export function mountPractice(root: HTMLElement): { open(taskId: string): void } {
  const store = progressStore();
  const list = root.querySelector<HTMLElement>('[data-practice-list]')!;
  const view = root.querySelector<HTMLElement>('[data-practice-view]')!;
  let current: string | null = null;
  let hintsShown = 0;
  const editor = answerEditor(view);

  function show(focus: boolean): void {
    const task = current ? taskById.get(current) : undefined;
    if (!task) return;
    list.hidden = true;
    const draft = store.get().drafts[task.id] ?? (task.kind === 'troubleshoot' ? task.starter : '');
    render(view, [
      h('p', null, h('button', { type: 'button', 'data-action': 'back' }, 'All practice tasks')),
      taskView(task, draft, { headingId: 'practice-heading', answerId: 'practice-answer', showLinks: true }),
      h(
        'div',
        { class: 'flex flex-wrap gap-3' },
        h('button', { type: 'button', 'data-action': 'check' }, 'Check my answer'),
        hintsShown < task.hints.length ? h('button', { type: 'button', 'data-action': 'hint' }, `Show hint ${hintsShown + 1} of ${task.hints.length}`) : null,
      ),
      hintsShown ? h('ol', { class: 'list-decimal ps-6', 'aria-label': 'Hints' }, task.hints.slice(0, hintsShown).map((x) => h('li', null, x))) : null,
      h('div', { 'data-result': '', 'aria-live': 'polite' }),
    ]);
    editor.attach();
    if (focus) view.querySelector<HTMLElement>('#practice-heading')?.focus();
  }

  function check(): void {
    const task = current ? taskById.get(current) : undefined;
    if (!task) return;
    const answer = view.querySelector<HTMLTextAreaElement>('[data-answer]')?.value ?? '';
    const result = gradeTask(task, answer);
    store.update((p) => {
      const prev = p.tasks[task.id];
      p.tasks[task.id] = { best: Math.max(prev?.best ?? 0, result.score), last: result.score, at: Date.now() };
    });
    render(view.querySelector('[data-result]')!, [gradeView(result, { headingLevel: 'h3' }), solutionView(task)]);
    // A rejected answer's findings also show at their lines in the editor (cleared by the next check).
    editor.showDiagnostics(result.rejected ? result.diagnostics.flatMap((d) => (d.line ? [{ line: d.line, severity: d.severity, message: d.message }] : [])) : []);
  }

  view.addEventListener('input', (e) => {
    const t = e.target as HTMLTextAreaElement;
    if (!t.hasAttribute('data-answer') || !current) return;
    const id = current;
    store.update((p) => {
      p.drafts[id] = t.value;
    });
  });
  view.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!b) return;
    if (b.dataset['action'] === 'check') check();
    if (b.dataset['action'] === 'hint') {
      hintsShown++;
      const answer = view.querySelector<HTMLTextAreaElement>('[data-answer]')?.value;
      if (answer !== undefined && current) store.update((p) => void (p.drafts[current!] = answer));
      show(false);
      (view.querySelector<HTMLElement>('button[data-action="hint"]') ?? view.querySelector<HTMLElement>('button[data-action="check"]'))?.focus();
    }
    if (b.dataset['action'] === 'back') {
      current = null;
      history.replaceState(null, '', location.pathname);
      render(view, []);
      editor.attach();
      list.hidden = false;
      list.querySelector<HTMLElement>('button')?.focus();
    }
  });

  return {
    open(taskId: string) {
      if (!taskById.has(taskId)) return;
      current = taskId;
      hintsShown = 0;
      history.replaceState(null, '', `#${taskId}`);
      show(true);
    },
  };
}
