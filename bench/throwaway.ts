/**
 * What the benches that run real `redress serve` processes share: a throwaway PostgreSQL database (on an
 * embedded server unless BENCH_DATABASE_URL names one), and a process's resident memory.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';

export type Cleanups = (() => Promise<void> | void)[];

/** The admin URL of BENCH_DATABASE_URL, or of an embedded server started now (stopped by `cleanups`). */
export async function postgresAdminUrl(cleanups: Cleanups): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const { startEmbeddedPostgres } = await import('../test/support/embedded-postgres-server.ts');
  const server = await startEmbeddedPostgres();
  cleanups.push(() => server.stop());
  return server.adminUrl;
}

/** A new, empty database on the server of `adminUrl`, dropped by `cleanups`; its URL. */
export async function throwawayDatabase(
  adminUrl: string,
  prefix: string,
  cleanups: Cleanups,
): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  cleanups.push(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Resident memory of a process, in MB (threads included: they share it). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
