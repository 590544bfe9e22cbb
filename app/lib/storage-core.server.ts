/** A stored file as read back: its size and its bytes as a stream (never all in memory). */
export interface StoredObject {
  size: number;
  body: ReadableStream<Uint8Array>;
}

/**
 * Where uploaded files (agenda appendices, signed minutes, council rules) are kept. Every file the
 * app reads or writes goes through this, so that all instances see the same files when it is
 * object storage. Missing keys are `null`; an unreachable or failing store is a
 * StorageUnavailableError, never a half-written object under a valid key.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  head(key: string): Promise<{ size: number } | null>;
  delete(key: string): Promise<void>;
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
    this.name = 'InvalidStorageKeyError';
  }
}

/** The file store failed or could not be reached; the user is told to try again, nothing is saved. */
export class StorageUnavailableError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`File storage ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** STORAGE_URL (or STORAGE_DIR) is not something the app can use. */
export class StorageConfigError extends Error {
  override name = 'StorageConfigError';
}

const KEY_PATTERN = /^[a-z0-9-]{1,128}$/;

/** Throws unless `key` is one the storage accepts (lower-case letters, digits and dashes). */
export function assertKey(key: string): void {
  // The pattern alone excludes '/', '..' and every other way out of the root directory.
  if (!KEY_PATTERN.test(key)) throw new InvalidStorageKeyError(key);
}

