/**
 * The default document store: files under `DATA_DIR/documents/ab/cd/<sha256>`. A put writes a temporary file
 * beside the others, fsyncs it, renames it into place and fsyncs the folder, so after `put` returns the
 * document survives a power cut, and a file at its final name is always whole (a crash mid-write leaves only
 * a temporary file, which the next put of the same bytes does not look at). Renaming onto an existing name is
 * harmless: the bytes are the same by construction.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type DocumentStore,
  documentPath,
  missing,
  type StoredBlob,
  sha256Hex,
  verified,
} from './document-store.ts';

export function fileDocumentStore(folder: string): DocumentStore {
  const root = resolve(folder);
  const location = `file:${root}`;
  const pathOf = (sha256: string) => join(root, documentPath(sha256));

  return {
    location,

    async put(bytes) {
      const blob: StoredBlob = { sha256: sha256Hex(bytes), sizeBytes: bytes.length };
      const target = pathOf(blob.sha256);
      if (await isFile(target)) return blob;
      const folder = dirname(target);
      const created = await mkdir(folder, { recursive: true });
      const temporary = join(folder, `.${blob.sha256}.${randomBytes(6).toString('hex')}.tmp`);
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temporary, target);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
      // The rename is durable once the folder is; new folders need their own entries in their parents too.
      await syncFolder(folder);
      if (created !== undefined) {
        for (let dir = dirname(folder); dir.length >= root.length; dir = dirname(dir)) {
          await syncFolder(dir);
          if (dir === root) break;
        }
      }
      return blob;
    },

    async get(sha256) {
      let bytes: Buffer;
      try {
        bytes = await readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing(sha256, location, error);
        throw error;
      }
      return verified(sha256, bytes, location);
    },

    has: async (sha256) => isFile(pathOf(sha256)),

    async remove(sha256) {
      const target = pathOf(sha256);
      try {
        await unlink(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      await syncFolder(dirname(target));
    },
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
