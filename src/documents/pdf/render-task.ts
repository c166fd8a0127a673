/**
 * What a render thread does with one task: the same `renderLetter` the main thread would call, on the
 * structured-cloned input. The PDF crosses back as a copy (tens of kB: microseconds); a Buffer arrives on
 * the other side as a plain Uint8Array, which the pool turns back into a Buffer.
 */
import { type LetterInput, type RenderedLetter, renderLetter } from '../letters/index.ts';

export function renderTask(input: LetterInput): Promise<RenderedLetter> {
  return renderLetter(input);
}
