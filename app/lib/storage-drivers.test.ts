import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultyProxy, startS3, type FaultyProxy, type TestS3 } from '../../tests/support/s3';
import { S3Storage } from './storage-s3.server';
import {
  generateStorageKey,
  InvalidStorageKeyError,
  LocalDiskStorage,
  readAllBytes,
  StorageConfigError,
  storageFromEnv,
  StorageUnavailableError,
  type FileStorage,
} from './storage.server';

const encoder = new TextEncoder();
let s3: TestS3;
let localRoot: string;

beforeAll(async () => {
  s3 = await startS3();
  localRoot = await mkdtemp(path.join(tmpdir(), 'neuvos-local-'));
});
afterAll(async () => {
  await s3?.close();
  await rm(localRoot, { recursive: true, force: true });
});

// The same contract on both drivers, the S3 one talking to a real S3-protocol server.
const drivers: Array<[string, () => FileStorage]> = [
  ['local disk', () => storageFromEnv({ STORAGE_URL: `file://${localRoot}` })],
  ['S3 (s3rver)', () => storageFromEnv({ STORAGE_URL: s3.storageUrl() })],
];

describe.each(drivers)('%s driver', (_name, make) => {
  it('uploads, downloads as a stream, heads and deletes', async () => {
    const storage = make();
    const key = generateStorageKey();
    const bytes = encoder.encode('Pöytäkirja § 1 — liite'.repeat(1000));
    await storage.put(key, bytes, 'text/plain');
    expect(await storage.head(key)).toEqual({ size: bytes.byteLength });
    const stored = await storage.get(key);
    expect(stored?.size).toBe(bytes.byteLength);
    expect(stored!.body).toBeInstanceOf(ReadableStream);
    expect(await readAllBytes(stored!)).toEqual(bytes);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.head(key)).toBeNull();
  });

  it('answers null for a missing object and deletes one quietly', async () => {
    const storage = make();
    const key = generateStorageKey();
    expect(await storage.get(key)).toBeNull();
    expect(await storage.head(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('replaces an object written twice under one key', async () => {
    const storage = make();
    const key = generateStorageKey();
    await storage.put(key, encoder.encode('eka'));
    await storage.put(key, encoder.encode('toka'));
    expect(new TextDecoder().decode(await readAllBytes((await storage.get(key))!))).toBe('toka');
    await storage.delete(key);
  });

  it.each(['../secret', 'a/b', '', 'ABC', 'a.b', '%2e%2e'])('refuses the key %j before touching the store', async (key) => {
    const storage = make();
    await expect(storage.put(key, encoder.encode('x'))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.head(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});

describe('S3 driver faults', () => {
  let proxy: FaultyProxy;
  beforeAll(async () => {
    proxy = await startFaultyProxy(s3.endpoint);
  });
  afterAll(async () => {
    await proxy?.close();
  });

  function throughProxy() {
    return storageFromEnv({ STORAGE_URL: `s3://S3RVER:S3RVER@${s3.bucket}?endpoint=${encodeURIComponent(proxy.endpoint)}&maxAttempts=2` });
  }

  it('turns a 5xx on upload into StorageUnavailableError and leaves no object', async () => {
    const storage = throughProxy();
    const key = generateStorageKey();
    proxy.failWith(503);
    const before = proxy.requests();
    await expect(storage.put(key, encoder.encode('x'))).rejects.toBeInstanceOf(StorageUnavailableError);
    // The SDK retried (maxAttempts=2) before giving up.
    expect(proxy.requests() - before).toBe(2);
    proxy.failWith(null);
    expect(await storage.head(key)).toBeNull();
  });

  it('turns a 5xx on download into StorageUnavailableError, not a missing file', async () => {
    const storage = throughProxy();
    const key = generateStorageKey();
    await storage.put(key, encoder.encode('x'));
    proxy.failWith(500, ['GET', 'HEAD']);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.head(key)).rejects.toBeInstanceOf(StorageUnavailableError);
    proxy.failWith(null);
    expect(await storage.head(key)).toEqual({ size: 1 });
  });

  it('reports a server that is not listening as unavailable', async () => {
    const stopped = await startS3('neuvos-stopped');
    await stopped.close();
    const storage = storageFromEnv({ STORAGE_URL: stopped.storageUrl('&maxAttempts=1') });
    await expect(storage.put(generateStorageKey(), encoder.encode('x'))).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('local driver faults', () => {
  it('reports an unwritable root as unavailable and leaves no temporary file', async () => {
    const file = path.join(localRoot, 'not-a-directory');
    await new LocalDiskStorage(localRoot).put('not-a-directory', encoder.encode('x'));
    const storage = new LocalDiskStorage(file);
    await expect(storage.put(generateStorageKey(), encoder.encode('x'))).rejects.toBeInstanceOf(StorageUnavailableError);
    expect((await readdir(localRoot)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('STORAGE_URL', () => {
  it('defaults to local disk under STORAGE_DIR, or ./data/files', () => {
    expect((storageFromEnv({}) as LocalDiskStorage).root).toBe(path.resolve('data/files'));
    expect((storageFromEnv({ STORAGE_DIR: '/srv/x' }) as LocalDiskStorage).root).toBe('/srv/x');
  });

  it('reads bucket, endpoint, region, path style, prefix and user-info credentials', () => {
    const storage = storageFromEnv({ STORAGE_URL: 's3://AKID:se%2Fcret@minutes-bucket?endpoint=https%3A%2F%2Fs3.example.fi&region=eu-north-1&prefix=neuvos/' });
    expect(storage).toBeInstanceOf(S3Storage);
    expect((storage as S3Storage).options).toMatchObject({
      bucket: 'minutes-bucket',
      endpoint: 'https://s3.example.fi',
      region: 'eu-north-1',
      forcePathStyle: true,
      prefix: 'neuvos/',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'se/cret' },
    });
    const aws = storageFromEnv({ STORAGE_URL: 's3://minutes-bucket?region=eu-north-1' }) as S3Storage;
    expect(aws.options.forcePathStyle).toBe(false);
    expect(aws.options.credentials).toBeUndefined();
  });

  it.each(['ftp://x/y', 'not a url', 's3://', 's3://b?endpoint=javascript:alert(1)', 's3://bucket?maxAttempts=0', 's3://bucket?prefix=a%20b'])(
    'refuses %j with a clear message',
    (url) => {
      expect(() => storageFromEnv({ STORAGE_URL: url })).toThrow(StorageConfigError);
    },
  );

  it('keeps objects under the prefix', async () => {
    const storage = storageFromEnv({ STORAGE_URL: s3.storageUrl('&prefix=neuvos/') });
    const plain = storageFromEnv({ STORAGE_URL: s3.storageUrl() });
    const key = generateStorageKey();
    await storage.put(key, encoder.encode('x'));
    expect(await storage.head(key)).toEqual({ size: 1 });
    expect(await plain.head(key)).toBeNull();
    await storage.delete(key);
  });
});
