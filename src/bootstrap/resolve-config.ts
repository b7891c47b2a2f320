import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { openDatabaseServer, DatabaseServer } from './database-server.js';
import { AppConfig } from '../config/app-config.js';
import { persistedDevSecret } from '../config/dev-secrets.js';
import { Environment, NodeEnv } from '../config/environment.js';

/**
 * Turns a validated environment into the running configuration: opens the database server
 * (embedded unless DATABASE_URL is set) and fills in development secrets.
 */
export async function resolveConfig(env: Environment): Promise<{ config: AppConfig; database: DatabaseServer }> {
  const logger = new Logger('Startup');
  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret) {
    // Validation already requires JWT_SECRET in production.
    jwtSecret = persistedDevSecret(env.DATA_DIR, 'jwt-secret');
    if (env.NODE_ENV !== NodeEnv.Test) logger.warn(`JWT_SECRET is not set: using a generated development secret kept in ${join(env.DATA_DIR, 'jwt-secret')}`);
  }
  let documentKey = env.DOCUMENT_ENCRYPTION_KEY;
  if (!documentKey) {
    documentKey = Buffer.from(persistedDevSecret(env.DATA_DIR, 'document-key', 32), 'base64url').toString('base64');
    if (env.NODE_ENV !== NodeEnv.Test) {
      logger.warn(
        `!!! DOCUMENT_ENCRYPTION_KEY is not set: PHI documents are encrypted with a generated DEVELOPMENT key in ${join(env.DATA_DIR, 'document-key')}. Never use this outside development. !!!`,
      );
    }
  }
  if (!env.DATABASE_URL) logger.log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${join(env.DATA_DIR, 'postgres')}`);
  const database = await openDatabaseServer(env);
  return { config: new AppConfig(env, database.url, jwtSecret, Buffer.from(documentKey, 'base64')), database };
}
