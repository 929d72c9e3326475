/**
 * Grades one answer: the check seam first (rejected YAML scores 0; each analyzer error costs a point), then one
 * behaviour probe per requirement on the context + answer, as `kubectl apply` would leave the cluster.
 */
import type { ClusterObject, CommandTask, GradeResult, Task, YamlTask } from '../types';
import { checkAnswer } from './check';
import { gradeCommandLine } from './command';
import { makeWorld } from './probes';

const key = (o: ClusterObject) => `${o.kind}/${o.namespace}/${o.name}`;

/** Applies the answer over the context: same kind/namespace/name replaces, anything new is added. */
function apply(context: ClusterObject[], answer: ClusterObject[]): ClusterObject[] {
  const answerKeys = new Set(answer.map(key));
  return [...context.filter((o) => !answerKeys.has(key(o))), ...answer];
}

function gradeYaml(task: YamlTask, answer: string): GradeResult {
  // A troubleshooting task's broken objects are already in the cluster: the answer is applied over them.
  const context = task.kind === 'troubleshoot' ? `${task.given}\n---\n${task.starter}` : task.given;
  const given = checkAnswer(context, { fileName: 'context.yaml', namespace: task.namespace });
  if (given.diagnostics.length) throw new Error(`task ${task.id}: its context does not check: ${given.diagnostics[0]!.message}`);
  const checked = checkAnswer(answer, { fileName: 'answer.yaml', namespace: task.namespace, context });
  const possible = task.probes.length;
  const rejected = checked.diagnostics.some((d) => d.source === 'schema' && d.severity === 'error');
  if (rejected || checked.documents.length === 0) {
    const diagnostics = checked.documents.length === 0 && !rejected
      ? [{ severity: 'error' as const, code: 'empty', source: 'schema' as const, message: 'The answer holds no Kubernetes object.' }]
      : checked.diagnostics;
    return {
      taskId: task.id,
      score: 0,
      earned: 0,
      possible,
      rejected: true,
      diagnostics,
      penalty: 0,
      probes: task.probes.map((p) => ({ id: p.id, requirement: p.requirement, pass: false, saw: 'not evaluated: the API server would reject the answer.' })),
    };
  }
  const world = makeWorld(apply(given.documents, checked.documents));
  const probes = task.probes.map((p) => ({ id: p.id, requirement: p.requirement, ...p.run(world) }));
  const passed = probes.filter((p) => p.pass).length;
  const penalty = Math.min(passed, checked.diagnostics.filter((d) => d.source === 'analyze' && d.severity === 'error').length);
  const earned = passed - penalty;
  return { taskId: task.id, score: possible ? earned / possible : 0, earned, possible, rejected: false, diagnostics: checked.diagnostics, probes, penalty };
}

function gradeCommand(task: CommandTask, answer: string): GradeResult {
  const { probes, diagnostics } = gradeCommandLine(task.expect, answer);
  const earned = probes.filter((p) => p.pass).length;
  const rejected = diagnostics.some((d) => d.severity === 'error');
  return { taskId: task.id, score: rejected ? 0 : earned / probes.length, earned: rejected ? 0 : earned, possible: probes.length, rejected, diagnostics, probes, penalty: 0 };
}

export function gradeTask(task: Task, answer: string): GradeResult {
  return task.kind === 'command' ? gradeCommand(task, answer) : gradeYaml(task, answer);
}
