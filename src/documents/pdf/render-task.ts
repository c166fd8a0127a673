/**
 * What a render thread does with one task: the same `renderLetter` (or monthly report) the main thread would
 * call, on the structured-cloned input. The PDF crosses back as a copy (tens of kB: microseconds); a Buffer arrives on
 * the other side as a plain Uint8Array, which the pool turns back into a Buffer.
 */
import { type LetterInput, type RenderedLetter, renderLetter } from '../letters/index.ts';
import type { MonthlyReportInput } from '../report/model.ts';
import { renderMonthlyReportPdf } from '../report/pdf.ts';

export function renderTask(input: LetterInput): Promise<RenderedLetter> {
  return renderLetter(input);
}

/**
 * The monthly report's PDF (piscina calls it by name: `renderReportTask`), in an object so that the pool can
 * take it out of what piscina keeps (threads/answer.ts).
 */
export async function renderReportTask(input: MonthlyReportInput): Promise<{ pdf: Buffer }> {
  return { pdf: await renderMonthlyReportPdf(input) };
}
