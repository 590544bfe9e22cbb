import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ServerBuild } from '@remix-run/node';
import { createApp } from '../../scripts/server';

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

/**
 * The real Express server (headers, Origin check, body limits, the Remix bridge) over a tiny
 * Remix build whose routes are real route modules' loaders and actions served as resource
 * routes, so HTTP-level behaviour can be tested without a compiled app.
 */
export async function startAppServer(routes: Record<string, RouteModule>) {
  const app = await createApp({ build: tinyBuild(routes), production: true });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Remix build whose routes are the given route modules' loaders and actions, as resource routes. */
export function tinyBuild(routes: Record<string, RouteModule>): ServerBuild {
  const manifest: ServerBuild['routes'] = {
    root: { id: 'root', path: '', module: {} as never },
  };
  for (const [path, mod] of Object.entries(routes)) {
    const id = `routes${path}`;
    manifest[id] = { id, parentId: 'root', path: path.replace(/^\//, ''), module: { loader: mod.loader, action: mod.action } as never };
  }
  const build = {
    mode: 'production',
    entry: { module: { default: () => new Response('document requests are not served here', { status: 500 }) } },
    routes: manifest,
    assets: { entry: { module: '', imports: [] }, routes: {}, url: '', version: 'test' },
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    future: {},
    isSpaMode: false,
  } as unknown as ServerBuild;
  return build;
}
