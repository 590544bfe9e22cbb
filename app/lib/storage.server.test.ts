import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  contentDispositionAttachment,
  generateStorageKey,
  getStorage,
  InvalidStorageKeyError,
  inspectUpload,
  LocalDiskStorage,
  MAX_UPLOAD_BYTES,
  maxUploadBytes,
  readAllBytes,
  setStorage,
} from './storage.server';

const encoder = new TextEncoder();

function makePdf(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.text('Pöytäkirja § 1');
    doc.end();
  });
}

// A complete 1×1 transparent PNG.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const JPEG_HEADER = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

describe('inspectUpload', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('accepts a real PDF and forces the .pdf extension', async () => {
    const result = await inspectUpload(await makePdf(), 'C:\\Users\\sihteeri\\Pöytäkirja 2024');
    expect(result).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      extension: 'pdf',
      safeFilename: 'Pöytäkirja 2024.pdf',
    });
  });

  it('accepts a PNG and a JPEG, treating .jpeg and .jpg alike', async () => {
    expect(await inspectUpload(PNG, 'kuva.png')).toMatchObject({ ok: true, mediaType: 'image/png', extension: 'png' });
    expect(await inspectUpload(JPEG_HEADER, 'kuva.jpeg')).toMatchObject({
      ok: true,
      mediaType: 'image/jpeg',
      safeFilename: 'kuva.jpg',
    });
  });

  it('refuses an HTML file renamed to .pdf', async () => {
    const html = encoder.encode('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    const result = await inspectUpload(html, 'liite.pdf');
    expect(result.ok).toBe(false);
    expect(result).toEqual({ ok: false, code: 'type_not_allowed' });
  });

  it('refuses a .txt file whose content is HTML, SVG or XML, even after a BOM and whitespace', async () => {
    for (const content of ['\ufeff  \n<html><body>x</body></html>', '<svg xmlns="http://www.w3.org/2000/svg"/>', '<?xml version="1.0"?><a/>']) {
      expect(await inspectUpload(encoder.encode(content), 'muistio.txt')).toEqual({ ok: false, code: 'type_not_allowed' });
    }
  });

  it('accepts UTF-8 text and CSV', async () => {
    expect(await inspectUpload(encoder.encode('Läsnä: Matti, Maija\nPoissa: Åsa'), 'läsnäolo.txt')).toEqual({
      ok: true,
      mediaType: 'text/plain',
      extension: 'txt',
      safeFilename: 'läsnäolo.txt',
    });
    expect(await inspectUpload(encoder.encode('nimi;rooli\nMatti;pj\n'), 'jäsenet.csv')).toMatchObject({
      ok: true,
      mediaType: 'text/csv',
      safeFilename: 'jäsenet.csv',
    });
  });

  it('refuses text with NUL bytes or invalid UTF-8', async () => {
    expect(await inspectUpload(Uint8Array.from([0x61, 0x00, 0x62]), 'a.txt')).toEqual({ ok: false, code: 'type_not_allowed' });
    // "ä" in Latin-1 is not valid UTF-8.
    expect(await inspectUpload(Uint8Array.from([0x70, 0xe4, 0x69, 0x76, 0xe4]), 'a.txt')).toEqual({
      ok: false,
      code: 'type_not_allowed',
    });
  });

  it('refuses an allowed type under the name of another allowed type', async () => {
    expect(await inspectUpload(PNG, 'pöytäkirja.pdf')).toEqual({ ok: false, code: 'mismatch' });
    expect(await inspectUpload(await makePdf(), 'taulukko.xlsx')).toEqual({ ok: false, code: 'mismatch' });
    expect(await inspectUpload(encoder.encode('vain tekstiä'), 'esitys.docx')).toEqual({ ok: false, code: 'mismatch' });
  });

  it('refuses an empty file', async () => {
    expect(await inspectUpload(new Uint8Array(0), 'tyhjä.pdf')).toEqual({ ok: false, code: 'empty' });
  });

  it('refuses a file over the limit set by UPLOAD_MAX_MB', async () => {
    vi.stubEnv('UPLOAD_MAX_MB', '0.001'); // 1048 bytes
    expect(maxUploadBytes()).toBe(1048);
    const big = encoder.encode('a'.repeat(1049));
    expect(await inspectUpload(big, 'iso.txt')).toEqual({ ok: false, code: 'too_large' });
    expect(await inspectUpload(big.subarray(0, 1048), 'iso.txt')).toMatchObject({ ok: true });
  });

  it('defaults to 20 MiB', () => {
    vi.stubEnv('UPLOAD_MAX_MB', '');
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    expect(maxUploadBytes()).toBe(MAX_UPLOAD_BYTES);
  });

  it('strips paths, control characters and bidi overrides from the file name', async () => {
    const text = encoder.encode('sisältö');
    const traversal = await inspectUpload(text, '../../etc/pass\u0000wd');
    expect(traversal).toMatchObject({ ok: true, safeFilename: 'passwd.txt' });
    const bidi = await inspectUpload(await makePdf(), 'lasku\u202Efdp.exe');
    expect(bidi).toMatchObject({ ok: true, safeFilename: 'laskufdp.pdf' });
    const dots = await inspectUpload(text, '...');
    expect(dots).toMatchObject({ ok: true, safeFilename: 'file.txt' });
  });
});

describe('contentDispositionAttachment', () => {
  it('gives plain ASCII names as they are', () => {
    expect(contentDispositionAttachment('minutes-2024.pdf')).toBe('attachment; filename="minutes-2024.pdf"');
  });

  it('adds an ASCII fallback and a UTF-8 filename* for ä and ö', () => {
    expect(contentDispositionAttachment('Pöytäkirja (lopullinen).pdf')).toBe(
      `attachment; filename="Poytakirja (lopullinen).pdf"; filename*=UTF-8''P%C3%B6yt%C3%A4kirja%20%28lopullinen%29.pdf`,
    );
  });

  it('cannot be used to inject headers or break out of the quoted string', () => {
    const value = contentDispositionAttachment('a"\r\nSet-Cookie: x=1.pdf');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toMatch(/^attachment; filename="a_Set-Cookie: x=1\.pdf"; filename\*=UTF-8''a%22Set-Cookie%3A%20x%3D1\.pdf$/);
  });
});

describe('LocalDiskStorage', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'neuvos-storage-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('puts, gets and deletes a file', async () => {
    const storage = new LocalDiskStorage(path.join(root, 'files'));
    const key = generateStorageKey();
    const bytes = encoder.encode('Pöytäkirja');
    await storage.put(key, bytes);
    expect(await readAllBytes((await storage.get(key))!)).toEqual(bytes);
    expect(await readdir(path.join(root, 'files'))).toEqual([key]);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('overwrites a key', async () => {
    const storage = new LocalDiskStorage(root);
    await storage.put('abc-1', encoder.encode('eka'));
    await storage.put('abc-1', encoder.encode('toka'));
    expect(new TextDecoder().decode(await readAllBytes((await storage.get('abc-1'))!))).toBe('toka');
  });

  it.each(['../secret', 'a/b', '..', '', 'ABC', 'a.b', 'a\\b', '%2e%2e', 'a\u0000b'])('refuses the key %j', async (key) => {
    const storage = new LocalDiskStorage(root);
    await expect(storage.put(key, encoder.encode('x'))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it('getStorage returns one instance rooted at STORAGE_DIR, and setStorage replaces it', async () => {
    vi.stubEnv('STORAGE_DIR', path.join(root, 'env-root'));
    setStorage(null);
    try {
      const first = getStorage();
      expect(first).toBe(getStorage());
      expect(first).toBeInstanceOf(LocalDiskStorage);
      expect((first as LocalDiskStorage).root).toBe(path.join(root, 'env-root'));

      const memory = new Map<string, Uint8Array>();
      setStorage({
        kind: 'local',
        put: async (key, bytes) => void memory.set(key, bytes),
        get: async () => null,
        head: async () => null,
        delete: async (key) => void memory.delete(key),
      });
      await getStorage().put('k', encoder.encode('x'));
      expect(memory.has('k')).toBe(true);
    } finally {
      setStorage(null);
      vi.unstubAllEnvs();
    }
  });
});
