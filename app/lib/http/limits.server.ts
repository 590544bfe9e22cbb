import { maxUploadBytes } from '../storage.server';

/** Form fields and multipart boundaries around an upload: the whole body may exceed the file limit by this much. */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

/** The limit for ordinary (URL-encoded) form posts: FORM_MAX_KB, default 512 KiB. */
export function formLimitBytes(): number {
  const kb = Number(process.env.FORM_MAX_KB);
  return Number.isFinite(kb) && kb > 0 ? Math.floor(kb * 1024) : 512 * 1024;
}

/** The limit for a whole multipart body: the upload limit (UPLOAD_MAX_MB) plus the form around it. */
export function multipartLimitBytes(): number {
  return maxUploadBytes() + MULTIPART_OVERHEAD_BYTES;
}

/** The body limit for a request with this Content-Type. */
export function bodyLimitFor(contentType: string | null | undefined): number {
  return /^\s*multipart\/form-data/i.test(contentType ?? '') ? multipartLimitBytes() : formLimitBytes();
}

/** A byte count for people: "512 kt"/"20 Mt" style, in megabytes from 1 MiB up. */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}
