import { describe, expect, it } from 'vitest';
import { taskById } from '~/data/tasks';
import { checkAnswer, MAX_ANSWER } from '~/lib/exam/grade/check';
import { gradeTask } from '~/lib/exam/grade';

const task = taskById.get('route-jason-to-v2')!;

describe('the check seam', () => {
  it('rejected YAML scores 0 with a message naming the line', () => {
    const r = gradeTask(task, 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  hosts: [reviews\n');
    expect(r).toMatchObject({ rejected: true, score: 0, earned: 0 });
    expect(r.diagnostics[0]!.message).toMatch(/answer\.yaml:\d+: error converting YAML to JSON/);
    expect(r.probes.every((p) => !p.pass)).toBe(true);
  });
  it('refuses a kind Istio 1.26 does not serve', () => {
    const r = gradeTask(task, 'apiVersion: networking.istio.io/v2\nkind: VirtualService\nmetadata:\n  name: x\n');
    expect(r.rejected).toBe(true);
    expect(r.diagnostics[0]!.message).toMatch(/no matches for kind "VirtualService" in version "networking.istio.io\/v2"/);
  });
  it('an empty answer scores 0 and says why', () => {
    expect(gradeTask(task, '')).toMatchObject({ rejected: true, diagnostics: [{ code: 'empty' }] });
  });
  it('survives hostile input: alias bombs, huge pastes, deep nesting, prototype keys', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    expect(gradeTask(task, bomb).rejected).toBe(true);
    expect(checkAnswer('x'.repeat(MAX_ANSWER + 1), { fileName: 'a.yaml' }).diagnostics[0]!.message).toMatch(/at most 256 KB/);
    expect(gradeTask(task, `${'['.repeat(5000)}${']'.repeat(5000)}`).rejected).toBe(true);
    const proto = task.solution.replace('spec:\n', 'spec:\n  __proto__: {polluted: true}\n');
    const r = gradeTask(task, proto);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // kubectl's strict field validation refuses the key like any other unknown field.
    expect(r.rejected).toBe(true);
    expect(r.diagnostics[0]!.message).toMatch(/unknown field "spec.__proto__"/);
  });
  it('objects without a namespace land in the task namespace, as kubectl apply -n would place them', () => {
    expect(gradeTask(task, task.solution.replace('  namespace: bookinfo\n', '')).score).toBe(1);
  });
  it('grades one task well within the budget (reported, not a timing assertion)', () => {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) gradeTask(task, task.solution);
    console.log(`grading one YAML task: ${((performance.now() - t0) / 20).toFixed(2)} ms`);
  });
});

describe('command grading', () => {
  const cmd = taskById.get('routes-of-one-pod')!;
  it('rejects what istioctl would refuse', () => {
    const r = gradeTask(cmd, 'istioctl proxy-config routes productpage-v1-6c8d9b7f5-x2x4k -n bookinfo --nmae 9080');
    expect(r).toMatchObject({ rejected: true, score: 0 });
    expect(r.diagnostics[0]!.message).toMatch(/unknown flag --nmae/);
  });
  it('rejects another tool and unclosed quotes', () => {
    expect(gradeTask(cmd, 'kubectl get pods').diagnostics[0]!.message).toMatch(/starts with "kubectl"/);
    expect(gradeTask(cmd, "istioctl pc r 'abc").rejected).toBe(true);
  });
});
