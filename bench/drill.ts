/**
 * `npm run bench -- --drill N [--dialect sqlite|postgres] [--out DIR | --database-url URL] [--days D]`: the
 * year of test/drills/year.test.ts at N complaints (the issue asks for 100,000): complaints over twelve
 * months with random closures and worker outages, every job run as a clock drill, then `redress adr audit`
 * as of the year's end. Prints the time taken, what ran, and every finding; exits 1 if there is one.
 */
import { sql } from 'kysely';
import { auditAdrLetters } from '../src/app/audit-adr-letters.ts';
import { simulateYear } from '../test/support/year-drill.ts';
import { benchContext, count, flag, openTarget, progressBar } from './target.ts';

const START = new Date('2026-01-05T00:00:00Z');

export async function drillCommand(argv: readonly string[]): Promise<number> {
  const complaints = count(argv, 'drill');
  const days = Number(flag(argv, 'days') ?? 365);
  const target = await openTarget(argv);
  try {
    // As in the drill test: NORMAL skips the fsync of each of the year's commits; a crash loses a drill only.
    if (target.db.dialect === 'sqlite') await sql`pragma synchronous = normal`.execute(target.db.kysely);
    const ctx = benchContext(target, () => START);
    const bar = progressBar('drill: complaints recorded', complaints);
    const started = Date.now();
    const year = await simulateYear(ctx, {
      complaints,
      start: START,
      days,
      outages: 15,
      seed: 2026,
      onProgress: (recorded) => bar.update(recorded),
    });
    bar.update(complaints);
    bar.end();
    const simulated = (Date.now() - started) / 1000;
    const auditStarted = Date.now();
    const findings = await auditAdrLetters({ ...ctx, now: () => year.end });
    const audited = (Date.now() - auditStarted) / 1000;
    const byKind: Record<string, number> = {};
    let jobs = 0;
    let failed = 0;
    for (const drill of year.drills) {
      failed += drill.failed;
      for (const [kind, c] of Object.entries(drill.byKind)) {
        byKind[kind] = (byKind[kind] ?? 0) + c.ran;
        jobs += c.ran;
      }
    }
    const letters = await target.db.kysely
      .selectFrom('adr_letters')
      .select(['trigger', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('trigger')
      .execute();
    const out = [
      `drill: ${complaints} complaints over ${days} days on ${target.db.dialect} (${target.where})`,
      `  fates: ${JSON.stringify(year.fates)}; staff actions refused: ${year.refused}`,
      `  outages: ${year.outages.length}, ${year.outages.map((o) => `${o.from.toISOString()}+${Math.round((o.to.getTime() - o.from.getTime()) / 3_600_000)}h`).join(', ')}`,
      `  jobs run: ${jobs} (${failed} failed): ${JSON.stringify(byKind)}`,
      `  ADR letters: ${letters.map((l) => `${l.trigger} ${Number(l.n)}`).join(', ')}`,
      `  time: ${simulated.toFixed(1)} s for the year (${(complaints / simulated).toFixed(1)} complaints/s), ${audited.toFixed(1)} s for the ADR audit`,
      `  ADR audit at ${year.end.toISOString()}: ${findings.length === 0 ? 'clean' : `${findings.length} finding(s)`}`,
      ...findings.slice(0, 50).map((f) => `    ${f.reference} ${f.kind}: ${f.detail}`),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    return findings.length === 0 && failed === 0 ? 0 : 1;
  } finally {
    await target.close();
  }
}
