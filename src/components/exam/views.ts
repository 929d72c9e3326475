/**
 * Views shared by the mock exam and practice: a task (context, requirements, links, read-only objects, the
 * answer field) and a graded result (each probe with what it saw). Built with the simulators' vnode helper, so
 * every text the learner typed becomes a text node.
 */
import { findCompetency } from '../../data/curriculum';
import type { GradeResult, Task } from '../../lib/exam/types';
import { h, type VNode } from '../sim/kit/vnode';

export const pct = (x: number) => `${Math.round(x * 100)}%`;

export function domainLabel(task: Task): string {
  const c = findCompetency(task.competency);
  return c ? `${c.domain.shortTitle}: ${c.title}` : task.competency;
}

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => h('p', null, p));

export function taskView(task: Task, answer: string, opts: { headingId: string; answerId: string; showLinks: boolean }): VNode {
  const isCommand = task.kind === 'command';
  return h(
    'div',
    { class: 'flex flex-col gap-3' },
    h('h2', { id: opts.headingId, tabindex: '-1', class: 'text-xl' }, task.title),
    h('p', { class: 'text-sm text-[var(--sl-color-gray-3)]' }, `${domainLabel(task)} · ${task.kind === 'troubleshoot' ? 'troubleshooting' : isCommand ? 'command' : 'YAML'} task`),
    ...paragraphs(task.context),
    h('p', { class: 'font-semibold' }, 'Requirements'),
    h('ol', { class: 'list-decimal ps-6' }, task.requirements.map((r) => h('li', null, r))),
    opts.showLinks
      ? h(
          'p',
          { class: 'text-sm' },
          'Documentation: ',
          h('a', { href: task.docsUrl, target: '_blank', rel: 'noopener' }, 'istio.io (v1.26)', h('span', { class: 'sr-only' }, ' (opens in a new tab)')),
          ' · our page: ',
          h('a', { href: task.pagePath, target: '_blank' }, task.pagePath, h('span', { class: 'sr-only' }, ' (opens in a new tab)')),
        )
      : null,
    task.kind !== 'command' && task.given.trim()
      ? h('details', null, h('summary', null, 'Objects that already exist (read-only)'), h('pre', { class: 'overflow-x-auto text-sm', tabindex: '0', 'aria-label': 'Existing objects' }, task.given))
      : null,
    h('label', { id: `${opts.answerId}-label`, for: opts.answerId, class: 'font-semibold' }, isCommand ? 'Your command' : task.kind === 'troubleshoot' ? 'Your fixed manifests (YAML, applied over the broken objects)' : 'Your manifests (YAML)'),
    isCommand
      ? h('input', { id: opts.answerId, type: 'text', value: answer, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', class: 'font-mono w-full', 'data-answer': '' })
      : yamlAnswerField(opts.answerId, answer),
  );
}

/** The YAML answer textarea with its key help and the "Vim keys" choice (answer-editor.ts turns it into the editor). */
function yamlAnswerField(answerId: string, answer: string): VNode {
  const helpId = `${answerId}-help`;
  return h(
    'div',
    { class: 'flex flex-col gap-2' },
    h(
      'p',
      { id: helpId, class: 'text-sm' },
      'Indent with spaces. Tab and Shift+Tab move out of the answer field. With vim keys on, the editor starts in normal mode: press i to insert text and Escape to return to normal mode; Tab and Shift+Tab still leave the field.',
    ),
    h('label', { class: 'flex items-center gap-2 text-sm' }, h('input', { type: 'checkbox', 'data-vim-keys': '' }), 'Vim keys'),
    h('p', { class: 'text-sm', role: 'status', 'data-editor-note': '', hidden: true }),
    h('textarea', { id: answerId, rows: '16', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', 'aria-describedby': helpId, class: 'font-mono w-full', 'data-answer': '' }, answer),
  );
}

export function gradeView(result: GradeResult, opts: { headingLevel: 'h2' | 'h3' | 'h4' }): VNode {
  return h(
    'div',
    { class: 'flex flex-col gap-2' },
    h(opts.headingLevel, null, `Score: ${pct(result.score)} (${result.earned} of ${result.possible} requirements)`),
    result.diagnostics.length
      ? h(
          'ul',
          { class: 'ps-6 list-disc' },
          result.diagnostics.map((d) => h('li', null, `${d.severity === 'error' ? 'Error' : 'Warning'}${d.source === 'analyze' ? ` (${d.code})` : ''}: ${d.message}`)),
        )
      : null,
    result.penalty ? h('p', null, `${result.penalty} point(s) deducted for analyzer errors.`) : null,
    h(
      'ul',
      { class: 'flex flex-col gap-1' },
      result.probes.map((p) =>
        h('li', { class: 'border-s-4 ps-2 ' + (p.pass ? 'border-[var(--sl-color-green)]' : 'border-[var(--sl-color-red)]') }, h('strong', null, p.pass ? 'Met: ' : 'Not met: '), `${p.requirement}. `, p.saw),
      ),
    ),
  );
}

export function solutionView(task: Task): VNode {
  return h(
    'details',
    null,
    h('summary', null, 'Model solution and explanation'),
    h('pre', { class: 'overflow-x-auto text-sm', tabindex: '0', 'aria-label': 'Model solution' }, task.solution),
    h('p', null, task.explanation),
  );
}
