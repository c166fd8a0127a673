/**
 * Debian's Chromium driven by playwright-core, with the checks every page gets: axe-core finds no WCAG 2.2
 * AA violations, and a screenshot is kept in test-artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      // The machines' network is closed: without these Chromium keeps trying to reach Google.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (cookies, storage) at a screen size, in the London time zone and en-GB. */
export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<BrowserContext> {
  // bypassCSP lets the test inject axe-core; the pages' own policy forbids inline scripts.
  const context = await browser.newContext({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    bypassCSP: true,
  });
  await context.addInitScript({ content: TRACK_NETWORK });
  return context;
}

interface NetworkTracker {
  inflight: number;
  /** performance.now() of the last request that started or ended. */
  last: number;
}

/**
 * Runs in every page before its own scripts: counts the page's fetches in flight and notes when the last
 * request (a fetch, a script chunk, an image) started or ended, so `settle` can tell when the page is quiet.
 * Plain JavaScript in a string: a function's source, as the test's transform leaves it, may call helpers
 * that exist only in Node.
 */
const TRACK_NETWORK = `(() => {
  const net = { inflight: 0, last: performance.now() };
  globalThis.__redressNet = net;
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (...args) => {
    net.inflight += 1;
    net.last = performance.now();
    return original(...args).finally(() => {
      net.inflight -= 1;
      net.last = performance.now();
    });
  };
  new PerformanceObserver(() => {
    net.last = performance.now();
  }).observe({ type: 'resource', buffered: true });
})();`;

/**
 * Waits until the page has loaded, has no fetch in flight and no request has started or ended for 150 ms.
 * Playwright's `networkidle` asks for 500 ms of quiet every time, which alone took a minute of each browser
 * run; a page without scripts (no tracker) still waits for it.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const tracked = await page.evaluate(() => '__redressNet' in globalThis).catch(() => false);
  if (!tracked) return page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => {
      const net = (globalThis as unknown as { __redressNet: NetworkTracker }).__redressNet;
      return net.inflight === 0 && performance.now() - net.last > 150;
    },
    undefined,
    { polling: 50 },
  );
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The page's WCAG 2.0/2.1/2.2 A and AA violations found by axe-core, described one per line. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as {
      axe: { run: (...args: unknown[]) => Promise<unknown> };
      document: unknown;
    };
    const result = (await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

/**
 * Screenshots are for people to look at. CI keeps nothing of a passing run, so under `CI` they are not taken
 * (a full-page PNG of a chart-heavy page costs seconds) unless `SCREENSHOTS=1`.
 */
export const TAKE_SCREENSHOTS = process.env.SCREENSHOTS === '1' || !process.env.CI;

/** Saves a full-page screenshot as test-artifacts/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The checks every page gets once it has settled: no axe violations, and a screenshot. */
export async function checkPage(page: Page, name: string): Promise<string[]> {
  await settle(page);
  await screenshot(page, name);
  return axeViolations(page);
}
