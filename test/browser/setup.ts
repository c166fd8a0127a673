/**
 * Global setup of the browser tests: the web app is built (as `npm start` would build it) and Chromium is
 * where the tests expect it. Chromium comes from Debian's package (`apt-get install chromium`); `.ci/run`
 * installs it when missing. No browser is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { buildWeb, webBuildState } from '../../src/web/build.ts';
import { CHROMIUM } from './support/browser.ts';

export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  const state = await webBuildState();
  if (state !== 'fresh') {
    const started = Date.now();
    await buildWeb();
    console.info(`web app built (${state}) in ${Date.now() - started} ms`);
  }
}
