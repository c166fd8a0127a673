/**
 * The monthly report's sections on what the procedure teaches (issue 12): root causes, satisfaction with
 * the handling, remedies given, and the improvements completed in the month. Part of model.ts's sections
 * (so the PDF and the spreadsheet share them); apart only to keep each file readable.
 */
import type { Insight } from '../../app/read-insight.ts';
import { REMEDY_TYPES, type RemedyType } from '../../domain/complaint.ts';
import type { SatisfactionCount } from '../../domain/insight-panels.ts';
import { londonDate } from '../../domain/time.ts';
import { words } from '../case-file/format.ts';
import type { Cell, MonthlyReportInput, ReportSection } from './model.ts';

const REMEDY_WORDS: Record<RemedyType, string> = {
  apology: 'Apology',
  explanation: 'Explanation',
  'practical-action': 'Practical action',
  'credit-refund': 'Credit or refund',
  goodwill: 'Goodwill payment',
};

const MONEY: ReadonlySet<RemedyType> = new Set(['credit-refund', 'goodwill']);

const satisfactionCells = (s: SatisfactionCount): Cell[] => [
  s.sent,
  s.answered,
  { share: s.responseRate },
  s.averageScore,
];

/** Root causes, satisfaction, remedies and improvements done, in reading order. */
export function panelSections(report: MonthlyReportInput): ReportSection[] {
  const { current: now, previous: before, monthName, previousMonthName } = report;
  const satisfactionColumns = ['', 'Surveys sent', 'Answered', 'Response rate', 'Average score (1–5)'];
  const causeRows = rootCauseRows(now, before);
  return [
    {
      sheet: 'Root causes',
      title: 'Root causes',
      note:
        causeRows.length > 0
          ? 'The causes recorded for the complaints closed in each month, by the top level of the procedure’s ' +
            'tree, with the detailed causes beneath each (indented).'
          : `No root cause was recorded for a complaint closed in ${monthName} or ${previousMonthName}.`,
      table: { columns: ['Root cause', monthName, previousMonthName], rows: causeRows },
      chart: { column: 1, alt: `Bar chart of root causes recorded in ${monthName}.` },
    },
    {
      sheet: 'Satisfaction',
      title: 'Customer satisfaction with the handling',
      note:
        'The one-question survey put to customers when their complaint closed (not to those who asked not ' +
        'to be contacted), counted in the month it was sent: how many answered and their average score, ' +
        'from 1 (very dissatisfied) to 5 (very satisfied); then this month’s by stage reached and category.',
      table: {
        columns: satisfactionColumns,
        rows: [
          [monthName, ...satisfactionCells(now.satisfaction)],
          [previousMonthName, ...satisfactionCells(before.satisfaction)],
          ...now.satisfaction.byStageReached
            .filter((s) => s.sent > 0)
            .map((s) => [`Reached ${words(s.stageReached).toLowerCase()}`, ...satisfactionCells(s)]),
          ...now.satisfaction.byCategory
            .filter((s) => s.sent > 0)
            .map((s) => [`Category: ${words(s.category).toLowerCase()}`, ...satisfactionCells(s)]),
        ],
      },
    },
    {
      sheet: 'Satisfaction by handler',
      title: `Satisfaction by handler, ${monthName}`,
      note: 'The surveys of the complaints each person owned when they closed.',
      table: {
        columns: ['Handler', ...satisfactionColumns.slice(1)],
        rows: now.satisfaction.byHandler.map((h) => [
          h.person?.name ?? 'Nobody (unassigned)',
          ...satisfactionCells(h),
        ]),
      },
    },
    {
      sheet: 'Remedies',
      title: 'Remedies accepted',
      note:
        'What customers accepted in each month: agreed proposals and accepted ombudsman decisions, by type, ' +
        'with the money paid or credited (VAT included).',
      table: {
        columns: ['Remedy', monthName, 'Money', previousMonthName, 'Money (before)'],
        rows: [
          ...REMEDY_TYPES.map((type): Cell[] => {
            const a = now.remedies.byType.find((r) => r.type === type);
            const b = before.remedies.byType.find((r) => r.type === type);
            const money = (pence: number | undefined): Cell =>
              MONEY.has(type) ? { pence: pence ?? 0 } : null;
            return [REMEDY_WORDS[type], a?.count ?? 0, money(a?.pence), b?.count ?? 0, money(b?.pence)];
          }),
          [
            'All remedies',
            now.remedies.count,
            { pence: now.remedies.pence },
            before.remedies.count,
            { pence: before.remedies.pence },
          ],
        ],
      },
    },
    {
      sheet: 'Improvements done',
      title: 'Improvements completed this month',
      note:
        report.improvementsDone.length > 0
          ? 'Items of the improvement log marked done in the month: what was fixed, and the complaints that showed the problem.'
          : 'No item of the improvement log was marked done in the month.',
      table: {
        columns: ['Item', 'What was fixed', 'Owner', 'Done on', 'Complaints'],
        widths: [0.11, 0.37, 0.15, 0.14, 0.23],
        rows: report.improvementsDone.map((item) => [
          item.reference,
          `${item.title}: ${item.actionTaken ?? ''}`,
          item.owner.name,
          item.closedAt ? londonDate(new Date(item.closedAt)) : null,
          item.complaints.join(', ') || null,
        ]),
      },
    },
  ];
}

/** Each top-level cause (in either month), then its detailed causes indented beneath it. */
function rootCauseRows(now: Insight, before: Insight): Cell[][] {
  const codes = [...new Set([...now.rootCauses.causes, ...before.rootCauses.causes].map((c) => c.code))];
  return codes.flatMap((code) => {
    const a = now.rootCauses.causes.find((c) => c.code === code);
    const b = before.rootCauses.causes.find((c) => c.code === code);
    const label = a?.label ?? b?.label ?? code;
    const details = [...new Set([...(a?.detail ?? []), ...(b?.detail ?? [])].map((d) => d.code))];
    return [
      [label, a?.count ?? 0, b?.count ?? 0],
      ...details
        .filter((d) => d !== code)
        .map((d): Cell[] => {
          const da = a?.detail.find((x) => x.code === d);
          const db = b?.detail.find((x) => x.code === d);
          return [`   ${da?.label ?? db?.label ?? d}`, da?.count ?? 0, db?.count ?? 0];
        }),
    ];
  });
}
