/**
 * `redress import` and `redress export complaints` as an operator runs them (real processes, SQLite): rejected
 * rows on stdout and in the report with their lines, exit 1 when any row was rejected, progress as plain
 * lines when stderr is not a terminal, nothing imported twice, and the export written to a new file only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeDialect } from '../support/databases.ts';
import { type CliResult, describeRun, redressEnv, runCli, stopAllProcesses } from '../support/processes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'redress-import-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterAll(stopAllProcesses);

const expectExit = (result: CliResult, code: number) => expect(result.code, describeRun(result)).toBe(code);

describeDialect('sqlite', 'redress import and export', () => {
  const env = redressEnv({ dataDir: join(scratch, 'data') }, { LOG_LEVEL: 'warn' });
  const file = join(scratch, 'old.csv');
  writeFileSync(
    file,
    [
      'external_id,received_at,channel,description,customer_name,closed_at,closure_reason,root_cause',
      'A-1,14/03/2025 09:00,phone,Charged twice,Ann Old,21/03/2025,resolved,=billing',
      'A-2,15/03/2025,fax,Line dead,Bob Old,,,',
      'A-3,2025-03-16,email,"Two lines,\nof description",Cy Old,2025-03-20,withdrawn,',
      'A-4,not a date,web,Wrong bill,Di Old,,,',
    ].join('\n'),
  );

  it('imports the good rows, reports the bad by line, exits 1, and imports nothing twice', async () => {
    const report = join(scratch, 'rejected.csv');
    const first = await runCli(['import', file, '--source', 'old', '--report', report], env, {
      timeoutMs: 60_000,
    });
    expectExit(first, 1);
    expect(first.stdout).toContain('imported 2 of 4 rows from old: 0 already imported, 2 rejected');
    expect(first.stderr).toMatch(/^import: 100% 4 rows: 2 imported, 0 already, 2 rejected$/m);
    const lines = readFileSync(report, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('line,external_id,reasons');
    expect(lines[1]).toMatch(/^3,A-2,"?channel ""?fax""? is not one of/);
    // A-3's description spans two lines: A-4 starts on line 6.
    expect(lines[2]).toMatch(/^6,A-4,/);

    const again = await runCli(['import', file, '--source', 'old'], env, { timeoutMs: 60_000 });
    expectExit(again, 1);
    expect(again.stdout).toContain('imported 0 of 4 rows from old: 2 already imported, 2 rejected');
    expect(again.stdout).toMatch(/line 3 \(A-2\): channel "fax"/);
  }, 120_000);

  it('refuses a file without its required columns (exit 2)', async () => {
    const bad = join(scratch, 'bad.csv');
    writeFileSync(bad, 'id,when\n1,2025-01-01\n');
    const result = await runCli(['import', bad], env, { timeoutMs: 60_000 });
    expectExit(result, 2);
    expect(result.stderr).toContain(
      'the file has no column external_id, received_at, channel, description, customer_name',
    );
  }, 60_000);

  it('exports the list as CSV to a new file, and refuses to overwrite one', async () => {
    const out = join(scratch, 'complaints.csv');
    const result = await runCli(['export', 'complaints', '--out', out, '--open', 'no'], env, {
      timeoutMs: 60_000,
    });
    expectExit(result, 0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.trim().split('\r\n');
    expect(rows).toHaveLength(3);
    // The imported cause "=billing" is no code of the tree: filed under other (its words in the lessons).
    expect(rows.slice(1).map((r) => r.split(',').at(-1))).toEqual(['', 'other']);
    expectExit(await runCli(['export', 'complaints', '--out', out], env, { timeoutMs: 60_000 }), 2);
  }, 60_000);
});
