import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.factory.js';
import { EnvironmentError, loadEnvironment } from './config/environment.js';
import { processLogger } from './config/logger-options.js';
import { resolveConfig } from './bootstrap/resolve-config.js';
import { StartupError } from './config/startup-error.js';
import { HttpDrain } from './health/http-drain.js';

/** Time for closing the server, the pool and the database once requests have drained. */
const CLOSE_GRACE_MS = 15_000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = loadEnvironment(process.env);
  // One log format from the first line: Nest's own logger (coloured text) never writes; until the
  // application's pino logger takes over, this one (same format and destination) does.
  const { service, announce } = processLogger(env);
  Logger.overrideLogger(service);
  const { config, database } = await resolveConfig(env);

  let app;
  try {
    app = await createApp(config);
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  announce(`ChartBridge API listening on http://localhost:${port}/graphql`);

  // Graceful shutdown: new requests get 503 while those in flight finish (HttpDrain), then the HTTP
  // server closes, then the pool, then the embedded database. A terminal's Ctrl-C reaches the app
  // twice under `npm start` (the terminal signals the group, npm forwards it): repeats are ignored
  // rather than left to Node's default, which exits at once.
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    announce(`${signal} received: shutting down`);
    setTimeout(() => {
      process.stderr.write('Shutdown did not finish in time: exiting (the embedded database stops on its own)\n');
      process.exit(1);
    }, env.SHUTDOWN_DRAIN_MS + CLOSE_GRACE_MS).unref();
    let code = 0;
    try {
      await app.get(HttpDrain).drain();
      await app.close();
    } catch (error) {
      code = 1;
      process.stderr.write(`Shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } finally {
      await database.stop();
      process.exit(code);
    }
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}

main().catch((error: unknown) => {
  if (error instanceof EnvironmentError || error instanceof StartupError) {
    // One line the operator can act on; no stack trace.
    process.stderr.write(`${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
  } else {
    process.stderr.write(`ChartBridge failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
