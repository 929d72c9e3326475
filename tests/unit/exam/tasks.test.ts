import { describe, expect, it } from 'vitest';
import { competencyIds, examDomains, findCompetency } from '~/data/curriculum';
import { domainOf, tasks } from '~/data/tasks';
import { gradeTask } from '~/lib/exam/grade';
import { checkManifests, formatDiagnostic } from '~/lib/istio/check';
import type { CaseBuilder } from './cases';
import { installCases } from './cases-install';
import { moreSecurityCases, securityCases } from './cases-security';
import { trafficCases } from './cases-traffic';
import { moreTroubleshootingCases, troubleshootingCases } from './cases-troubleshooting';

const cases: Record<string, CaseBuilder> = { ...installCases, ...trafficCases, ...securityCases, ...moreSecurityCases, ...troubleshootingCases, ...moreTroubleshootingCases };

/** The site's checker (what the API server would reject): every YAML a task calls correct, and every typical mistake, must pass it. */
async function problems(text: string): Promise<string[]> {
  return checkManifests(text, { fileName: 'answer.yaml' }).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}


const failing = (answer: string, task: (typeof tasks)[number]) => gradeTask(task, answer).probes.filter((p) => !p.pass);

describe('task bank', () => {
  it('ids are unique and every competency is known', () => {
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    for (const t of tasks) expect(findCompetency(t.competency), t.id).toBeDefined();
  });
  it('the validator check used below does reject a wrong answer', async () => {
    const typo = tasks.find((t) => t.id === 'route-jason-to-v2')!.solution.replace('  - match:', '  - matchs:');
    expect((await problems(typo)).join('\n')).toMatch(/matchs/);
  });
  it('every task has its test cases', () => {
    for (const t of tasks) expect(cases[t.id], t.id).toBeDefined();
  });
  it('at least 60 tasks, every competency at least 3 times, domains weighted like the exam', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(60);
    for (const c of competencyIds) expect(tasks.filter((t) => t.competency === c).length, c).toBeGreaterThanOrEqual(3);
    for (const d of examDomains) expect(Math.round((tasks.filter((t) => domainOf(t) === d.id).length / tasks.length) * 100), d.id).toBe(d.weight);
  });
});

for (const task of tasks) {
  describe(`task ${task.id}`, () => {
    const c = () => cases[task.id]!(task.solution);
    it('the model solution scores 100%', async () => {
      const r = gradeTask(task, task.solution);
      expect(r.probes.filter((p) => !p.pass)).toEqual([]);
      expect(r.score).toBe(1);
      if (task.kind !== 'command') expect(await problems(task.solution)).toEqual([]);
    });
    it('the context is valid and, for troubleshooting, the starter fails', async () => {
      if (task.kind === 'command') return;
      if (task.given.trim()) expect(await problems(task.given)).toEqual([]);
      if (task.kind === 'troubleshoot') {
        // The API server accepts a starter; a subset no DestinationRule defines is analyze's IST0101, not a rejection.
        expect(await problems(task.starter)).toEqual([]);
        expect(gradeTask(task, task.starter).score).toBeLessThan(1);
      }
    });
    it('at least two other correct forms score 100%', async () => {
      const { alternatives } = c();
      expect(alternatives.length).toBeGreaterThanOrEqual(2);
      for (const alt of alternatives) {
        expect(failing(alt, task)).toEqual([]);
        if (task.kind !== 'command') expect(await problems(alt)).toEqual([]);
      }
    });
    it('typical mistakes lose exactly the requirement they break, and feedback names it', async () => {
      const { mistakes } = c();
      expect(mistakes.length).toBeGreaterThanOrEqual(2);
      for (const m of mistakes) {
        const r = gradeTask(task, m.answer);
        expect(r.rejected, m.why).toBe(false);
        const failed = r.probes.filter((p) => !p.pass);
        expect(failed.map((p) => p.id).sort(), m.why).toEqual([...m.breaks].sort());
        for (const p of failed) expect(p.saw, m.why).toMatch(/the task asks/);
        if (task.kind !== 'command') expect(await problems(m.answer), m.why).toEqual([]);
      }
    });
  });
}
