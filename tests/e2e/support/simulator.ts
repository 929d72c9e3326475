/**
 * The contract every simulator (all on the kit, src/components/sim/kit/) meets, run once per simulator by
 * `describeSimulator(...)`: the page reads without JavaScript, no axe violations in both themes after a
 * change, usable 360 px wide, keyboard reach, the element module and the engine loaded on intent, and a
 * battery of hostile inputs answered with a message while the main thread stays free. Tests wait for
 * state (`data-runs`, `aria-busy`, text), never for time.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeBothThemes, watchErrors } from './site';

/** One hostile input: what to put where, and what the simulator must answer. */
export interface HostileCase {
  name: string;
  /** Sets field values by accessible name (text is set in one go, as a paste). */
  fields: Record<string, string>;
  /** What the status or error line must then say. */
  expect: RegExp;
  /** The field that must be marked invalid, by accessible name. */
  invalid?: string;
}

export interface SimulatorContract {
  /** Human name, used in test titles. */
  name: string;
  url: string;
  /** The custom element's tag. */
  tag: string;
  /** Text the build-time result shows without JavaScript. */
  noJsText: string | RegExp;
  /** Brings the simulator into a changed state and waits for it (used before axe). */
  change: (sim: Locator) => Promise<void>;
  /** Hostile inputs, pasted into text fields and run with the run button (`runLabel`). */
  hostile?: HostileCase[];
}

/**
 * Waits until the simulator's controls are live: the kit's bootstrap (kit/boot.ts) sets `data-enhanced`
 * when the page loads; the element module follows on intent (`data-upgraded`), and what the reader did in
 * between is replayed.
 */
export async function enhanced(sim: Locator): Promise<void> {
  await expect(sim).toHaveAttribute('data-enhanced', 'true');
}

/** Holds back every simulator element module until `release()` is called, to act before the upgrade. */
export async function holdUpgrade(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/element\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Finished runs of a simulator. */
export async function runs(sim: Locator): Promise<number> {
  return Number((await sim.getAttribute('data-runs')) ?? '0');
}

/** The longest a run may take on a loaded machine before a test gives up (a ceiling, not a wait). */
export const RUN_CEILING_MS = 45_000;

/** Waits until a simulator has finished more than `before` runs and is idle. */
export async function ranSince(sim: Locator, before: number): Promise<void> {
  await expect.poll(() => runs(sim), { timeout: RUN_CEILING_MS }).toBeGreaterThan(before);
  await expect(sim.locator('.sim-result')).toHaveAttribute('aria-busy', 'false', { timeout: RUN_CEILING_MS });
}

/** Records the longest main-thread task (Long Tasks API) from now on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __observer?: PerformanceObserver };
    w.__longest = 0;
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    });
    w.__observer.observe({ type: 'longtask' });
  });
}

const longestTask = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);

/** A text field or number field by its exact accessible name. */
const fieldNamed = (sim: Locator, name: string) => sim.getByRole('textbox', { name, exact: true }).or(sim.getByRole('spinbutton', { name, exact: true }));

async function setField(sim: Locator, name: string, value: string): Promise<void> {
  const field = fieldNamed(sim, name);
  await field.evaluate((el, v) => {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

export function describeSimulator(c: SimulatorContract): void {
  test.describe(`${c.name}: simulator contract`, () => {
    test('the worked example reads without JavaScript; the fields say they need it', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(c.url);
      const sim = page.locator(c.tag);
      await expect(sim).toContainText(c.noJsText);
      // No control invites input that nothing would process.
      for (const field of await sim.locator('input, textarea, select').all()) {
        if (await field.isVisible()) await expect(field).toBeDisabled();
      }
      await expect(sim.getByText('need JavaScript')).toBeVisible();
      await context.close();
    });

    test('no axe violations after a change, in the light theme and then the dark one', async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(c.url);
      const sim = page.locator(c.tag);
      await enhanced(sim);
      await c.change(sim);
      expect(await axeBothThemes(page, c.tag)).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('usable 360 px wide: nothing wider than the screen', async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(c.url);
      const sim = page.locator(c.tag);
      await enhanced(sim);
      await c.change(sim);
      const box = await sim.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      expect(await sim.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      await context.close();
    });

    test('keyboard: Tab reaches every control, each with a visible focus', async ({ page }) => {
      await page.goto(c.url);
      const sim = page.locator(c.tag);
      await enhanced(sim);
      const selector = ':is(button, input, textarea, select, summary):visible:not(:disabled)';
      // Radio groups are one Tab stop (arrows move inside them).
      const stops = (await sim.locator(selector).count()) - Math.max(0, (await sim.locator('input[type="radio"]:visible').count()) - 1);
      await sim.locator(selector).first().focus();
      const reached = new Set<string>();
      for (let i = 0; i < stops + 2; i++) {
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const seen = await sim.evaluate((root) => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || !root.contains(el)) return null;
          const style = getComputedStyle(el);
          const ring = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
          const index = [...root.querySelectorAll('*')].indexOf(el);
          return { index, ring, what: `${el.tagName} ${el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30) ?? ''}` };
        });
        if (!seen) break;
        expect(seen.ring, `${seen.what} shows where the focus is`).toBe(true);
        reached.add(String(seen.index));
        await page.keyboard.press('Tab');
      }
      expect(reached.size).toBeGreaterThanOrEqual(stops);
    });

    test('the element and the engine are loaded on intent, not with the page', async ({ page }) => {
      const elements: string[] = [];
      const workers: string[] = [];
      page.on('request', (r) => {
        if (/\/element\.[^/]*\.js$/.test(r.url())) elements.push(r.url());
        if (/\/worker-[^/]*\.js$/.test(r.url())) workers.push(r.url());
      });
      await page.goto(c.url, { waitUntil: 'networkidle' });
      const sim = page.locator(c.tag);
      await enhanced(sim);
      expect(elements).toEqual([]);
      expect(workers).toEqual([]);
      await sim.locator('.sim-inputs').locator('input:not([type="hidden"]), textarea, select').first().focus();
      await expect(sim).toHaveAttribute('data-upgraded', 'true');
      expect(elements.length).toBeGreaterThan(0);
      await expect.poll(() => workers.length).toBeGreaterThan(0);
    });

    test('a failed download of the element says so, and the next sign of intent loads it', async ({ page }) => {
      await page.route(/\/_astro\/element\.[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
      await page.goto(c.url);
      const sim = page.locator(c.tag);
      await enhanced(sim);
      const field = sim.locator('.sim-inputs').locator('input:not([type="hidden"]), textarea, select').first();
      await field.focus();
      await expect(sim.locator('.sim-error')).toHaveText(/could not load its script \(network problem\?\)/);
      await page.unrouteAll();
      await field.blur();
      await field.focus();
      await expect(sim).toHaveAttribute('data-upgraded', 'true');
      await expect(sim.locator('.sim-error')).toBeHidden();
    });

    for (const h of c.hostile ?? []) {
      test(`hostile input: ${h.name}`, async ({ page }) => {
        test.slow();
        const errors = watchErrors(page);
        await page.goto(c.url);
        const sim = page.locator(c.tag);
        await enhanced(sim);
        // Load the engine first, so the timing below is the hostile run, not the download.
        const first = await runs(sim);
        await sim.locator('button[type="submit"]').click();
        await ranSince(sim, first);
        const before = await runs(sim);
        // The watch starts after the paste, whose layout (250 KB in a text area) is the browser's work; the
        // run on submit is the simulator's.
        for (const [name, value] of Object.entries(h.fields)) await setField(sim, name, value);
        await watchLongTasks(page);
        await sim.locator('button[type="submit"]').click();
        await ranSince(sim, before);
        await expect(sim.getByRole('status').or(sim.locator('.sim-error:visible')).filter({ hasText: h.expect })).not.toHaveCount(0);
        if (h.invalid) {
          const field = fieldNamed(sim, h.invalid);
          await expect(field).toHaveAttribute('aria-invalid', 'true');
          const describedBy = await field.getAttribute('aria-describedby');
          expect(describedBy).toBeTruthy();
          await expect(page.locator(`[id="${describedBy}"]`)).toBeVisible();
        }
        // What was typed stays; markup stays text; the main thread never blocked for 200 ms.
        for (const [name, value] of Object.entries(h.fields)) {
          const field = fieldNamed(sim, name);
          expect(await field.inputValue()).toBe(value);
        }
        expect(await sim.locator('img, script, iframe, b, [onerror]').count()).toBe(0);
        expect(await longestTask(page)).toBeLessThan(200);
        expect(errors).toEqual([]);
      });
    }
  });
}

/**
 * Hostile YAML pastes that every YAML simulator must answer with a message. `proto` is a document of the
 * simulator's kind with a `__proto__` label key (and markup in its value), and what the simulator says.
 */
export function hostileYaml(yamlField: string, proto: { yaml: string; answer: RegExp }): HostileCase[] {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n';
  return [
    {
      name: '120,000 nested brackets',
      fields: { [yamlField]: `${head}  x: ${'['.repeat(120_000)}${']'.repeat(120_000)}\n` },
      expect: /nest more than 64 levels/,
      invalid: yamlField,
    },
    { name: '65,000 empty documents', fields: { [yamlField]: '---\n'.repeat(65_000) }, expect: /More than 100 YAML documents/, invalid: yamlField },
    {
      name: 'an alias bomb',
      fields: { [yamlField]: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n` },
      expect: /alias/i,
      invalid: yamlField,
    },
    {
      name: 'markup and __proto__ keys stay text',
      fields: { [yamlField]: proto.yaml },
      expect: proto.answer,
      invalid: yamlField,
    },
  ];
}
