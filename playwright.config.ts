import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser: CHROMIUM_PATH if set, else Debian's headless shell (package chromium-headless-shell, the lighter
 * browser Playwright itself uses for headless runs), else Debian's /usr/bin/chromium, else Playwright's own
 * managed Chromium (`npx playwright install chromium` on a laptop).
 */
const systemChromium =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
/**
 * The preview server's port: PREVIEW_PORT if set, else one the OS reports free right now. It is written
 * back to the environment so that Playwright's worker processes, which load this file again, agree on it.
 */
function freePort(): number {
  const probe = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  const out = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  const found = Number(out.stdout.trim());
  if (!Number.isInteger(found) || found <= 0) throw new Error(`Could not find a free port for the preview server: ${out.stderr}`);
  return found;
}
const portChosenByUser = process.env.PREVIEW_PORT !== undefined;
process.env.PREVIEW_PORT ??= String(freePort());
const port = Number(process.env.PREVIEW_PORT);
/** DIST_DIR serves another build folder than dist/ (e.g. while a second build runs). */
const outDir = process.env.DIST_DIR ? ` --outDir ${process.env.DIST_DIR}` : '';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace for every test costs a DOM snapshot per action; CI records the retry of a failed test.
    trace: 'on-first-retry',
    // Each test's fresh context would otherwise install the service worker and download the whole site into
    // its cache (about 240 files) while the test runs; offline.spec.ts opts back in.
    serviceWorkers: 'block',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npm run preview -- --port ${port}${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    // The port is new for each run unless PREVIEW_PORT is set, so only then can a running server be reused.
    reuseExistingServer: !process.env.CI && portChosenByUser,
    timeout: 60_000,
  },
});
