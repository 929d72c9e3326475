/**
 * Mock exams: three fixed mocks (no task in two of them) and a random one drawn from the bank. Each mock holds
 * 15 tasks; a domain's share of the score is its exam weight (20/35/25/20), whatever the number of its tasks.
 */
import { examDomains, type ExamDomainId } from '../../data/curriculum';
import { domainOf, tasks } from '../../data/tasks';
import { createRandom } from '../istio';
import type { Task } from './types';

/** Tasks per domain in one mock (15 in all). */
export const MOCK_SHAPE: Record<ExamDomainId, number> = { install: 3, traffic: 5, security: 4, troubleshooting: 3 };
export const PASS_MARK = 0.68;
export const EXAM_MINUTES = 120;

export interface Mock {
  id: string;
  title: string;
  taskIds: string[];
}

const byDomain = (domain: ExamDomainId) => tasks.filter((t) => domainOf(t) === domain);

/** Deals each domain's tasks in bank order to mocks 1, 2, 3, 1, 2, 3... so no task is in two mocks. */
function dealFixed(): Mock[] {
  const mocks: Mock[] = [1, 2, 3].map((n) => ({ id: `mock-${n}`, title: `Mock exam ${n}`, taskIds: [] }));
  for (const d of examDomains) {
    const pool = byDomain(d.id);
    for (let i = 0; i < MOCK_SHAPE[d.id] * mocks.length && i < pool.length; i++) mocks[i % mocks.length]!.taskIds.push(pool[i]!.id);
  }
  return mocks;
}

export const fixedMocks: readonly Mock[] = dealFixed();

/** A mock drawn at random (per domain, without repeats) from the whole bank; the seed makes it reproducible. */
export function randomMock(seed: number): Mock {
  const random = createRandom(seed);
  const taskIds: string[] = [];
  for (const d of examDomains) {
    const pool = byDomain(d.id).map((t) => t.id);
    for (let i = 0; i < MOCK_SHAPE[d.id] && pool.length; i++) taskIds.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  }
  return { id: `random-${seed}`, title: 'Random mock exam', taskIds };
}

export function findMock(id: string): Mock | undefined {
  const m = /^random-(\d{1,10})$/.exec(id);
  if (m) return randomMock(Number(m[1]));
  return fixedMocks.find((x) => x.id === id);
}

export interface MockScore {
  /** 0..1 per domain (average of its tasks). */
  byDomain: Record<ExamDomainId, number>;
  /** 0..1, domains weighted like the exam. */
  total: number;
  passed: boolean;
}

export function scoreMock(mockTasks: readonly Task[], scores: Record<string, number>): MockScore {
  const result = {} as Record<ExamDomainId, number>;
  let total = 0;
  let weights = 0;
  for (const d of examDomains) {
    const mine = mockTasks.filter((t) => domainOf(t) === d.id);
    if (!mine.length) continue;
    result[d.id] = mine.reduce((s, t) => s + (scores[t.id] ?? 0), 0) / mine.length;
    total += result[d.id] * d.weight;
    weights += d.weight;
  }
  const t = weights ? total / weights : 0;
  return { byDomain: result, total: t, passed: t >= PASS_MARK };
}
