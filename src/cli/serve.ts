/** `redress serve`'s options and help; what it runs is in serve-run.ts. */
import type { Command } from 'commander';
import { CliError } from './output.ts';

const ROLES = ['all', 'web', 'worker', 'mail'] as const;
type ServeRole = (typeof ROLES)[number];

const ROLES_HELP = `
Roles (--role), for running the parts apart against one shared database (PostgreSQL):
  all     everything below in one process (the default; one machine, SQLite or PostgreSQL)
  web     the HTTP API and the web app (PORT); run as many as you like behind a load balancer
  worker  the job worker: acknowledgements, letters, customer email, clock timers, the ADR sweep
          (WORKER_CONCURRENCY jobs at once, letters on RENDER_THREADS threads); several may run, no job
          runs twice
  mail    the inbound SMTP listener (SMTP_PORT) and the IMAP poller (IMAP_URL)

Every role serves GET /healthz, /readyz and /metrics on PORT (worker and mail: those three only), so
processes sharing a host need a PORT each. /metrics answers a Bearer METRICS_TOKEN, or without it loopback only.

SIGTERM stops a process gracefully (within SHUTDOWN_TIMEOUT_MS, default 20000); see docs/DEPLOYMENT.md.
`;

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run Redress: the HTTP API (PORT, default 3000), the job worker and the inbound SMTP listener ' +
        '(SMTP_PORT, default 2525), on the configured database',
    )
    .option('--role <role>', `what this process runs: ${ROLES.join(' | ')}`, 'all')
    .addHelpText('after', ROLES_HELP)
    .action(async (options: { role: string }) => {
      if (!ROLES.includes(options.role as ServeRole)) {
        throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
      }
      // Loaded here, not above: every other command starts without the server and what it brings.
      const { runServe } = await import('./serve-run.ts');
      await runServe(options.role as ServeRole);
    });
}
