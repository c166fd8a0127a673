/**
 * Counts the queries a use case runs: a Kysely plugin on a copy of the context's database, counting each
 * query's result (so a query only compiled, never run, is not counted).
 *
 *   const counted = countQueries(t.ctx);
 *   await getComplaint(counted.ctx, reference, actor);
 *   expect(counted.queries).toBeLessThanOrEqual(3);
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { AppContext } from '../../src/app/context.ts';

class QueryCounter implements KyselyPlugin {
  queries = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.queries++;
    return args.result;
  }
}

/** The context with its database counting queries; `queries` is how many ran since, `reset` starts again. */
export function countQueries(ctx: AppContext): { ctx: AppContext; readonly queries: number; reset(): void } {
  const counter = new QueryCounter();
  const counted: AppContext = { ...ctx, db: { ...ctx.db, kysely: ctx.db.kysely.withPlugin(counter) } };
  return {
    ctx: counted,
    get queries() {
      return counter.queries;
    },
    reset() {
      counter.queries = 0;
    },
  };
}
