import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createApp } from './app.factory.js';
import { EnvironmentError, loadEnvironment } from './config/environment.js';
import { resolveConfig } from './config/resolve-config.js';
import { StartupError } from './config/startup-error.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = loadEnvironment(process.env);
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
  process.stdout.write(`ChartBridge API listening on http://localhost:${env.PORT}/graphql\n`);

  // Graceful shutdown: stop accepting, finish in-flight requests, close the pool, then the embedded database.
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal} received: shutting down\n`);
    try {
      await app.close();
    } finally {
      await database.stop();
      process.exit(0);
    }
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));
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
