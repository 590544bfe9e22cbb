/**
 * One app instance as a separate process, for the scale-out test: the database from DATABASE_URL,
 * files from STORAGE_URL, the real Express server with the real route modules the test uses, a
 * random port on 127.0.0.1 printed as `NEUVOS_LISTENING <port>`, and the same graceful shutdown
 * as `npm start`.
 */
import type { AddressInfo } from 'node:net';
import { openFromEnv, setDatabase } from '../../db/client.server';
import { migrateDatabase } from '../../db/migrate';
import { installGracefulShutdown } from '../../scripts/lifecycle';
import { createApp } from '../../scripts/server';
import { tinyBuild } from './app-server';
import { scaleOutRoutes } from './scale-out-routes';

const database = await openFromEnv();
// A no-op on an already migrated database; a fresh embedded one needs it.
await migrateDatabase(database);
setDatabase(database);
const app = await createApp({ build: tinyBuild(scaleOutRoutes), production: true });
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`NEUVOS_LISTENING ${(server.address() as AddressInfo).port}\n`);
});
installGracefulShutdown(server, { closeDatabase: () => database.close() });
