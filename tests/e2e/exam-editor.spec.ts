import { expect, test, type Page } from '@playwright/test';
import { taskById } from '../../src/data/tasks';
import { axeViolations, useTheme, watchErrors, type Theme } from './support/site';

const task = taskById.get('route-jason-to-v2')!;
/** `htp` is no field of a VirtualService spec: the API server would reject it. */
const rejected = task.solution.replace('  http:', '  htp:');
const field = (page: Page) => page.locator('[data-editor]');
const editorBox = (page: Page) => page.locator('.cm-content[role="textbox"]');

async function openPractice(page: Page) {
  await page.goto(`/practice/#${task.id}`);
  await expect(page.getByRole('heading', { level: 2, name: task.title })).toBeVisible();
}

/** Clicks the plain answer field, which brings the editor in with the cursor in it. */
async function openEditor(page: Page) {
  await page.getByRole('textbox', { name: /Your manifests/ }).click();
  await expect(field(page)).toHaveAttribute('data-editor', 'ready');
  await expect(page.getByRole('textbox', { name: /Your manifests/ })).toBeFocused();
  await expect(editorBox(page)).toBeFocused();
}

test('practice: type in the editor, a rejected answer shows its finding inline, a correct one scores, a reload restores the text', async ({ page }) => {
  const errors = watchErrors(page);
  await openPractice(page);
  await openEditor(page);
  await page.keyboard.insertText(rejected);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Score: 0% (0 of 2 requirements)' })).toBeVisible();
  // Two findings (the unknown field on line 9, and the webhook's "http, tcp or tls" on line 6), each in the gutter.
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(2);
  await expect(page.locator('.cm-lintRange-error', { hasText: 'htp' })).toBeVisible();
  await editorBox(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(task.solution);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Score: 100% (2 of 2 requirements)' })).toBeVisible();
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('textbox', { name: /Your manifests/ })).toHaveValue(task.solution);
  await openEditor(page);
  await expect(editorBox(page)).toContainText('subset: v2');
  expect(errors).toEqual([]);
});

test('vim keys: i inserts, Escape returns to normal mode (x deletes), Tab still leaves the editor, the choice is remembered', async ({ page }) => {
  await openPractice(page);
  await page.getByRole('checkbox', { name: 'Vim keys' }).check();
  await expect(field(page)).toHaveAttribute('data-vim-mode', 'on');
  await editorBox(page).focus();
  await page.keyboard.press('i');
  await page.keyboard.type('kind: Namespace');
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await expect(editorBox(page)).toHaveText('kind: Namespac');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check my answer' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(editorBox(page)).toBeFocused();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Vim keys' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: /Your manifests/ })).toHaveValue('kind: Namespac');
  await openEditor(page);
  await expect(field(page)).toHaveAttribute('data-vim-mode', 'on');
});

test('when the editor chunk cannot load, the plain answer field still saves and grades', async ({ page }) => {
  await page.route('**/_astro/yaml-editor*.js', (route) => route.abort());
  await openPractice(page);
  const box = page.getByRole('textbox', { name: /Your manifests/ });
  await box.fill(task.solution);
  await expect(field(page)).toHaveAttribute('data-editor', 'failed');
  await expect(page.getByText('The editor could not load')).toBeVisible();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Score: 100% (2 of 2 requirements)' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: /Your manifests/ })).toHaveValue(task.solution);
});

test('mock exam: an answer typed in the editor is kept when moving between tasks', async ({ page }) => {
  await page.goto('/mock-exam/');
  await page.getByRole('button', { name: 'Start Mock exam 1' }).click();
  await expect(page.getByText(/^Task 1 of /)).toBeVisible();
  let step = 0;
  // Walk to the first YAML task of the mock (command tasks keep a one-line input).
  while ((await page.locator('textarea[data-answer]').count()) === 0) {
    await page.getByRole('button', { name: 'Next task' }).click();
    await expect(page.getByText(new RegExp(`^Task ${++step + 1} of `))).toBeVisible();
  }
  await page.getByRole('textbox', { name: /Your (manifests|fixed)/ }).click();
  await expect(field(page)).toHaveAttribute('data-editor', 'ready');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: typed-in-editor\n');
  await expect(page.getByRole('button', { name: `Task ${step + 1}, answered` })).toBeVisible();
  await page.getByRole('button', { name: 'Next task' }).click();
  await page.getByRole('button', { name: 'Previous task' }).click();
  await expect(page.getByRole('textbox', { name: /Your (manifests|fixed)/ })).toHaveValue(/name: typed-in-editor/);
});

for (const theme of ['light', 'dark'] as Theme[]) {
  test(`axe finds nothing with the editor open, vim keys on and a finding shown (${theme} theme)`, async ({ page }) => {
    await useTheme(page, theme);
    await openPractice(page);
    await page.getByRole('checkbox', { name: 'Vim keys' }).check();
    await expect(field(page)).toHaveAttribute('data-vim-mode', 'on');
    await editorBox(page).focus();
    await page.keyboard.press('i');
    await page.keyboard.insertText(rejected);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await expect(page.locator('.cm-lint-marker-error')).toHaveCount(2);
    await editorBox(page).focus();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await axeViolations(page)).toEqual([]);
  });
}
