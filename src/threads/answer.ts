/**
 * What a piscina pool answered, moved out of the object its promise was resolved with.
 *
 * Piscina keeps each task's record, and through it the task's callback and promise, after the task is done;
 * those records sit in V8's old generation, which only a full collection sweeps. Until one runs, a young
 * collection finds every answer they resolved still reachable, keeps it, and the next one moves it to the
 * old generation too. Each page of the CSV export (75 kB of text) went that way: the main thread's old
 * generation sawed from ~33 to ~118 MB between full collections, and the server's peak RSS over a million
 * rows was ~330 MB (docs/PERFORMANCE.md). Taken out, the answer dies young with its use; the emptied object
 * the old records keep is a few bytes.
 */
export function takeAnswer<T extends object>(answer: T): T {
  const taken = { ...answer };
  for (const key of Object.keys(answer)) delete (answer as Record<string, unknown>)[key];
  return taken;
}
