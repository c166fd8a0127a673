/**
 * Writes `web/src/api/schema.d.ts`, the web app's types for the REST API, from the OpenAPI document the
 * server serves. `npm run api-types` after changing a route; a test fails while the file is out of date.
 *
 *   tsx scripts/api-types.ts           write the file
 *   tsx scripts/api-types.ts --check   exit 1 if the file is out of date
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import { MISO_PROCEDURE } from '../src/config/miso.ts';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/http/app.ts';
import { fileDocumentStore } from '../src/storage/file-store.ts';

export const API_TYPES_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

/** The types file as it should be for the routes in this tree. */
export async function generateApiTypes(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'redress-api-types-'));
  const db = await openDatabase({ dataDir });
  try {
    const app = await buildApp(
      {
        db,
        documents: fileDocumentStore(join(dataDir, 'documents')),
        procedure: MISO_PROCEDURE,
        now: () => new Date(),
        logger: pino({ level: 'silent' }),
        publicUrl: 'http://localhost:3000',
      },
      { publicUrl: 'http://localhost:3000' },
    );
    const document = app.swagger();
    await app.close();
    const ast = await openapiTS(document as never);
    return `/** Generated from the OpenAPI document by scripts/api-types.ts: do not edit. */\n${astToString(ast)}`;
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const generated = await generateApiTypes();
  if (process.argv.includes('--check')) {
    const current = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
    if (current !== generated) {
      process.stderr.write(`${API_TYPES_FILE} is out of date: run npm run api-types\n`);
      process.exitCode = 1;
    }
  } else {
    await writeFile(API_TYPES_FILE, generated);
    process.stderr.write(`wrote ${API_TYPES_FILE}\n`);
  }
}
