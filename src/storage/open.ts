/**
 * Opens the document store the settings name: files under DATA_DIR by default, or an S3 bucket. The AWS SDK
 * is loaded only for S3, so a one-machine installation does not pay for it at start or in memory.
 */
import type { DocumentStoreSettings } from '../config/env.ts';
import type { DocumentStore } from './document-store.ts';
import { fileDocumentStore } from './file-store.ts';

export async function openDocumentStore(
  settings: DocumentStoreSettings,
): Promise<DocumentStore & { close(): void }> {
  if (settings.kind === 'file') return { ...fileDocumentStore(settings.dir), close: () => undefined };
  const { s3DocumentStore } = await import('./s3-store.ts');
  return s3DocumentStore(settings);
}
