import { describe, expect, it } from 'vitest';
import { formatTokenScope, parseTokenScope, type TokenScope, tokenScopeAllows } from './token-scope.ts';

describe('token scopes', () => {
  it('reads full, read and named commands, and explains what it cannot read', () => {
    expect(parseTokenScope('read')).toEqual({ kind: 'read' });
    const commands = parseTokenScope('commands:log-contact, add-note,log-contact');
    expect(commands).toEqual({ kind: 'commands', commands: ['log-contact', 'add-note'] });
    expect(formatTokenScope(commands as TokenScope)).toBe('commands:log-contact,add-note');
    expect(parseTokenScope('write')).toHaveProperty('error');
    expect((parseTokenScope('commands:propose-resolution') as { error: string }).error).toContain(
      '"propose-resolution"',
    );
  });

  it('lets a read token only read, and a commands token read and issue its commands', () => {
    const read: TokenScope = { kind: 'read' };
    const some: TokenScope = { kind: 'commands', commands: ['log-contact'] };
    expect(tokenScopeAllows(read, 'GET', undefined)).toBe(true);
    expect(tokenScopeAllows(read, 'POST', 'log-contact')).toBe(false);
    expect(tokenScopeAllows(some, 'POST', 'log-contact')).toBe(true);
    expect(tokenScopeAllows(some, 'POST', 'propose')).toBe(false);
    expect(tokenScopeAllows(some, 'POST', undefined)).toBe(false);
    expect(tokenScopeAllows(some, 'DELETE', undefined)).toBe(false);
    expect(tokenScopeAllows({ kind: 'full' }, 'PATCH', undefined)).toBe(true);
  });
});
