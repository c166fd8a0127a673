/**
 * The monthly management report as tables: what the PDF and the spreadsheet both show, built once so the two
 * can never disagree on a number. Each section is a table of plain values, with the column a bar chart is
 * drawn from where a chart helps; the renderers only lay it out (pdf.ts, xlsx.ts).
 *
 * The month's figures stand beside the month before's, because a director reading a report asks first
 * whether things got better. The team is as it stood when the report was made: who has what open cannot be
 * read back for a past day.
 */
import type { FixedImprovement } from '../../app/list-improvements-done.ts';
import type { Insight } from '../../app/read-insight.ts';
import { CHANNELS } from '../../domain/complaint.ts';
import { FUNNEL_OUTCOMES, type FunnelOutcome } from '../../domain/insight.ts';
import { CATEGORIES, type Procedure } from '../../domain/procedure.ts';
import { formatPence, words } from '../case-file/format.ts';
import { panelSections } from './panels.ts';

/** Everything the report is made from, as plain data (it crosses to a render thread by structured clone). */
export interface MonthlyReportInput {
  /** `YYYY-MM`. */
  month: string;
  /** "October 2026". */
  monthName: string;
  previousMonthName: string;
  /** The month is not over yet: its figures run to `current.to`. */
  partial: boolean;
  generatedAt: string;
  /** For the letterhead and the scheme's name. */
  procedure: Procedure;
  current: Insight;
  previous: Insight;
  /** The improvement items marked done in the month. */
  improvementsDone: FixedImprovement[];
}

/** Money is kept in pence and shown as pounds; a share (0–1) as a percentage; null as a dash. */
export type Cell = string | number | null | { pence: number } | { share: number | null };

export interface ReportTable {
  columns: string[];
  rows: Cell[][];
  /** Each column's share of the page's width, for a table of text (the PDF); else the first wide, the rest even. */
  widths?: number[] | undefined;
}

export interface ReportSection {
  /** The sheet's name in the spreadsheet: short, unique, at most 31 characters. */
  sheet: string;
  title: string;
  /** What the figures mean, in a sentence or two. */
  note: string;
  table: ReportTable;
  /** A bar chart of this column (by the rows' first column), in the PDF. */
  chart?: { column: number; alt: string } | undefined;
  /** Shown first, in bold: a figure that means the procedure failed (time-limit ADR letters). */
  warning?: string | undefined;
}

const FUNNEL_WORDS: Record<FunnelOutcome, string> = {
  open: 'Still open',
  'resolved-attempt-1': 'Resolved at attempt 1',
  'resolved-attempt-2': 'Resolved at attempt 2',
  'resolved-attempt-3': 'Resolved at attempt 3 (director review)',
  withdrawn: 'Withdrawn',
  deadlock: 'Reached deadlock',
  'decided-by-scheme': 'Decided by the ADR scheme after a time-limit letter',
};

const share = (part: number, whole: number): Cell => ({ share: whole > 0 ? part / whole : null });

/** The report's sections, in reading order. */
export function reportSections(report: MonthlyReportInput): ReportSection[] {
  const { current: now, previous: before } = report;
  const columns = ['', report.monthName, report.previousMonthName];
  const limitWeeks = 'within the ADR time limit (6 weeks; 8 for complaints first raised before 8 April 2026)';
  const sections: ReportSection[] = [
    {
      sheet: 'At a glance',
      title: 'At a glance',
      note:
        'Complaints count in the month they were received; ADR letters, referrals, decisions and fees in the ' +
        'month they happened. Remedies overdue are as they stood when this report was made.',
      table: {
        columns,
        rows: [
          ['Complaints received', now.received, before.received],
          ...(now.perHundredThousandCustomers !== null
            ? [
                [
                  'Complaints per 100,000 customers (Ofcom’s measure)',
                  now.perHundredThousandCustomers,
                  before.perHundredThousandCustomers,
                ] as Cell[],
              ]
            : []),
          ['Resolved within 1 week', now.timeToResolve.week, before.timeToResolve.week],
          [`Resolved ${limitWeeks}`, now.timeToResolve['adr-limit'], before.timeToResolve['adr-limit']],
          ['Resolved later than that', now.timeToResolve.later, before.timeToResolve.later],
          ['ADR letters at deadlock', now.adrLetters.deadlock, before.adrLetters.deadlock],
          ['ADR letters at the time limit', now.adrLetters.timeLimit, before.adrLetters.timeLimit],
          ['Referrals to the ADR scheme', now.referrals.referred, before.referrals.referred],
          [
            'Case fees paid',
            { pence: now.referrals.caseFeesPence },
            { pence: before.referrals.caseFeesPence },
          ],
          ['Ombudsman remedies overdue (now)', now.referrals.remediesOverdue, null],
        ],
      },
      warning:
        now.adrLetters.timeLimit > 0
          ? `${now.adrLetters.timeLimit} complaint${now.adrLetters.timeLimit === 1 ? '' : 's'} reached the ADR time limit unresolved this month (${before.adrLetters.timeLimit} the month before): each is a failure of the procedure.`
          : undefined,
    },
    {
      sheet: 'By category',
      title: 'Complaints by category',
      note: 'Complaints received in each month, by the category they were given.',
      table: {
        columns: ['Category', report.monthName, report.previousMonthName],
        rows: CATEGORIES.map((c) => [
          words(c),
          sum(now, (v) => v.byCategory[c]),
          sum(before, (v) => v.byCategory[c]),
        ]),
      },
      chart: { column: 1, alt: `Bar chart of complaints received in ${report.monthName} by category.` },
    },
    {
      sheet: 'By channel',
      title: 'Complaints by channel',
      note: 'How customers raised the complaints received in each month.',
      table: {
        columns: ['Channel', report.monthName, report.previousMonthName],
        rows: CHANNELS.map((c) => [
          words(c),
          sum(now, (v) => v.byChannel[c]),
          sum(before, (v) => v.byChannel[c]),
        ]),
      },
      chart: { column: 1, alt: `Bar chart of complaints received in ${report.monthName} by channel.` },
    },
    {
      sheet: 'Procedure',
      title: 'How far complaints went',
      note:
        'Where the complaints received in each month stand now: resolved at which attempt, withdrawn, at ' +
        'deadlock, or still open. A complaint received late in the month is often still open.',
      table: {
        columns: ['Outcome', report.monthName, report.previousMonthName],
        rows: FUNNEL_OUTCOMES.map((o) => [FUNNEL_WORDS[o], now.funnel[o], before.funnel[o]]),
      },
      chart: { column: 1, alt: `Bar chart of where the complaints received in ${report.monthName} ended.` },
    },
    {
      sheet: 'Days per attempt',
      title: 'Days at each attempt',
      note: 'For attempts that ended, of the complaints received in the month: how many, and the median days each took.',
      table: {
        columns: [
          'Attempt',
          'Ended',
          'Median days',
          `Ended (${report.previousMonthName})`,
          'Median days (before)',
        ],
        rows: now.attempts.map((a, i) => [
          `Attempt ${a.attempt}`,
          a.ended,
          a.medianDays,
          before.attempts[i]?.ended ?? 0,
          before.attempts[i]?.medianDays ?? null,
        ]),
      },
    },
    {
      sheet: 'Time to resolve',
      title: 'Time to resolve',
      note:
        'From the day the customer first expressed dissatisfaction to the day the complaint closed as ' +
        'resolved, for the complaints received in the month: the regulator’s buckets.',
      table: {
        columns: ['Resolved', report.monthName, 'Share', report.previousMonthName, 'Share (before)'],
        rows: (
          [
            ['Within 1 week', 'week'],
            [`Within the ADR limit`, 'adr-limit'],
            ['Later', 'later'],
            ['Not resolved (yet)', 'notResolved'],
          ] as const
        ).map(([label, key]) => [
          label,
          now.timeToResolve[key],
          share(now.timeToResolve[key], now.received),
          before.timeToResolve[key],
          share(before.timeToResolve[key], before.received),
        ]),
      },
    },
    {
      sheet: 'ADR letters',
      title: 'ADR letters by trigger',
      note:
        'A deadlock letter is the procedure working as written; a time-limit letter means a complaint was ' +
        'still unresolved at the ADR limit.',
      table: {
        columns: ['Week or month', 'Deadlock', 'Time limit'],
        rows: now.adrLetters.byPeriod.map((p) => [periodWords(p.period), p.deadlock, p.timeLimit]),
      },
      chart: { column: 2, alt: `Bar chart of time-limit ADR letters in ${report.monthName}, by week.` },
    },
    {
      sheet: 'ADR scheme',
      title: `Referrals to ${report.procedure.adrScheme.name}`,
      note: 'Referrals, the scheme’s decisions and case fees in the month.',
      table: {
        columns,
        rows: [
          ['Referred', now.referrals.referred, before.referrals.referred],
          ['Upheld (fully or partly)', now.referrals.outcomes.upheld, before.referrals.outcomes.upheld],
          [
            'of which partly upheld',
            now.referrals.outcomes.partlyUpheld,
            before.referrals.outcomes.partlyUpheld,
          ],
          ['Not upheld', now.referrals.outcomes.notUpheld, before.referrals.outcomes.notUpheld],
          ['Settled', now.referrals.outcomes.settled, before.referrals.outcomes.settled],
          ['Case fees paid', now.referrals.caseFeesPaid, before.referrals.caseFeesPaid],
          [
            'Case fees (total)',
            { pence: now.referrals.caseFeesPence },
            { pence: before.referrals.caseFeesPence },
          ],
        ],
      },
    },
    {
      sheet: 'Declined proposals',
      title: 'Proposals declined, by category',
      note: 'Proposals for remedial action the customer declined in the month.',
      table: {
        columns: ['Category', report.monthName, report.previousMonthName],
        rows: now.declinedProposals.map((d, i) => [
          words(d.category),
          d.declined,
          before.declinedProposals[i]?.declined ?? 0,
        ]),
      },
    },
    ...panelSections(report),
    {
      sheet: 'Team',
      title: 'The team now',
      note: 'Open complaints, overdue agreed steps and follow-ups waiting, per person, when this report was made.',
      table: {
        columns: ['Person', 'Open complaints', 'Overdue steps', 'Follow-ups waiting'],
        rows: now.team.map((m) => [
          m.person?.name ?? 'Nobody (unassigned)',
          m.open,
          m.overdueSteps,
          m.followUpsWaiting,
        ]),
      },
    },
  ];
  return sections;
}

function sum(insight: Insight, pick: (volume: Insight['volumes'][number]) => number): number {
  return insight.volumes.reduce((total, volume) => total + pick(volume), 0);
}

/** A week's Monday as "w/c 5 Oct", a month `YYYY-MM` as "Oct 2026". */
function periodWords(period: string): string {
  if (period.length === 7) {
    return new Date(`${period}-01T12:00:00Z`).toLocaleDateString('en-GB', {
      month: 'short',
      year: 'numeric',
    });
  }
  const day = new Date(`${period}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  return `w/c ${day}`;
}

/** A cell as text, for the PDF (the spreadsheet keeps numbers as numbers, formatted). */
export function cellText(value: Cell): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) ? value.toLocaleString('en-GB') : String(value);
  if ('pence' in value) return formatPence(value.pence);
  return value.share === null ? '—' : `${Math.round(value.share * 1000) / 10}%`;
}

/** A cell's number for a chart: 0 for text, money in pence, a share as it is. */
export function cellNumber(value: Cell): number {
  if (typeof value === 'number') return value;
  if (value === null || typeof value === 'string') return 0;
  return 'pence' in value ? value.pence : (value.share ?? 0);
}
