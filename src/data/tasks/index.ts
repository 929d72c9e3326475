/** The task bank: every task of every domain, and lookups. */
import { findCompetency, type ExamDomainId } from '../curriculum';
import type { Task } from '../../lib/exam/types';
import { installTasks } from './install';
import { securityTasks } from './security';
import { trafficTasks } from './traffic';
import { troubleshootingTasks } from './troubleshooting';

export const tasks: readonly Task[] = [...installTasks, ...trafficTasks, ...securityTasks, ...troubleshootingTasks];

export const taskById = new Map(tasks.map((t) => [t.id, t]));

export function domainOf(task: Task): ExamDomainId {
  const c = findCompetency(task.competency);
  if (!c) throw new Error(`task ${task.id}: unknown competency ${task.competency}`);
  return c.domain.id;
}
