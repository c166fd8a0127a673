/**
 * Both document stores keep the same promises: bytes come back as put, named by their sha256; the same bytes
 * put twice are one document; a missing or altered document is a clear error, never other bytes; removing
 * takes away exactly the bytes named, and is harmless twice. The S3
 * store runs against s3rver, an S3-compatible server started here on a free loopback port.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentStore, DocumentStoreError, documentPath, sha256Hex } from './document-store.ts';
import { fileDocumentStore } from './file-store.ts';
import { s3DocumentStore } from './s3-store.ts';

const scratch = mkdtempSync(join(tmpdir(), 'redress-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const BUCKET = 'redress-documents';

interface Subject {
  store: DocumentStore;
  /** Replaces the stored bytes of a document behind the store's back (a disk fault, a meddler). */
  tamper(sha256: string, bytes: Buffer): Promise<void>;
}

function contract(name: string, subject: () => Subject) {
  describe(name, () => {
    it('gives back the bytes it was given, named by their sha256 and size', async () => {
      const { store } = subject();
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000)]);
      const blob = await store.put(bytes);
      expect(blob).toEqual({ sha256: sha256Hex(bytes), sizeBytes: bytes.length });
      expect(await store.has(blob.sha256)).toBe(true);
      expect((await store.get(blob.sha256)).equals(bytes)).toBe(true);
    });

    it('stores the same bytes once, however often they are put, even at the same moment', async () => {
      const { store } = subject();
      const bytes = randomBytes(10_000);
      const puts = await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)]);
      expect(new Set(puts.map((p) => p.sha256)).size).toBe(1);
      expect((await store.get(sha256Hex(bytes))).equals(bytes)).toBe(true);
    });

    it('keeps an empty file', async () => {
      const { store } = subject();
      const blob = await store.put(Buffer.alloc(0));
      expect((await store.get(blob.sha256)).length).toBe(0);
    });

    it('says a document it does not hold is missing', async () => {
      const { store } = subject();
      const absent = sha256Hex(randomBytes(16));
      expect(await store.has(absent)).toBe(false);
      const error = await store.get(absent).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentStoreError);
      expect(error).toMatchObject({ code: 'document-missing', sha256: absent });
      expect((error as Error).message).toContain(`document ${absent} is missing from ${store.location}`);
    });

    it('refuses to serve bytes that do not hash to their name', async () => {
      const { store, tamper } = subject();
      const bytes = randomBytes(1000);
      const { sha256 } = await store.put(bytes);
      await tamper(sha256, Buffer.from('not the letter that was sent'));
      const error = await store.get(sha256).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'document-corrupt', sha256 });
      expect((error as Error).message).toMatch(/is corrupt: its bytes hash to [0-9a-f]{64}/);
    });

    it('removes the bytes of one name only, and removing them again (or ones never held) is harmless', async () => {
      const { store } = subject();
      const [gone, kept] = [randomBytes(2000), randomBytes(2000)];
      const { sha256 } = await store.put(gone);
      await store.put(kept);
      await store.remove(sha256);
      expect(await store.has(sha256)).toBe(false);
      await expect(store.get(sha256)).rejects.toMatchObject({ code: 'document-missing', sha256 });
      expect((await store.get(sha256Hex(kept))).equals(kept)).toBe(true);
      await store.remove(sha256);
      await store.remove(sha256Hex(randomBytes(16)));
      // Put back after removal (an erased customer's letter re-sent to someone else), it is whole again.
      await store.put(gone);
      expect((await store.get(sha256)).equals(gone)).toBe(true);
    });

    it('takes only a sha256 as a name, so no name reaches outside the store', async () => {
      const { store } = subject();
      await expect(store.get('../../etc/passwd')).rejects.toThrow(/not a sha256 document name/);
      await expect(store.has('ABCDEF')).rejects.toThrow(/not a sha256 document name/);
      await expect(store.remove('../../etc/passwd')).rejects.toThrow(/not a sha256 document name/);
    });
  });
}

const fileRoot = join(scratch, 'documents');
contract('file document store', () => ({
  store: fileDocumentStore(fileRoot),
  tamper: async (sha256, bytes) => writeFileSync(join(fileRoot, documentPath(sha256)), bytes),
}));

describe('file document store, on disk', () => {
  it('files each document at ab/cd/<sha256> and leaves no temporary file behind', async () => {
    const root = join(scratch, 'layout');
    const store = fileDocumentStore(root);
    const { sha256 } = await store.put(Buffer.from('a letter'));
    expect(readdirSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);
  });

  it('is not fooled by a temporary file a crash left mid-write', async () => {
    const root = join(scratch, 'crashed');
    const store = fileDocumentStore(root);
    const bytes = Buffer.from('the whole letter');
    const sha256 = sha256Hex(bytes);
    const folder = join(root, sha256.slice(0, 2), sha256.slice(2, 4));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `.${sha256}.dead.tmp`), bytes.subarray(0, 4));
    expect(await store.has(sha256)).toBe(false);
    await store.put(bytes);
    expect((await store.get(sha256)).equals(bytes)).toBe(true);
  });
});

describe('S3 document store (s3rver on loopback)', () => {
  let server: S3rver;
  let endpoint = '';
  let raw: S3Client;
  const stores: { close(): void }[] = [];
  beforeAll(async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: join(scratch, 's3rver'),
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    raw = new S3Client({ endpoint, region: 'eu-west-2', forcePathStyle: true, credentials: KEYS });
  });
  afterAll(async () => {
    for (const s of stores) s.close();
    raw?.destroy();
    await server?.close();
  });

  const open = (prefix: string) => {
    const store = s3DocumentStore({
      bucket: BUCKET,
      prefix,
      endpoint,
      region: 'eu-west-2',
      forcePathStyle: true,
      credentials: KEYS,
    });
    stores.push(store);
    return store;
  };

  contract('the contract', () => ({
    store: open('redress/documents'),
    tamper: async (sha256, bytes) => {
      await raw.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: `redress/documents/${documentPath(sha256)}`,
          Body: bytes,
        }),
      );
    },
  }));

  it('names its objects <prefix>/ab/cd/<sha256> and says where it is', async () => {
    const store = open('miso');
    expect(store.location).toBe(`s3://${BUCKET}/miso`);
    const { sha256 } = await store.put(Buffer.from('an ADR letter'));
    const key = join(scratch, 's3rver', BUCKET, 'miso', sha256.slice(0, 2), sha256.slice(2, 4));
    expect(readdirSync(key).some((f) => f.startsWith(sha256))).toBe(true);
    expect(await open('elsewhere').has(sha256)).toBe(false);
  });
});
