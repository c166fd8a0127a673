/**
 * `npm run bench -- --drill N [--dialect sqlite|postgres] [--out DIR | --database-url URL] [--days D]
 * [--letters each|once]`: the year of test/drills/year.test.ts at N complaints (the issue asks for 100,000):
 * complaints over twelve months with random closures and worker outages, every job run as a clock drill, then
 * `redress adr audit` as of the year's end. Prints the time taken, what ran, and every finding; exits 1 if
 * there is one.
 *
 * `--letters once` draws each kind of letter's PDF once and files that PDF (under each letter's own file name)
 * for every later letter of its kind: most of a drill's CPU is drawing PDFs, which the drill does not test.
 * Every letter is still decided, recorded, filed, audited and emailed at its own time, so the timers, the
 * jobs and `adr audit` see the same year; only the filed PDFs' words are the first letter's.
 */
import { sql } from 'kysely';
import { auditAdrLetters } from '../src/app/audit-adr-letters.ts';
import type { LetterRenderer } from '../src/app/context.ts';
import {
  filenameOf,
  type LetterKind,
  letterKindOf,
  type RenderedLetter,
  renderLetter,
} from '../src/documents/letters/index.ts';
import { simulateYear } from '../test/support/year-drill.ts';
import { benchContext, count, flag, openTarget, progressBar } from './target.ts';

const START = new Date('2026-01-05T00:00:00Z');

export async function drillCommand(argv: readonly string[]): Promise<number> {
  const complaints = count(argv, 'drill');
  const days = Number(flag(argv, 'days') ?? 365);
  const letters = flag(argv, 'letters') ?? 'each';
  if (letters !== 'each' && letters !== 'once') {
    process.stderr.write(`--letters must be each or once, not ${letters}\n`);
    return 2;
  }
  const target = await openTarget(argv);
  try {
    // As in the drill test: NORMAL skips the fsync of each of the year's commits; a crash loses a drill only.
    if (target.db.dialect === 'sqlite') await sql`pragma synchronous = normal`.execute(target.db.kysely);
    const ctx = {
      ...benchContext(target, () => START),
      ...(letters === 'once' ? { letters: drawnOnce() } : {}),
    };
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
    const adrLetters = await target.db.kysely
      .selectFrom('adr_letters')
      .select(['trigger', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('trigger')
      .execute();
    const out = [
      `drill: ${complaints} complaints over ${days} days on ${target.db.dialect} (${target.where}), letters drawn ${letters === 'once' ? 'once a kind' : 'each time'}`,
      `  fates: ${JSON.stringify(year.fates)}; staff actions refused: ${year.refused}`,
      `  outages: ${year.outages.length}, ${year.outages.map((o) => `${o.from.toISOString()}+${Math.round((o.to.getTime() - o.from.getTime()) / 3_600_000)}h`).join(', ')}`,
      `  jobs run: ${jobs} (${failed} failed): ${JSON.stringify(byKind)}`,
      `  ADR letters: ${adrLetters.map((l) => `${l.trigger} ${Number(l.n)}`).join(', ')}`,
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

/** Each kind of letter drawn on its first use; later ones file that PDF under their own name and title. */
function drawnOnce(): LetterRenderer {
  const first = new Map<LetterKind, Promise<RenderedLetter>>();
  return {
    async render(input) {
      const kind = letterKindOf(input.facts);
      let drawn = first.get(kind);
      if (drawn === undefined) {
        drawn = renderLetter(input);
        first.set(kind, drawn);
        return drawn;
      }
      const { pdf, text, pages, title } = await drawn;
      return { kind, title, filename: filenameOf(input.reference, kind, input.date), pdf, text, pages };
    },
  };
}
