/**
 * The document store a test's Redress runs with: files in the test database's own temp dir, as `serve` keeps
 * them under DATA_DIR, so they are removed with it.
 */
import { join } from 'node:path';
import type { OpenDatabaseOptions } from '../../src/db/database.ts';
import type { DocumentStore } from '../../src/storage/document-store.ts';
import { fileDocumentStore } from '../../src/storage/file-store.ts';

export function documentsOf(db: { options: OpenDatabaseOptions }): DocumentStore {
  return fileDocumentStore(join(db.options.dataDir, 'documents'));
}
