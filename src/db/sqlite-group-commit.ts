/**
 * Group commit for SQLite: commits are made durable by one `fdatasync` of the WAL shared by every commit
 * that came before it, run on libuv's thread pool while the event loop goes on.
 *
 * With `synchronous = FULL` SQLite fsyncs the WAL inside every COMMIT, on the thread that commits: better-sqlite3
 * is synchronous, so each commit stopped every request for the length of an fsync (3.7 ms measured here; far
 * more on a busy disk). At 100 new complaints a second, with the jobs each one leaves, that alone was more
 * than the event loop had.
 *
 * So the writer runs with `synchronous = NORMAL` (in WAL mode: the WAL is synced only at checkpoints, the
 * database file after them; a crash of the process loses nothing, a power cut may lose the last commits), and
 * a write is answered only after `flush()`: an fdatasync of the WAL file that started after its COMMIT.
 * fsync flushes the file, whichever descriptor wrote it, so on its return every commit before it is as durable
 * as under FULL. Commits made while one fdatasync runs share the next one: at high rates a single fdatasync
 * covers dozens of commits, and the writer lock is free meanwhile (it is released before the flush).
 */
import { type FileHandle, open } from 'node:fs/promises';

export class WalSync {
  readonly #walFile: string;
  #handle: Promise<FileHandle> | undefined;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #syncs = 0;

  constructor(walFile: string) {
    this.#walFile = walFile;
  }

  /** How many fdatasyncs have been started. */
  get syncs(): number {
    return this.#syncs;
  }

  /** Resolves once every commit made before the call is on disk. */
  flush(): Promise<void> {
    if (this.#running === undefined) {
      this.#running = this.#sync();
      return this.#running;
    }
    // The fdatasync under way may have started before the caller's commit: wait for the next one, which
    // everyone arriving meanwhile shares.
    this.#queued ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        this.#running ??= this.#sync();
        return this.#running;
      });
    return this.#queued;
  }

  async close(): Promise<void> {
    await this.#running?.catch(() => undefined);
    const handle = this.#handle;
    this.#handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }

  async #sync(): Promise<void> {
    this.#syncs++;
    try {
      // Opened at the first flush: by then a commit has created the WAL. SQLite keeps that file while any
      // connection is open (a checkpoint rewinds it; it never replaces it), so one descriptor serves.
      this.#handle ??= open(this.#walFile, 'r+');
      const handle = await this.#handle.catch((error: unknown) => {
        this.#handle = undefined;
        throw error;
      });
      await handle.datasync();
    } finally {
      this.#running = undefined;
    }
  }
}
