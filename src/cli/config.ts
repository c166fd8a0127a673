/** `redress config check FILE` and `redress config show`. */
import type { Command } from 'commander';
import { loadProcedure } from '../config/load.ts';
import { CliError, EXIT, formatProblems } from './output.ts';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('Check or show the procedure configuration');
  config
    .command('check')
    .argument('<file>', 'procedure file (JSON): only what differs from the default Miso procedure')
    .description('Validate a procedure file; prints every error with its path and exits 1 if there is any')
    .action((file: string) => {
      const result = loadProcedure(file);
      if (!result.ok) {
        process.stderr.write(`${formatProblems(file, result.problems)}\n`);
        process.exitCode = EXIT.problems;
        return;
      }
      const p = result.procedure;
      process.stdout.write(
        `${file} is valid: ${p.company.name}, ADR scheme ${p.adrScheme.name}, ` +
          `ADR limit ${p.timescales.adrLimitWeeks} weeks (${p.timescales.adrLimitWeeksBefore} before ${p.timescales.adrLimitChangedOn}).\n`,
      );
    });
  config
    .command('show')
    .argument('[file]', 'procedure file; default: the PROCEDURE_FILE setting, else Miso’s procedure')
    .description('Print the complete procedure in force, as JSON')
    .action((file: string | undefined) => {
      const source = file ?? process.env.PROCEDURE_FILE;
      const result = loadProcedure(source);
      if (!result.ok)
        throw new CliError(formatProblems(source ?? 'procedure', result.problems), EXIT.problems);
      process.stdout.write(`${JSON.stringify(result.procedure, null, 2)}\n`);
    });
}
