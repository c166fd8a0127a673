/** What every section of the case file's PDF reads from: the input, names for ids, and the ZIP's layout. */
import type { People } from './format.ts';
import type { Placement } from './paths.ts';
import type { CaseFileInput } from './types.ts';

export interface PdfContext {
  input: CaseFileInput;
  people: People;
  placement: Placement;
}
