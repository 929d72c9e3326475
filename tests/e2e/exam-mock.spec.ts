import { expect, test, type Page } from '@playwright/test';
import { taskById } from '../../src/data/tasks';
import { fixedMocks } from '../../src/lib/exam/mocks';
import { axeBothThemes, watchErrors } from './support/site';

const mock = fixedMocks[0]!;
const first = taskById.get(mock.taskIds[0]!)!;

async function startMock(page: Page) {
  await page.goto('/mock-exam/');
  const start = page.getByRole('button', { name: 'Start Mock exam 1' });
  await expect(start).toBeEnabled();
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: first.title })).toBeFocused();
}

test('a short mock end to end with the keyboard only: answer, flag, jump, submit, results and review', async ({ page }) => {
  const errors = watchErrors(page);
  await startMock(page);
  await expect(page.getByRole('timer')).toHaveText(/^(2:00:00|1:59:\d\d)$/);
  // Answer task 1 with its model solution (pasted as one piece of text).
  const answer = page.getByRole(first.kind === 'command' ? 'textbox' : 'textbox', { name: /Your (manifests|command|fixed)/ });
  await answer.focus();
  await page.keyboard.insertText(first.solution);
  // Next task, flag it, then jump back to task 1 through the task list.
  await page.getByRole('button', { name: 'Next task' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Task 2 of ${mock.taskIds.length}`)).toBeVisible();
  await page.getByRole('button', { name: 'Flag for review' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Task 2, flagged' })).toBeVisible();
  await page.getByRole('button', { name: 'Task 1, answered' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: first.title })).toBeFocused();
  // Submit, confirm.
  await page.getByRole('button', { name: 'Submit exam' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, submit' })).toBeFocused();
  await page.keyboard.press('Enter');
  const result = page.getByRole('heading', { level: 2, name: /^Result: \d+%, not passed \(pass mark 68%\)$/ });
  await expect(result).toBeFocused();
  await expect(page.getByRole('table', { name: 'Score per domain' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Score and time per task' }).getByRole('row', { name: new RegExp(`^1\\. ${first.title}`) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('100%');
  // Review: the model solution and what each probe saw.
  await page.getByText(`1. ${first.title}: 100%`).click();
  await expect(page.getByText(/^Met: /).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a reload keeps the mock: current task, answers, flags and the clock', async ({ page }) => {
  await startMock(page);
  await page.getByRole('textbox', { name: /Your / }).fill('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kept\n');
  await page.getByRole('button', { name: 'Next task' }).click();
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await page.reload();
  await expect(page.getByText(`Task 2 of ${mock.taskIds.length}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Task 1, answered' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^1:59:\d\d$|^2:00:00$/);
  await page.getByRole('button', { name: 'Task 1, answered' }).click();
  await expect(page.getByRole('textbox', { name: /Your / })).toHaveValue(/name: kept/);
});

test(`axe finds nothing in the exam and its results (light and dark themes)`, async ({ page }) => {
  test.slow(); // axe over 15 open reviews takes a while on a shared machine
  await startMock(page);
  expect(await axeBothThemes(page)).toEqual([]);
  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page.getByRole('button', { name: 'Yes, submit' }).click();
  await expect(page.getByRole('heading', { name: /^Result:/ })).toBeVisible();
  await page.locator('[data-exam-view]').evaluate((view) => view.querySelectorAll('details').forEach((d) => (d.open = true)));
  expect(await axeBothThemes(page)).toEqual([]);
});

test('the exam fits a 360 px screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await startMock(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await context.close();
});
