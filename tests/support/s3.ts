import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** A STORAGE_URL for this server (s3rver's fixed credentials in the user info). */
  storageUrl: (extra?: string) => string;
  close: () => Promise<void>;
}

/** A real S3-protocol server (s3rver) on 127.0.0.1 and a random port, with one empty bucket. */
export async function startS3(bucket = 'neuvos-test'): Promise<TestS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'neuvos-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    storageUrl: (extra = '') => `s3://S3RVER:S3RVER@${bucket}?endpoint=${encodeURIComponent(endpoint)}&region=eu-north-1&forcePathStyle=1${extra}`,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export interface FaultyProxy {
  endpoint: string;
  /** From now on answer every request with this status (e.g. 503), or pass through (null). */
  failWith: (status: number | null, methods?: string[]) => void;
  requests: () => number;
  close: () => Promise<void>;
}

/** An HTTP proxy in front of the S3 server that can be told to answer with a 5xx, as a failing store would. */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const upstream = new URL(target);
  let failing: { status: number; methods: string[] | null } | null = null;
  let count = 0;
  const server = http.createServer((req, res) => {
    count += 1;
    if (failing && (!failing.methods || failing.methods.includes(req.method ?? ''))) {
      req.resume();
      res.writeHead(failing.status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>ServiceUnavailable</Code><Message>Injected fault</Message></Error>`);
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failWith: (status, methods) => {
      failing = status === null ? null : { status, methods: methods ?? null };
    },
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
