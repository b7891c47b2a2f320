import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Environment } from '../../config/environment.js';
import { checkedStorageKey, DocumentMissingError, DocumentStorage, DocumentStorageUnavailableError } from './document-storage.js';

/** Where and how to reach the bucket (`S3_*` variables). */
export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** An S3-compatible store's endpoint (MinIO, ...); unset: AWS S3 in `region`. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Prepended to every object key, so environments can share a bucket. */
  keyPrefix: string;
  /** Unset: the SDK's default credential chain (environment, profile, container or instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function s3SettingsOf(env: Environment): S3StorageSettings {
  return {
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    keyPrefix: env.S3_KEY_PREFIX,
    credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
  };
}

/** S3's smallest part: a ciphertext above it is sent as a multipart upload, `PARTS_AT_ONCE` parts at a time (a 25 MiB document: 5 parts). */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_AT_ONCE = 4;
/** An unreachable store fails the request within seconds (a 503), rather than holding the request and its upload slot. */
const CONNECT_TIMEOUT_MS = 3000;
/** Longest silence on an open connection before the attempt fails (the SDK tries 3 times). */
const SOCKET_TIMEOUT_MS = 30_000;

/**
 * `DOCUMENT_STORAGE=s3`: one object per document in a bucket every instance shares, so any instance
 * serves, and any instance's retention run destroys, any instance's uploads. Objects are ciphertext
 * (the envelope is sealed before `put`). A failure of the store (unreachable, credentials refused,
 * no such bucket) is logged here and answers `DocumentStorageUnavailableError` (503, retryable); a
 * missing object is the document's problem, not the store's, and fails as a missing file does on disk.
 */
export class S3DocumentStorage extends DocumentStorage implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(S3DocumentStorage.name);
  private readonly client: S3Client;

  constructor(private readonly settings: S3StorageSettings) {
    super();
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // Integrity is the envelope's own (AES-GCM, checked on every read). The SDK's default CRC
      // checksums ride as aws-chunked trailers, which several S3-compatible stores refuse.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: SOCKET_TIMEOUT_MS },
      maxAttempts: 3,
    });
  }

  onModuleInit(): void {
    const where = this.settings.endpoint ?? `AWS S3 (${this.settings.region})`;
    this.logger.log(`documents are stored in bucket ${this.settings.bucket} at ${where}, keys under "${this.settings.keyPrefix}"`);
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }

  async put(key: string, ciphertext: Buffer): Promise<void> {
    // Multipart above PART_BYTES; a failed multipart upload is aborted (its parts deleted), so nothing half-written stays.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: this.objectKey(key), Body: ciphertext, ContentType: 'application/octet-stream' },
      partSize: PART_BYTES,
      queueSize: PARTS_AT_ONCE,
      leavePartsOnError: false,
    });
    await this.attempt('store', key, () => upload.done());
  }

  get(key: string): Promise<Buffer> {
    return this.attempt('read', key, async () => {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      if (!Body) throw new Error('the store answered without a body');
      return Buffer.from(await Body.transformToByteArray());
    });
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a key already gone, as destruction's retries need.
    await this.attempt('delete', key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) })));
  }

  private objectKey(key: string): string {
    return `${this.settings.keyPrefix}${checkedStorageKey(key)}.enc`;
  }

  private async attempt<T>(action: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const { name, message } = error as Error;
      if (name === 'NoSuchKey') {
        this.logger.error({ bucket: this.settings.bucket, key: this.objectKey(key) }, `document missing: no object to ${action}`);
        throw new DocumentMissingError();
      }
      // A network failure carries its errno code (ECONNREFUSED, ETIMEDOUT); a refusal by the store its HTTP status.
      const { code, $metadata } = error as { code?: string; $metadata?: { httpStatusCode?: number } };
      this.logger.error({ storageError: { name, code, message, status: $metadata?.httpStatusCode }, bucket: this.settings.bucket, key }, `document storage unavailable: could not ${action} an object`);
      throw new DocumentStorageUnavailableError();
    }
  }
}
