/** Exit codes and errors shared by the CLI's commands. */
import type { ConfigProblem } from '../config/load.ts';

export const EXIT = { ok: 0, problems: 1, usage: 2, failure: 3 } as const;

/** A failure the CLI explains in one line and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** Formats configuration problems one per line, path first. */
export function formatProblems(source: string, problems: ConfigProblem[]): string {
  return [`${source} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`]
    .concat(problems.map((p) => `  ${p.path}: ${p.message}`))
    .join('\n');
}
