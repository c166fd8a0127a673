/**
 * The figures the bench reports from per-item latencies (HTTP requests, messages, letters): nearest-rank
 * percentiles, the mean, the rate, Redress beside its baseline, and the table columns that show them.
 */

/** Per-item latency in ms: nearest rank over every item, and the mean. */
export interface Latency {
  p50: number;
  p99: number;
  mean: number;
}

/** One side of a run: its length, items per second over it, and its per-item latency. */
export interface Rate extends Latency {
  seconds: number;
  perSecond: number;
}

/** Redress / baseline: throughput (below 1 is slower), latency (above 1 is slower). */
export interface Ratio {
  throughput: number;
  p50: number;
  p99: number;
}

/** Nearest rank: the smallest value with at least `q` of the values at or below it; NaN if there are none. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function latency(latencies: readonly number[]): Latency {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

/** `latencies.length` items done in `seconds`. */
export function rate(latencies: readonly number[], seconds: number): Rate {
  return { seconds, perSecond: latencies.length / seconds, ...latency(latencies) };
}

/** Redress beside its baseline: the ratios, and Redress's mean per item minus the baseline's (ms). */
export function compare(redress: Rate, baseline: Rate): { ratio: Ratio; overheadMs: number } {
  return {
    ratio: {
      throughput: redress.perSecond / baseline.perSecond,
      p50: redress.p50 / baseline.p50,
      p99: redress.p99 / baseline.p99,
    },
    overheadMs: redress.mean - baseline.mean,
  };
}

/** Table columns for one side's rate: `Redress msg/s`, `p50 ms`, `p99 ms`. */
export function rateColumns(side: 'Redress' | 'baseline', unit: string): string[] {
  return [`${side} ${unit}/s`, 'p50 ms', 'p99 ms'];
}

/** The cells under `rateColumns`: items per second to `digits` places, latencies to two. */
export function rateCells(perSecond: number, { p50, p99 }: Latency, digits: number): string[] {
  return [perSecond.toFixed(digits), p50.toFixed(2), p99.toFixed(2)];
}

/** Table columns for the ratios: `msg/s ratio`, `p50 ratio`, `p99 ratio`. */
export function ratioColumns(unit: string): string[] {
  return [`${unit}/s ratio`, 'p50 ratio', 'p99 ratio'];
}

export function ratioCells({ throughput, p50, p99 }: Ratio): string[] {
  return [throughput.toFixed(3), p50.toFixed(2), p99.toFixed(2)];
}
