/**
 * The monthly management report: on the 1st at 07:00 UK time last month's report goes to every active
 * director by email (PDF and spreadsheet), the next month's is set, and the API and its checks refuse what
 * they should. That its figures are the dashboard's is tested with the dashboard's known set (insight.test.ts).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaint } from '../../src/app/record-complaint.ts';
import { nextReportAt, scheduleMonthlyReport } from '../../src/app/send-monthly-report.ts';
import { STAFF, startApi, type TestApi } from '../support/api.ts';
import { describeEachDialect } from '../support/databases.ts';
import { readPdf } from '../support/pdf.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

describe('when the report goes', () => {
  it('is 07:00 UK time on the 1st of next month, in summer time and out of it', () => {
    expect(nextReportAt(new Date('2026-11-15T12:00:00Z')).toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(nextReportAt(new Date('2026-05-31T23:30:00Z')).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(nextReportAt(new Date('2026-12-31T23:59:00Z')).toISOString()).toBe('2027-01-01T07:00:00.000Z');
  });
});

describeEachDialect('monthly management report', (harness) => {
  let t: TestApi;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApi(harness, { mail: { smtpUrl: sink.url } });
    const agent = { kind: 'staff', id: t.users.agent.id, roles: [...STAFF.agent] } as const;
    for (const [at, category] of [
      ['2026-10-05T10:00:00Z', 'billing'],
      ['2026-11-02T10:00:00Z', 'billing'],
      ['2026-11-03T10:00:00Z', 'equipment'],
    ] as const) {
      t.setNow(at);
      await recordComplaint(
        t.ctx,
        {
          customer: { name: 'Sam Example', email: `sam-${at.slice(0, 10)}@example.org` },
          channel: 'phone',
          category,
          description: 'The bill was wrong',
        },
        agent,
      );
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('mails last month’s report to the directors on the 1st, as PDF and XLSX, and sets next month’s', async () => {
    t.setNow('2026-11-20T09:00:00Z');
    await scheduleMonthlyReport(t.ctx);
    await scheduleMonthlyReport(t.ctx); // a second process asking: still one job
    const reports = async () =>
      (await sink.parsed()).filter((m) => m.subject?.startsWith('Complaints management report'));
    t.setNow('2026-11-30T23:00:00Z');
    await t.runJobs();
    expect(await reports()).toHaveLength(0);

    t.setNow('2026-12-01T07:00:00Z');
    await t.runJobs();
    const mails = await reports();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe('Complaints management report: November 2026');
    const to = (Array.isArray(mail?.to) ? mail.to : [mail?.to])
      .flatMap((a) => a?.value ?? [])
      .map((a) => a.address);
    // Every active director (the two in the test's staff), nobody else.
    expect(to.sort()).toEqual(['director2@test.redress', 'director@test.redress']);
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['complaints-report-2026-11.pdf', 'application/pdf'],
      ['complaints-report-2026-11.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);

    const pdf = await readPdf(mail!.attachments[0]!.content);
    expect(pdf.text).toContain('Complaints management report: November 2026');
    expect(pdf.text).toMatch(/Complaints received 2 1\b/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(mail!.attachments[1]!.content as unknown as ArrayBuffer);
    const glance = book.getWorksheet('At a glance');
    const received = glance
      ?.getRows(1, glance.rowCount)
      ?.find((r) => r.getCell(1).value === 'Complaints received');
    expect([received?.getCell(2).value, received?.getCell(3).value]).toEqual([2, 1]);

    // The next one is due on 1 January; running the jobs again sends nothing more.
    await t.runJobs();
    expect((await sink.parsed()).filter((m) => m.subject?.startsWith('Complaints management'))).toHaveLength(
      1,
    );
    const next = await t.db.kysely
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', 'monthly-report')
      .where('status', '=', 'pending')
      .execute();
    expect(next.map((j) => j.run_at)).toEqual(['2027-01-01T07:00:00.000Z']);
  });

  it('downloads a month’s report for reviewers and up, and refuses agents, bad months and months to come', async () => {
    t.setNow('2026-12-07T10:00:00Z');
    const pdf = await fetch(`${t.url}/api/v1/insight/report?month=2026-11`, {
      headers: { authorization: `Bearer ${t.users.reviewer.token}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('complaints-report-2026-11.pdf');
    expect((await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text).toContain('November 2026');

    const xlsx = await t.as('director').get('/insight/report?month=2026-12&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

    expect((await t.as('agent').get('/insight/report?month=2026-11')).status).toBe(403);
    for (const [month, message] of [
      ['2026-13', 'YYYY-MM'],
      ['2027-01', 'still to come'],
    ]) {
      const refused = await t.as('director').get(`/insight/report?month=${month}`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'validation', field: 'month' });
      expect(JSON.stringify(refused.body)).toContain(message);
    }
  });
});
