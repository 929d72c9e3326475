/**
 * Exam rehearsal figures for npm run bench: grading time per task (Node, model solutions, best of 5 runs) and,
 * in Chromium against the preview server, the time from "Start Mock exam 1" to the first task on screen
 * (the exam code is not loaded before the click's pointer/focus intent, so this includes loading it).
 */
import type { Browser } from '@playwright/test';
import { tasks } from '../src/data/tasks';
import { gradeTask } from '../src/lib/exam/grade';

export function measureGrading(): { tasks: number; medianMs: number; maxMs: number; slowest: string } {
  const times = tasks.map((t) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      gradeTask(t, t.solution);
      best = Math.min(best, performance.now() - t0);
    }
    return { id: t.id, ms: best };
  });
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { tasks: times.length, medianMs: round(sorted[Math.floor(sorted.length / 2)]!.ms), maxMs: round(sorted.at(-1)!.ms), slowest: sorted.at(-1)!.id };
}

export async function measureMockOpen(browser: Browser, base: string): Promise<{ openMockMs: number }> {
  const page = await browser.newPage();
  await page.goto(`${base}/mock-exam/`, { waitUntil: 'networkidle' });
  const start = page.getByRole('button', { name: 'Start Mock exam 1' });
  const t0 = Date.now();
  await start.click();
  await page.locator('#exam-task-heading').waitFor();
  const openMockMs = Date.now() - t0;
  await page.close();
  return { openMockMs };
}
