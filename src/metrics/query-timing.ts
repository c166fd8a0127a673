/**
 * Times every database query through a Kysely plugin rather than the `log` option: the plugin wraps the
 * `Db` from outside, so it needs no change to how the database is opened, and it sees transactions too.
 * The start is taken when the query is compiled for execution and the end when its result comes back, so
 * the figure includes waiting for a connection (SQLite's writer, the PostgreSQL pool): what a request feels.
 * Cost: one `performance.now()` and a WeakMap entry per query. A query that throws never reaches
 * `transformResult`; its entry is simply collected with its id.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Db } from '../db/database.ts';
import type { Metrics } from './metrics.ts';

const OPERATIONS: Record<string, string> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
  RawNode: 'raw',
};

class QueryTimingPlugin implements KyselyPlugin {
  readonly #started = new WeakMap<object, { at: number; operation: string }>();

  constructor(readonly histogram: Metrics['dbQueryDuration']) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#started.set(args.queryId, {
      at: performance.now(),
      operation: OPERATIONS[args.node.kind] ?? 'other',
    });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started) {
      this.#started.delete(args.queryId);
      this.histogram.observe({ operation: started.operation }, (performance.now() - started.at) / 1000);
    }
    return args.result;
  }
}

/** The same database, its queries timed into `metrics.dbQueryDuration`. */
export function withQueryTiming(db: Db, metrics: Metrics): Db {
  return { ...db, kysely: db.kysely.withPlugin(new QueryTimingPlugin(metrics.dbQueryDuration)) };
}
