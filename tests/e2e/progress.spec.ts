import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { taskById } from '../../src/data/tasks';
import { axeBothThemes } from './support/site';

const task = taskById.get('route-jason-to-v2')!;

test('practice a task, see readiness move, export → reset → import round trip', async ({ page }, info) => {
  await page.goto(`/practice/#${task.id}`);
  await expect(page.getByRole('heading', { level: 2, name: task.title })).toBeVisible();
  await page.getByRole('button', { name: 'Show hint 1 of 2' }).click();
  await expect(page.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('textbox', { name: /Your manifests/ }).fill(task.solution.replace('subset: v2', 'subset: v3'));
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Score: 50% (1 of 2 requirements)' })).toBeVisible();
  await expect(page.getByText(/end-user: jason went to reviews v3; the task asks for reviews v2/)).toBeVisible();
  await page.getByRole('textbox', { name: /Your manifests/ }).fill(task.solution);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Score: 100% (2 of 2 requirements)' })).toBeVisible();

  await page.goto('/progress/');
  const routing = page.getByRole('listitem').filter({ hasText: /^Configure routing within the service mesh: \d+%/ });
  await expect(routing).toContainText(/: 23%/); // 70% × 1 of 3 routing tasks at 100%
  await page.getByRole('checkbox', { name: 'Fault injection' }).check();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress (JSON)' }).click();
  const file = join(info.outputDir, 'progress.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, tasks: { [task.id]: { best: 1 } } });

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Progress reset.' })).toBeVisible();
  await expect(routing).toContainText(/: 0%/);
  await expect(page.getByRole('checkbox', { name: 'Fault injection' })).not.toBeChecked();

  await page.getByLabel('Import a progress file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Progress imported.' })).toBeVisible();
  await expect(routing).toContainText(/: 23%/);
  await expect(page.getByRole('checkbox', { name: 'Fault injection' })).toBeChecked();
});

test('a tampered import is refused and changes nothing', async ({ page }, info) => {
  await page.goto('/progress/');
  mkdirSync(info.outputDir, { recursive: true });
  const bad = join(info.outputDir, 'bad.json');
  writeFileSync(bad, '{"version":1,"__proto__":{"isAdmin":true}}');
  await page.getByLabel('Import a progress file').setInputFiles(bad);
  await expect(page.getByRole('status').filter({ hasText: /Import refused: .*__proto__.*Nothing was changed/ })).toBeVisible();
});

test('corrupt stored progress: a notice, a fresh start, no crash', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('ica-guide:progress', '{"version":1,"tasks":'));
  await page.goto('/progress/');
  await expect(page.getByRole('status').filter({ hasText: /could not be used \(the data is not valid JSON\), so you start fresh/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Readiness: 0%' })).toBeVisible();
});

test(`axe finds nothing on progress and practice with a graded task (light and dark themes)`, async ({ page }) => {
  test.slow(); // two full axe runs on long pages, on a shared machine
  await page.goto('/progress/');
  await expect(page.getByRole('heading', { name: /^Readiness: / })).toBeVisible();
  expect(await axeBothThemes(page)).toEqual([]);
  await page.goto(`/practice/#${task.id}`);
  await page.getByRole('textbox', { name: /Your manifests/ }).fill(task.solution);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: /^Score: / })).toBeVisible();
  expect(await axeBothThemes(page)).toEqual([]);
});
