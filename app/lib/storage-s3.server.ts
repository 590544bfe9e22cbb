import type { S3Client } from '@aws-sdk/client-s3';
import { assertKey, StorageConfigError, StorageUnavailableError, type FileStorage, type StoredObject } from './storage-core.server';

export interface S3Options {
  bucket: string;
  /** Prepended to every key, e.g. `neuvos/`; lets several apps share a bucket. */
  prefix: string;
  /** Set for anything but AWS itself (MinIO, Ceph, Garage, UpCloud, Hetzner…). */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** From the URL's user info; otherwise the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
  timeoutMs: number;
}

function flag(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  return ['1', 'true', 'yes'].includes(value.toLowerCase());
}

function positive(value: string | null, fallback: number, name: string): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new StorageConfigError(`STORAGE_URL: ${name} must be a positive whole number`);
  return n;
}

/** Reads `s3://[key:secret@]bucket?endpoint=…&region=…&forcePathStyle=1&prefix=…&maxAttempts=…&timeoutMs=…`. */
export function parseS3Url(url: URL): S3Options {
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new StorageConfigError('STORAGE_URL: the bucket name (s3://bucket) is missing or not valid');
  const q = url.searchParams;
  const endpoint = q.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    try {
      const e = new URL(endpoint);
      if (e.protocol !== 'http:' && e.protocol !== 'https:') throw new Error('scheme');
    } catch {
      throw new StorageConfigError('STORAGE_URL: endpoint must be an http(s):// URL');
    }
  }
  const prefix = q.get('prefix') ?? '';
  if (prefix && !/^[A-Za-z0-9._/-]{1,200}$/.test(prefix)) throw new StorageConfigError('STORAGE_URL: prefix may only contain letters, digits, . _ - and /');
  const credentials =
    url.username || url.password
      ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) }
      : undefined;
  return {
    bucket,
    prefix,
    endpoint,
    region: q.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    // Path-style addressing is what most non-AWS servers need; AWS itself wants virtual hosts.
    forcePathStyle: flag(q.get('forcePathStyle'), endpoint !== undefined),
    credentials,
    maxAttempts: positive(q.get('maxAttempts'), 3, 'maxAttempts'),
    timeoutMs: positive(q.get('timeoutMs'), 30_000, 'timeoutMs'),
  };
}

type Sdk = typeof import('@aws-sdk/client-s3');

interface SdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

function isMissing(error: unknown): boolean {
  const e = error as SdkError;
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** S3-compatible object storage through @aws-sdk/client-s3; every instance sees the same files. */
export class S3Storage implements FileStorage {
  readonly kind = 's3';
  private loaded: Promise<{ sdk: Sdk; client: S3Client }> | null = null;

  constructor(readonly options: S3Options) {}

  // The SDK is large: load it only when object storage is actually configured and used.
  private connect() {
    this.loaded ??= import('@aws-sdk/client-s3').then((sdk) => {
      const o = this.options;
      const client = new sdk.S3Client({
        region: o.region,
        endpoint: o.endpoint,
        forcePathStyle: o.forcePathStyle,
        credentials: o.credentials,
        maxAttempts: o.maxAttempts,
        requestHandler: { connectionTimeout: Math.min(o.timeoutMs, 5000), requestTimeout: o.timeoutMs },
        // Many S3-compatible servers do not understand the newer default checksum headers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      return { sdk, client };
    });
    return this.loaded;
  }

  private objectKey(key: string): string {
    assertKey(key);
    return `${this.options.prefix}${key}`;
  }

  async put(key: string, bytes: Uint8Array, contentType = 'application/octet-stream'): Promise<void> {
    const Key = this.objectKey(key);
    const { sdk, client } = await this.connect();
    try {
      // A PutObject is atomic: the object appears whole or not at all.
      await client.send(new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    } catch (error) {
      throw new StorageUnavailableError('write', error);
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const Key = this.objectKey(key);
    const { sdk, client } = await this.connect();
    try {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key }));
      if (!out.Body) throw new Error('empty response body');
      return { size: Number(out.ContentLength ?? 0), body: out.Body.transformToWebStream() as ReadableStream<Uint8Array> };
    } catch (error) {
      if (isMissing(error)) return null;
      throw new StorageUnavailableError('read', error);
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    const Key = this.objectKey(key);
    const { sdk, client } = await this.connect();
    try {
      const out = await client.send(new sdk.HeadObjectCommand({ Bucket: this.options.bucket, Key }));
      return { size: Number(out.ContentLength ?? 0) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw new StorageUnavailableError('head', error);
    }
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    const { sdk, client } = await this.connect();
    try {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key }));
    } catch (error) {
      if (isMissing(error)) return;
      throw new StorageUnavailableError('delete', error);
    }
  }
}
