import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { EnvironmentError, loadEnvironment } from './environment.js';

describe(loadEnvironment.name, () => {
  it('applies the documented defaults', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: '.data', MIGRATIONS_RUN: true, JWT_ACCESS_TTL_SECONDS: 900, PLATFORM_FEE_BPS: 1000 });
  });

  it('parses numbers and booleans', () => {
    expect(loadEnvironment({ PORT: '8080', MIGRATIONS_RUN: 'false' })).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: false });
  });

  it('requires JWT_SECRET in production, naming it', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(new EnvironmentError('Invalid environment variable JWT_SECRET: JWT_SECRET must be longer than or equal to 32 characters'));
  });

  it('names a malformed variable and shows its value unless secret', () => {
    expect(() => loadEnvironment({ PORT: 'eighty' })).toThrow(/^Invalid environment variable PORT: .*\(got "eighty"\)$/);
    expect(() => loadEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadEnvironment({ JWT_SECRET: 'short' })).toThrow(/^Invalid environment variable JWT_SECRET: [^"]*$/);
  });

  it('requires a bootstrap password with a bootstrap email', () => {
    expect(() => loadEnvironment({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.test' })).toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses, nothing else', () => {
    expect(loadEnvironment({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1');
    expect(loadEnvironment({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
    expect(() => loadEnvironment({ TRUST_PROXY: 'true' })).toThrow(/^Invalid environment variable TRUST_PROXY: .*hop count.*\(got "true"\)$/);
  });

  it('is fully documented in .env.example', () => {
    const documented = [...readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    const declared = Object.keys(loadEnvironment({})).concat(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_HOST', 'STRIPE_API_PORT', 'STRIPE_API_PROTOCOL', 'DOCUMENT_ENCRYPTION_KEY', 'TRUST_PROXY', 'LOG_FILE']);
    expect(documented).toEqual([...new Set(declared)].sort());
  });
});
