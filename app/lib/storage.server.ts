import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { assertKey, StorageConfigError, StorageUnavailableError, type FileStorage, type StoredObject } from './storage-core.server';
import { parseS3Url, S3Storage } from './storage-s3.server';
import { getLogger } from './log.server';
import { STORAGE_READ_UNAVAILABLE, STORAGE_UNAVAILABLE } from './error-codes';

export {
  assertKey,
  InvalidStorageKeyError,
  StorageConfigError,
  StorageUnavailableError,
  type FileStorage,
  type StoredObject,
} from './storage-core.server';

/** Returns a fresh random key that the storage accepts. */
export function generateStorageKey(): string {
  return randomUUID();
}

/** Files on local disk, one file per key directly under `root` (the embedded default). */
export class LocalDiskStorage implements FileStorage {
  readonly kind = 'local';
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathFor(key: string): string {
    assertKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathFor(key);
    // Write then rename so a crash never leaves a half-written file under a valid key.
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await mkdir(this.root, { recursive: true });
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => {});
      throw new StorageUnavailableError('write', error);
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const target = this.pathFor(key);
    let handle: FileHandle;
    try {
      handle = await open(target, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StorageUnavailableError('read', error);
    }
    try {
      const { size } = await handle.stat();
      // The stream owns the handle from here and closes it when done or cancelled.
      const body = Readable.toWeb(handle.createReadStream({ autoClose: true })) as unknown as ReadableStream<Uint8Array>;
      return { size, body };
    } catch (error) {
      await handle.close().catch(() => {});
      throw new StorageUnavailableError('read', error);
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    const target = this.pathFor(key);
    try {
      return { size: (await stat(target)).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StorageUnavailableError('head', error);
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.pathFor(key);
    try {
      await rm(target, { force: true });
    } catch (error) {
      throw new StorageUnavailableError('delete', error);
    }
  }
}

/** Reads a stored object's whole body (PDF rendering, tests); downloads stream it instead. */
export async function readAllBytes(object: StoredObject): Promise<Uint8Array> {
  return new Uint8Array(await new Response(object.body).arrayBuffer());
}

/**
 * The storage STORAGE_URL names: `s3://bucket?endpoint=…&region=…&forcePathStyle=1&prefix=…`
 * for S3-compatible object storage, `file:///absolute/dir` for local disk. Without STORAGE_URL,
 * local disk under STORAGE_DIR (default ./data/files), as before.
 */
export function storageFromEnv(env: Record<string, string | undefined> = process.env): FileStorage {
  const url = env.STORAGE_URL?.trim();
  if (!url) return new LocalDiskStorage(env.STORAGE_DIR ?? './data/files');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StorageConfigError('STORAGE_URL is not a URL (expected s3://bucket?endpoint=… or file:///dir)');
  }
  if (parsed.protocol === 'file:') return new LocalDiskStorage(decodeURIComponent(parsed.pathname));
  if (parsed.protocol === 's3:') return new S3Storage(parseS3Url(parsed));
  throw new StorageConfigError(`STORAGE_URL has an unsupported scheme ${parsed.protocol} (use s3: or file:)`);
}

let storage: FileStorage | null = null;

/** The app's file storage, from STORAGE_URL / STORAGE_DIR (see storageFromEnv). */
export function getStorage(): FileStorage {
  storage ??= storageFromEnv();
  return storage;
}

/**
 * Turns a storage failure into the 503 error page ("the file service is not answering; nothing
 * was saved"), logged with the request id; anything else is rethrown as it was.
 */
export function rethrowStorageFailure(error: unknown, request?: Request): never {
  if (error instanceof StorageUnavailableError) {
    getLogger().error({ err: error, reqId: request?.headers.get('x-request-id') ?? undefined }, 'file storage unavailable');
    const reading = request ? request.method === 'GET' || request.method === 'HEAD' : false;
    throw new Response(reading ? STORAGE_READ_UNAVAILABLE : STORAGE_UNAVAILABLE, { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': '30' } });
  }
  throw error;
}

/** Replaces the app's file storage (tests); null goes back to the default on next use. */
export function setStorage(next: FileStorage | null): void {
  storage = next;
}

/** The default upload limit, 20 MiB; UPLOAD_MAX_MB overrides it at run time. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The upload limit in bytes now in force (UPLOAD_MAX_MB, which may be fractional, or 20 MiB). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.UPLOAD_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : MAX_UPLOAD_BYTES;
}

type AllowedType = { mediaType: string; extension: string; aliases: readonly string[] };

// Keyed by the media type file-type reports. Legacy .doc/.xls (CFB) and anything that can carry
// script when opened in a browser (HTML, SVG, XML) are deliberately absent.
const BINARY_TYPES: Record<string, AllowedType> = {
  'application/pdf': { mediaType: 'application/pdf', extension: 'pdf', aliases: [] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    aliases: [],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    aliases: [],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    aliases: [],
  },
  'application/vnd.oasis.opendocument.text': {
    mediaType: 'application/vnd.oasis.opendocument.text',
    extension: 'odt',
    aliases: [],
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extension: 'ods',
    aliases: [],
  },
  'image/png': { mediaType: 'image/png', extension: 'png', aliases: [] },
  'image/jpeg': { mediaType: 'image/jpeg', extension: 'jpg', aliases: ['jpeg'] },
};

const TEXT_PLAIN: AllowedType = { mediaType: 'text/plain', extension: 'txt', aliases: ['text'] };
const TEXT_CSV: AllowedType = { mediaType: 'text/csv', extension: 'csv', aliases: [] };

const ALL_TYPES = [...Object.values(BINARY_TYPES), TEXT_PLAIN, TEXT_CSV];

function typeForExtension(extension: string): AllowedType | undefined {
  return ALL_TYPES.find((t) => t.extension === extension || t.aliases.includes(extension));
}

export type UploadRefusal = 'too_large' | 'type_not_allowed' | 'empty' | 'mismatch';
export type UploadInspection =
  | { ok: true; mediaType: string; extension: string; safeFilename: string }
  | { ok: false; code: UploadRefusal };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function looksLikePlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  // Browsers sniff markup regardless of the declared type in some paths; refuse anything that
  // starts like HTML, SVG or XML rather than trying to tell them apart.
  return !text.replace(/^[\ufeff\s]+/, '').startsWith('<');
}

// C0/C1 controls and the bidi overrides that can disguise "cod.exe" as "exe.doc".
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function splitFilename(filename: string): { stem: string; extension: string } {
  const base = filename.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { stem: base, extension: '' };
  return { stem: base.slice(0, dot), extension: base.slice(dot + 1).toLowerCase() };
}

function safeStem(stem: string): string {
  const cleaned = stem
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '')
    // Characters Windows refuses in file names, so the download saves as named.
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return Array.from(cleaned).slice(0, 120).join('') || 'file';
}

/** Decides from the bytes (not the name) whether an upload is allowed and what it really is. */
export async function inspectUpload(bytes: Uint8Array, filename: string): Promise<UploadInspection> {
  if (bytes.byteLength === 0) return { ok: false, code: 'empty' };
  if (bytes.byteLength > maxUploadBytes()) return { ok: false, code: 'too_large' };

  const { stem, extension: claimed } = splitFilename(filename);
  const claimedType = typeForExtension(claimed);

  let actual: AllowedType | undefined;
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed) {
    actual = BINARY_TYPES[sniffed.mime];
  } else if (looksLikePlainText(bytes)) {
    actual = claimedType === TEXT_CSV ? TEXT_CSV : TEXT_PLAIN;
  }
  if (!actual) return { ok: false, code: 'type_not_allowed' };

  // A name claiming another allowed type (a PNG called .pdf, text called .docx) is refused rather
  // than silently renamed: it usually means the wrong file was picked.
  if (claimedType && claimedType !== actual) {
    return { ok: false, code: 'mismatch' };
  }

  return {
    ok: true,
    mediaType: actual.mediaType,
    extension: actual.extension,
    safeFilename: `${safeStem(stem)}.${actual.extension}`,
  };
}

function asciiFallback(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return ascii.trim() || 'file';
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Content-Disposition value (RFC 6266) that downloads `filename`, with an ASCII fallback. */
export function contentDispositionAttachment(filename: string): string {
  // Control characters would allow header injection; strip them before anything else.
  const name = filename.normalize('NFC').replace(UNSAFE_CHARS, '').trim() || 'file';
  const fallback = asciiFallback(name);
  if (fallback === name) return `attachment; filename="${name}"`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
