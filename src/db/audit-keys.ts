/**
 * The audit keys a database handle hashes and verifies with. They are configuration of the process, never
 * rows: `withAuditKeys` attaches a keyring to a Kysely instance as a (no-op) plugin, so every transaction
 * opened from it carries the keyring too, and `appendAuditEvents(trx, …)` finds its key without every use
 * case passing it along. A handle without a keyring writes plain sha256 rows (test harnesses); `redress`
 * processes always have one (config/audit-keys.ts).
 */
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { type AuditKey, auditKeyId } from './audit-hash.ts';
import type { Executor } from './database.ts';
import type { Schema } from './schema.ts';

/** The key new rows are hashed with, and every key old rows may have been hashed with, by id. */
export interface AuditKeyring {
  current: AuditKey;
  byId: ReadonlyMap<string, AuditKey>;
}

/** A keyring of `secrets`, oldest first: the last is the current key. */
export function auditKeyring(secrets: readonly Buffer[]): AuditKeyring {
  const keys = secrets.map((secret) => ({ id: auditKeyId(secret), secret }));
  const current = keys.at(-1);
  if (!current) throw new Error('an audit keyring needs at least one key');
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

class AuditKeysPlugin implements KyselyPlugin {
  constructor(readonly keyring: AuditKeyring) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** `kysely` hashing its audit rows with `keyring`. */
export function withAuditKeys(kysely: Kysely<Schema>, keyring: AuditKeyring): Kysely<Schema> {
  return kysely.withPlugin(new AuditKeysPlugin(keyring));
}

/** The keyring an executor (database or transaction) carries, or null. */
export function auditKeysOf(executor: Executor): AuditKeyring | null {
  // getExecutor is public in Kysely's types (marked internal in its docs); transactions share its plugins.
  const plugins = executor.getExecutor().plugins;
  for (let i = plugins.length - 1; i >= 0; i--) {
    const plugin = plugins[i];
    if (plugin instanceof AuditKeysPlugin) return plugin.keyring;
  }
  return null;
}
