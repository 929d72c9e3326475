import { expect, test, type Page } from '@playwright/test';
import { axeBothThemes, watchErrors } from './support/site';

// The first check starts a worker that parses the checker (about 150 KB gzip): allow for a busy machine.
test.describe.configure({ timeout: 120_000 });
const slow = { timeout: 45_000 };

const path = '/troubleshooting/check-yaml/';

/** A VirtualService with kubectl's favourite typo on line 9. */
const typo = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - matchs:
    - uri:
        prefix: /
    route:
    - destination:
        host: reviews
`;

const unknownField = 'unknown field "spec.http[0].matchs"';

const editor = (page: Page) => page.getByRole('textbox', { name: /Your YAML/ });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /finding|No findings|stopped|failed/ });

/** Focuses the text box (which loads the page code and the editor) and waits for the editor. */
async function openEditor(page: Page) {
  await page.goto(path);
  await editor(page).focus();
  await expect(page.locator('form.check-form')).toHaveAttribute('data-editor', 'ready');
  await expect(page.locator('.cm-content')).toBeFocused();
}

test('a typo shows kubectl\'s message inline and as a finding with its line; choosing it puts the cursor there', async ({ page }) => {
  const errors = watchErrors(page);
  await openEditor(page);
  await page.keyboard.insertText(typo);
  // The typo, and (from istioctl analyze) the host reviews, which nothing in the input defines.
  await expect(status(page)).toHaveText('2 findings in 1 document: 2 errors.', slow);
  // Inline: the lint range on the typo'd key and a marker in the gutter.
  await expect(page.locator('.cm-lintRange-error').first()).toContainText('matchs');
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error').first()).toBeVisible();
  const finding = page.getByRole('button', { name: /Line 9 · unknown-field/ });
  await expect(finding).toContainText(unknownField);
  await expect(page.getByRole('heading', { name: 'Errors (2)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Read more about unknown-field' })).toBeVisible();

  await page.locator('.cm-content').press('Control+Home');
  await finding.click();
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toContainText('- matchs:');
  expect(errors).toEqual([]);
});

test('keyboard only: Tab into the editor, type, Tab out, check, choose a finding', async ({ page }) => {
  await page.goto(path);
  // Starlight's skip link leads past the header and sidebar to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'check-yaml-input' || !!document.activeElement?.closest('.cm-editor'))) break;
  }
  await expect(page.locator('form.check-form')).toHaveAttribute('data-editor', 'ready');
  await expect(page.locator('.cm-content')).toBeFocused();
  await page.keyboard.insertText(typo);
  // Tab leaves the editor (no indentWithTab): the first context checkbox is next.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox').first()).toBeFocused();
  const boxes = await page.getByRole('checkbox').count();
  for (let i = 0; i < boxes; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('2 findings', slow);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Line 9 · unknown-field/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toContainText('- matchs:');
  // Shift+Tab also leaves the editor, backwards.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.cm-content')).not.toBeFocused();
});

test('the address keeps the text and the context sets (compressed), and a reload restores them', async ({ page }) => {
  await openEditor(page);
  await page.keyboard.insertText(typo);
  await page.getByRole('checkbox', { name: /Bookinfo/ }).check();
  // With Bookinfo, reviews resolves: only the typo is left.
  await expect(status(page)).toContainText('1 finding', slow);
  await expect(page).toHaveURL(/#s=[A-Za-z0-9_-]+$/);
  expect(new URL(page.url()).hash).not.toContain('matchs'); // compressed, not plain text
  await page.reload();
  await expect(status(page)).toContainText('1 finding', slow);
  await expect(page.getByRole('button', { name: /Line 9 · unknown-field/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Bookinfo/ })).toBeChecked();
  await expect(page.locator('.cm-content')).toContainText('- matchs:');
});

test('context sets resolve references: a route to reviews is IST0101 alone, clean with Bookinfo', async ({ page }) => {
  await openEditor(page);
  await page.keyboard.insertText(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        port:
          number: 9080
`);
  await expect(page.getByRole('button', { name: /IST0101/ }).first()).toContainText('Referenced host', slow);
  await expect(page.getByRole('link', { name: 'How to fix IST0101' }).first()).toHaveAttribute('href', '/troubleshooting/analyzer-codes/#ist0101');
  await page.getByRole('checkbox', { name: /Bookinfo/ }).check();
  await expect(status(page)).toHaveText('No findings in 1 document.');
  await expect(page.getByRole('button', { name: /IST0101/ })).toHaveCount(0);
});

test(`axe finds no violation with the editor and findings shown (light and dark themes)`, async ({ page }) => {
  await openEditor(page);
  await page.keyboard.insertText(typo + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: web\n    port: 80\n');
  await expect(page.getByRole('heading', { name: 'Info (1)' })).toBeVisible(slow);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await axeBothThemes(page)).toEqual([]);
});

test('fits a 360 px screen with the editor and findings', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await openEditor(page);
  await page.keyboard.insertText(typo);
  await expect(page.getByRole('button', { name: /Line 9 · unknown-field/ })).toBeVisible(slow);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});

test('when the editor cannot load, the plain text box still checks', async ({ page }) => {
  await page.route('**/_astro/yaml-editor*.js', (route) => route.abort());
  await page.goto(path);
  const box = page.getByRole('textbox', { name: /Your YAML/ });
  await box.fill(typo);
  await expect(page.locator('form.check-form')).toHaveAttribute('data-editor', 'failed');
  await expect(page.getByText('The editor could not load')).toBeVisible();
  await page.getByRole('button', { name: 'Check' }).click();
  const finding = page.getByRole('button', { name: /Line 9 · unknown-field/ });
  await expect(finding).toContainText(unknownField, slow);
  await finding.click();
  await expect(box).toBeFocused();
  const caretLine = await box.evaluate((t: HTMLTextAreaElement) => t.value.slice(0, t.selectionStart).split('\n').length);
  expect(caretLine).toBe(9);
});

test('without JavaScript the page says checking needs it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByText('Checking runs in your browser and needs JavaScript')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Your YAML/ })).toBeVisible();
  await context.close();
});

test('with JavaScript the needs-JavaScript message is gone', async ({ page }) => {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Check' })).toBeVisible();
  await expect(page.getByText('Checking runs in your browser and needs JavaScript')).toHaveCount(0);
});

test('a paste over the size limit is refused with the limit named, and the text is kept', async ({ page }) => {
  await openEditor(page);
  const chars = 'a: b\n'.length * 220_000; // 1.1 MB
  // A real paste event, as the clipboard delivers it (typing 1 MB key by key would take minutes).
  await page.locator('.cm-content').evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'a: b\n'.repeat(220_000));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(status(page)).toContainText('Stopped at a limit', slow);
  await expect(page.getByText('not kept in the page address')).toBeVisible();
  expect(await page.locator('#check-yaml-input').inputValue()).toHaveLength(chars);
});

test('a 64 KB multi-document paste is checked in the worker, every document counted (its time: npm run bench)', async ({ page }) => {
  await openEditor(page);
  await page.keyboard.insertText(typo);
  await expect(status(page)).toContainText('2 findings', slow); // worker started and warm
  const doc = (i: number) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-${i}
spec:
  hosts:
  - reviews-${i}.example.com
  http:
  - match:
    - headers:
        end-user:
          exact: user-${i}
    route:
    - destination:
        host: reviews
        port:
          number: 9080
      weight: 100
`;
  let text = '';
  for (let i = 0; text.length < 64 * 1024; i++) text += (i ? '---\n' : '') + doc(i);
  await page.getByRole('checkbox', { name: /Bookinfo/ }).check();
  await expect(status(page)).toContainText('1 finding', slow);
  const box = page.locator('.cm-content');
  await box.press('Control+a');
  await box.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const documents = text.split('\n---\n').length;
  await expect(status(page)).toContainText(`in ${documents} documents`, slow);
  expect(Number(await page.locator('[data-check-results]').getAttribute('data-ms'))).toBeGreaterThan(0);
});
