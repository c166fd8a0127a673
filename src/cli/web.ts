/** `redress build-web`: the static web app that `serve` serves. */
import type { Command } from 'commander';
import { buildWeb, WEB_DIST, webBuildState } from '../web/build.ts';

export function registerWebCommands(program: Command): void {
  program
    .command('build-web')
    .description('Build the web app (staff workspace and customer portal) into web/dist; npm start runs it')
    .option('--if-stale', 'build only when web/dist is missing or older than its sources')
    .action(async (options: { ifStale?: boolean }) => {
      const state = await webBuildState();
      if (options.ifStale && state === 'fresh') return;
      process.stderr.write(
        state === 'fresh' ? 'building the web app\n' : `building the web app (the build is ${state})\n`,
      );
      const started = Date.now();
      await buildWeb();
      process.stderr.write(
        `web app built into ${WEB_DIST} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
