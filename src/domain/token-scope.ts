/**
 * What an API token may do. `full`: all its holder may. `read`: only reading (GET and HEAD). `commands:…`:
 * reading and the named procedure commands (`commands:log-contact,add-note`), nothing else — no new
 * complaints, no new tokens. Kept as this text in the database and the API.
 */
import { COMMAND_TYPES, type CommandType } from './commands.ts';

export type TokenScope =
  | { kind: 'full' }
  | { kind: 'read' }
  | { kind: 'commands'; commands: readonly CommandType[] };

const isCommand = (name: string): name is CommandType => (COMMAND_TYPES as readonly string[]).includes(name);

/** The scope a text names, or the reason it names none. */
export function parseTokenScope(text: string): TokenScope | { error: string } {
  if (text === 'full') return { kind: 'full' };
  if (text === 'read') return { kind: 'read' };
  if (!text.startsWith('commands:')) {
    return {
      error: 'must be full, read or commands: followed by command names, e.g. commands:log-contact,add-note',
    };
  }
  const names = text
    .slice('commands:'.length)
    .split(',')
    .map((n) => n.trim());
  const unknown = names.filter((n) => !isCommand(n));
  if (names.length === 0 || unknown.length > 0) {
    return {
      error: `names no command ${unknown.map((n) => `"${n}"`).join(', ')}: known are ${COMMAND_TYPES.join(', ')}`,
    };
  }
  return { kind: 'commands', commands: [...new Set(names as CommandType[])] };
}

/** The scope as it is stored and shown. */
export function formatTokenScope(scope: TokenScope): string {
  return scope.kind === 'commands' ? `commands:${scope.commands.join(',')}` : scope.kind;
}

/** Whether a request (its method, and the command its route issues or previews, if any) is in scope. */
export function tokenScopeAllows(scope: TokenScope, method: string, command: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  switch (scope.kind) {
    case 'full':
      return true;
    case 'read':
      return false;
    case 'commands':
      return command !== undefined && (scope.commands as readonly string[]).includes(command);
    default: {
      const never: never = scope;
      return never;
    }
  }
}
