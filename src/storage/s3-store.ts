/**
 * The document store for several hosts: an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …), through the AWS
 * SDK's S3 client. Objects are named `<prefix>/ab/cd/<sha256>`; S3 answers a PUT only once the object is
 * stored durably, which is what "written before the row commits" needs. Every read is hashed and checked.
 */
import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  type DocumentStore,
  documentPath,
  missing,
  type StoredBlob,
  sha256Hex,
  verified,
} from './document-store.ts';

export interface S3StoreSettings {
  bucket: string;
  /** Key prefix without leading or trailing slashes; empty: the bucket's root. */
  prefix: string;
  /** An S3-compatible server's URL (S3_ENDPOINT); unset: AWS itself. */
  endpoint: string | undefined;
  region: string;
  /** Bucket in the path rather than the host name: what most S3-compatible servers need. */
  forcePathStyle: boolean;
  /** Explicit keys (tests); unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID…, profiles, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export function s3DocumentStore(settings: S3StoreSettings): DocumentStore & { close(): void } {
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // The SDK's default CRC checksums (aws-chunked uploads) are not understood by every S3-compatible
    // server; the bytes are checked against their sha256 on every read anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = settings.bucket;
  const keyOf = (sha256: string) =>
    settings.prefix ? `${settings.prefix}/${documentPath(sha256)}` : documentPath(sha256);
  const location = `s3://${settings.bucket}${settings.prefix ? `/${settings.prefix}` : ''}`;

  return {
    location,

    async put(bytes) {
      const blob: StoredBlob = { sha256: sha256Hex(bytes), sizeBytes: bytes.length };
      // Content-addressed: writing the same bytes again is harmless, so no HEAD first (one round trip).
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: keyOf(blob.sha256),
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
          ContentMD5: md5Base64(bytes),
        }),
      );
      return blob;
    },

    async get(sha256) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
        if (!object.Body) throw missing(sha256, location);
        return verified(sha256, Buffer.from(await object.Body.transformToByteArray()), location);
      } catch (error) {
        if (isNotFound(error)) throw missing(sha256, location, error);
        throw error;
      }
    },

    async has(sha256) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async remove(sha256) {
      // Deleting an absent key succeeds: removing twice is harmless.
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
    },

    close: () => client.destroy(),
  };
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}

/** The upload's MD5, so the server refuses bytes damaged on the way (S3 checks Content-MD5 on PUT). */
function md5Base64(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('base64');
}
