/** `redress user add`, `redress user reset-2-step` and `redress token create`. */
import type { Command } from 'commander';
import { ROLES, type Role } from '../domain/procedure.ts';
import { CliError } from './output.ts';
import { withRuntime } from './with-runtime.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAdminCommands(program: Command): void {
  const user = program.command('user').description('Manage staff accounts');
  user
    .command('add')
    .description('Add a member of staff')
    .requiredOption('--email <email>', 'their email, used to sign in')
    .requiredOption('--name <name>', 'their name, as customers and colleagues see it')
    .requiredOption('--role <role>', `a role (${ROLES.join(', ')}); repeat for several`, collect, [])
    .option(
      '--password <password>',
      'a one-time password: 12 characters or more, not easily guessed, without their name or email in it; they must choose their own at first sign-in; without it they cannot sign in',
    )
    .action(async (o: { email: string; name: string; role: string[]; password?: string }) => {
      const bad = o.role.filter((r) => !ROLES.includes(r as Role));
      if (bad.length) throw new CliError(`unknown role ${bad.join(', ')}: use ${ROLES.join(', ')}`);
      if (!/^[^@\s]+@[^@\s]+$/.test(o.email)) throw new CliError(`${o.email} is not an email address`);
      await withRuntime(async ({ ctx }) => {
        const created = await (await import('../app/add-user.ts')).addUser(ctx, {
          email: o.email,
          name: o.name,
          roles: o.role as Role[],
          password: o.password,
        });
        process.stdout.write(
          `added ${created.name} <${created.email}> as ${created.roles.join(', ')} (id ${created.id})\n`,
        );
      });
    });
  user
    .command('reset-2-step')
    .description(
      'Reset a member of staff’s 2-step verification (lost phone and recovery codes, no other admin to do it): their authenticator and recovery codes are deleted and their sessions end; audited',
    )
    .requiredOption('--email <email>', 'whose 2-step verification to reset')
    .action(async (o: { email: string }) => {
      await withRuntime(async ({ ctx }) => {
        const done = await (await import('../app/reset-second-factor.ts')).resetSecondFactorOf(ctx, o.email);
        process.stdout.write(
          done.hadSecondFactor
            ? `reset the 2-step verification of ${o.email}; their sessions ended\n`
            : `${o.email} had no 2-step verification; their sessions ended\n`,
        );
      });
    });
  const token = program.command('token').description('Manage personal API tokens');
  token
    .command('create')
    .description(
      'Create a personal API token; the token is the last line of the output and is not shown again',
    )
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', 'personal token')
    .option(
      '--scope <scope>',
      'what it may do: full (all its user may), read (GET only), or commands:NAME,… (reading and those ' +
        'procedure commands, e.g. commands:log-contact,add-note)',
      'full',
    )
    .option('--expires <instant>', 'when it stops working, e.g. 2027-03-31T17:00:00Z (default: never)')
    .action(async (o: { email: string; name: string; scope: string; expires?: string }) => {
      await withRuntime(async ({ ctx }) => {
        const created = await (await import('../app/create-api-token.ts')).createApiToken(
          ctx,
          o.email,
          o.name,
          { scope: o.scope, expiresAt: o.expires },
        );
        const until = created.expiresAt ? `until ${created.expiresAt}` : 'no expiry';
        process.stdout.write(
          `token for ${created.user.email}, scope ${created.scope}, ${until} (send as Authorization: Bearer):\n${created.token}\n`,
        );
      });
    });
  token
    .command('revoke')
    .description('Revoke every API token of a user (a leaked token, someone leaving)')
    .requiredOption('--email <email>', 'whose tokens to revoke')
    .action(async (o: { email: string }) => {
      await withRuntime(async ({ ctx }) => {
        const revoked = await (await import('../app/create-api-token.ts')).revokeApiTokens(ctx, o.email);
        process.stdout.write(`revoked ${revoked} token${revoked === 1 ? '' : 's'} of ${o.email}\n`);
      });
    });
}
