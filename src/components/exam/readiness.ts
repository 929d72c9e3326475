/**
 * Readiness: how ready the learner is per competency, per domain and overall, from what they did. Per
 * competency: 70% the best scores of its tasks (an untried task counts 0), 15% its pages read, 15% its labs
 * done. Domains average their competencies; overall weighs domains like the exam.
 */
import { examDomains, type ExamDomainId } from '../../data/curriculum';
import type { Progress } from '../../lib/exam/storage';

export interface CompetencyLinks {
  id: string;
  title: string;
  domain: ExamDomainId;
  tasks: string[];
  pages: { path: string; title: string }[];
  labs: { path: string; title: string }[];
}

export interface Readiness {
  competencies: { id: string; score: number }[];
  domains: Record<ExamDomainId, number>;
  overall: number;
}

const share = (done: string[], of: { path: string }[]) => (of.length ? of.filter((x) => done.includes(x.path)).length / of.length : 0);

export function readiness(p: Progress, links: readonly CompetencyLinks[]): Readiness {
  const competencies = links.map((c) => {
    const mastery = c.tasks.length ? c.tasks.reduce((s, id) => s + (p.tasks[id]?.best ?? 0), 0) / c.tasks.length : 0;
    return { id: c.id, score: 0.7 * mastery + 0.15 * share(p.pagesRead, c.pages) + 0.15 * share(p.labsDone, c.labs) };
  });
  const domains = {} as Record<ExamDomainId, number>;
  let overall = 0;
  for (const d of examDomains) {
    const mine = competencies.filter((c) => links.find((l) => l.id === c.id)?.domain === d.id);
    domains[d.id] = mine.length ? mine.reduce((s, c) => s + c.score, 0) / mine.length : 0;
    overall += (domains[d.id] * d.weight) / 100;
  }
  return { competencies, domains, overall };
}
