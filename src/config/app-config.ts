import { Environment, NodeEnv } from './environment.js';

/**
 * The validated environment plus what start-up resolved from it (the database URL, which may
 * point at the embedded PostgreSQL, and the JWT secret, which may be a generated dev secret).
 * Injected by class: `constructor(private readonly config: AppConfig)`.
 */
export class AppConfig {
  constructor(
    readonly env: Environment,
    readonly databaseUrl: string,
    readonly jwtSecret: string,
    /** 32-byte master key for document envelope encryption. */
    readonly documentKey: Buffer,
  ) {}

  get isProduction(): boolean {
    return this.env.NODE_ENV === NodeEnv.Production;
  }
}
