/**
 * Letters rendered off the event loop. A letter takes 6–9 ms of pure CPU (layout, DejaVu Sans subset,
 * compression; 19–21 ms before it was profiled, docs/PERFORMANCE.md); in the thread that also serves HTTP
 * and runs jobs, each one stalls every request behind it, and at 90 new complaints a second the
 * acknowledgements fell minutes behind (issue 11). Here each letter is
 * rendered by `renderLetter` in one of a few worker threads (piscina), so the event loop only waits for the
 * answer. The same function on the same input gives the same bytes in any thread (tested).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { takeAnswer } from '../../threads/answer.ts';
import type { LetterInput, RenderedLetter } from '../letters/index.ts';
import type { MonthlyReportInput } from '../report/model.ts';

/**
 * The render task's own module when Redress runs from its bundle (bin/launch.js defines it): the threads then
 * load it directly. Under tsx (tests, or no bundle) it is undefined, and each thread registers tsx itself.
 */
declare const __REDRESS_RENDER_TASK__: string | undefined;
const BUNDLED_TASK = typeof __REDRESS_RENDER_TASK__ === 'string' ? __REDRESS_RENDER_TASK__ : undefined;

export interface RenderPool {
  render(input: LetterInput): Promise<RenderedLetter>;
  /** The monthly management report's PDF. */
  renderReport(input: MonthlyReportInput): Promise<Buffer>;
  /** Lets the letters in hand finish, then ends the threads. */
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  /** Render threads; default: one fewer than the cores (at least one). */
  threads?: number | undefined;
}

/**
 * Threads when none are configured: one fewer than the cores, at least one, leaving a core to the main
 * thread (HTTP, and SQLite's writes, which run on it). Each thread holds its own copy of pdfkit and the fonts:
 * measured idle RSS of `redress serve` on SQLite, 216 MB in-thread, 290 MB with one thread, 317 MB with two.
 */
export function defaultRenderThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Starts the render threads. Each loads pdfkit and the fonts once, when it starts (about a second), so the
 * first letters do not pay for it; idle threads stay.
 */
export function startRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const threads = Math.max(1, options.threads ?? defaultRenderThreads());
  const pool = new Piscina<LetterInput | MonthlyReportInput, RenderedLetter | { pdf: Uint8Array }>({
    filename: BUNDLED_TASK ?? new URL('./render-thread.mjs', import.meta.url).href,
    name: BUNDLED_TASK ? 'renderTask' : 'default',
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // A letter waits in the queue rather than fail: the job that asked for it is already bounded.
    maxQueue: Number.POSITIVE_INFINITY,
  });
  return {
    async render(input) {
      const rendered = takeAnswer((await pool.run(input)) as RenderedLetter);
      // Structured clone hands the Buffer back as a Uint8Array; callers (hashing, storage) expect a Buffer.
      const pdf = rendered.pdf as Uint8Array;
      return { ...rendered, pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    },
    async renderReport(input) {
      const { pdf } = takeAnswer(
        (await pool.run(input, { name: 'renderReportTask' })) as { pdf: Uint8Array },
      );
      return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    close: () => pool.close(),
  };
}
