import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { getMetadataStorage } from 'class-validator';
import { Environment, EnvironmentError, loadEnvironment } from './environment.js';

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

  it('refuses simulated payments in production unless PAYMENTS_SIMULATED=true says so, and a Stripe key without its webhook secret', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DOCUMENT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(() => loadEnvironment(production)).toThrow(/^Invalid environment variable STRIPE_SECRET_KEY: STRIPE_SECRET_KEY is required in production/);
    expect(() => loadEnvironment({ ...production, STRIPE_SECRET_KEY: 'sk_live_x' })).toThrow(/^Invalid environment variable STRIPE_WEBHOOK_SECRET: /);
    expect(loadEnvironment({ ...production, STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }).STRIPE_SECRET_KEY).toBe('sk_live_x');
    expect(loadEnvironment({ ...production, PAYMENTS_SIMULATED: 'true' }).PAYMENTS_SIMULATED).toBe(true);
    expect(loadEnvironment({}).STRIPE_SECRET_KEY).toBeUndefined();
  });

  it('names a malformed variable and shows its value unless secret', () => {
    expect(() => loadEnvironment({ PORT: 'eighty' })).toThrow(/^Invalid environment variable PORT: .*\(got "eighty"\)$/);
    expect(() => loadEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadEnvironment({ JWT_SECRET: 'short' })).toThrow(/^Invalid environment variable JWT_SECRET: [^"]*$/);
  });

  it('never shows the user, password or query string of a bad URL, nor any of one that does not parse', () => {
    expect(() => loadEnvironment({ DATABASE_URL: 'mysql://root:TOPSECRET@db.internal:3306/x?password=TOPSECRETQS' })).toThrow(
      new EnvironmentError('Invalid environment variable DATABASE_URL: DATABASE_URL must be a URL address (got "mysql://***@db.internal:3306/x?***")'),
    );
    expect(() => loadEnvironment({ DATABASE_URL: 'postgresql://nobody:TOPSECRET@[::1:5432/x' })).toThrow(
      new EnvironmentError('Invalid environment variable DATABASE_URL: DATABASE_URL must be a URL address (got "(not shown: not a valid URL)")'),
    );
    expect(() => loadEnvironment({ REDIS_URL: 'redis://:TOPSECRET@[::1:6379' })).toThrow(
      new EnvironmentError('Invalid environment variable REDIS_URL: REDIS_URL must be a URL address (got "(not shown: not a valid URL)")'),
    );
  });

  it('quotes other bad values on one line, cut to 100 characters', () => {
    expect(() => loadEnvironment({ LOG_LEVEL: 'loud\nsecond line' })).toThrow(/\(got "loud\\nsecond line"\)$/);
    expect(() => loadEnvironment({ LOG_LEVEL: 'x'.repeat(5000) })).toThrow(new RegExp(`\\(got "${'x'.repeat(100)}\\.\\.\\."\\)$`));
  });

  it('requires a bootstrap password with a bootstrap email', () => {
    expect(() => loadEnvironment({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.test' })).toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses, nothing else', () => {
    expect(loadEnvironment({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1');
    expect(loadEnvironment({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
    expect(() => loadEnvironment({ TRUST_PROXY: 'true' })).toThrow(/^Invalid environment variable TRUST_PROXY: .*hop count.*\(got "true"\)$/);
  });

  it('takes mail settings: an smtp(s) URL, a sender address with an optional name, an http(s) APP_URL', () => {
    expect(loadEnvironment({}).SMTP_URL).toBeUndefined();
    expect(loadEnvironment({})).toMatchObject({ MAIL_FROM: 'ChartBridge <no-reply@chartbridge.localhost>', APP_URL: 'http://localhost:3000' });
    expect(loadEnvironment({ SMTP_URL: 'smtps://user:pass@mail.internal:465', MAIL_FROM: 'no-reply@example.com' })).toMatchObject({ SMTP_URL: 'smtps://user:pass@mail.internal:465' });
    expect(() => loadEnvironment({ SMTP_URL: 'http://mail.internal' })).toThrow(/^Invalid environment variable SMTP_URL: SMTP_URL must be an smtp/);
    expect(() => loadEnvironment({ SMTP_URL: 'ftp://user:TOPSECRET@mail.internal' })).toThrow(/\(got "ftp:\/\/\*\*\*@mail\.internal\/?"\)$/);
    expect(() => loadEnvironment({ MAIL_FROM: 'ChartBridge' })).toThrow(/MAIL_FROM/);
    expect(() => loadEnvironment({ MAIL_FROM: 'a@b.test\r\nBcc: x@y.test' })).toThrow(/MAIL_FROM/);
    expect(() => loadEnvironment({ APP_URL: 'javascript:alert(1)' })).toThrow(/APP_URL/);
  });

  it('takes each background job schedule as a cron expression, naming a bad one', () => {
    expect(loadEnvironment({})).toMatchObject({ WORKER_POLL_MS: 1000, MILESTONE_RELEASE_CRON: '*/30 * * * * *', CREDENTIAL_REMINDER_CRON: '0 0 * * * *' });
    expect(loadEnvironment({ INVOICE_GENERATION_CRON: '0 6 * * 1' }).INVOICE_GENERATION_CRON).toBe('0 6 * * 1');
    expect(() => loadEnvironment({ INVOICE_RELEASE_CRON: 'hourly' })).toThrow(/^Invalid environment variable INVOICE_RELEASE_CRON: .*cron expression.*\(got "hourly"\)$/);
    expect(() => loadEnvironment({ REVIEW_PUBLICATION_CRON: '61 * * * *' })).toThrow(/REVIEW_PUBLICATION_CRON/);
  });

  it('takes the declined-charge retry schedule as rising days, naming a bad one', () => {
    expect(loadEnvironment({}).INVOICE_CHARGE_RETRY_DAYS).toEqual([1, 3, 5]);
    expect(loadEnvironment({ INVOICE_CHARGE_RETRY_DAYS: '2' }).INVOICE_CHARGE_RETRY_DAYS).toEqual([2]);
    expect(loadEnvironment({ INVOICE_CHARGE_RETRY_DAYS: '1, 2,7' }).INVOICE_CHARGE_RETRY_DAYS).toEqual([1, 2, 7]);
    expect(loadEnvironment({ INVOICE_CHARGE_CRON: '0 9 * * *' }).INVOICE_CHARGE_CRON).toBe('0 9 * * *');
    for (const bad of ['3,1', '1,1', '0,2', '1,x', '1,,2', '61', '1.5']) {
      expect(() => loadEnvironment({ INVOICE_CHARGE_RETRY_DAYS: bad })).toThrow(/^Invalid environment variable INVOICE_CHARGE_RETRY_DAYS: .*rising whole days/);
    }
  });

  it('keeps documents on disk by default; DOCUMENT_STORAGE=s3 needs a bucket, and static credentials come in pairs', () => {
    expect(loadEnvironment({})).toMatchObject({ DOCUMENT_STORAGE: 'disk', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false, S3_KEY_PREFIX: 'documents/' });
    expect(() => loadEnvironment({ DOCUMENT_STORAGE: 's3' })).toThrow(
      new EnvironmentError('Invalid environment variable S3_BUCKET: S3_BUCKET must name the bucket (3-63 lowercase letters, digits, dots, hyphens); it is required with DOCUMENT_STORAGE=s3 (got "")'),
    );
    expect(() => loadEnvironment({ DOCUMENT_STORAGE: 's3', S3_BUCKET: 'Not_A_Bucket' })).toThrow(/^Invalid environment variable S3_BUCKET: .*\(got "Not_A_Bucket"\)$/);
    expect(() => loadEnvironment({ DOCUMENT_STORAGE: 'minio' })).toThrow(/^Invalid environment variable DOCUMENT_STORAGE: DOCUMENT_STORAGE must be disk or s3/);
    const s3 = { DOCUMENT_STORAGE: 's3', S3_BUCKET: 'chartbridge-documents' };
    expect(loadEnvironment({ ...s3, S3_ENDPOINT: 'http://minio.internal:9000', S3_FORCE_PATH_STYLE: 'true', S3_KEY_PREFIX: '' })).toMatchObject({
      S3_ENDPOINT: 'http://minio.internal:9000',
      S3_FORCE_PATH_STYLE: true,
      S3_KEY_PREFIX: '',
    });
    expect(() => loadEnvironment({ ...s3, S3_ENDPOINT: 'minio.internal:9000' })).toThrow(/^Invalid environment variable S3_ENDPOINT: S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => loadEnvironment({ ...s3, S3_ENDPOINT: 'ftp://user:TOPSECRET@minio.internal' })).toThrow(/\(got "ftp:\/\/\*\*\*@minio\.internal\/?"\)$/);
    expect(() => loadEnvironment({ ...s3, S3_KEY_PREFIX: 'documents' })).toThrow(/S3_KEY_PREFIX/);
    expect(() => loadEnvironment({ ...s3, S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' })).toThrow(
      /^Invalid environment variable S3_SECRET_ACCESS_KEY: S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID[^"]*$/,
    );
    expect(() => loadEnvironment({ ...s3, S3_SECRET_ACCESS_KEY: 'TOPSECRET' })).toThrow(/^Invalid environment variable S3_ACCESS_KEY_ID: [^"]*$/);
    expect(loadEnvironment({ ...s3, S3_ACCESS_KEY_ID: 'AKIAEXAMPLE', S3_SECRET_ACCESS_KEY: 'TOPSECRET' })).toMatchObject({ S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' });
  });

  it('refuses an unknown boolean value at boot, naming the variable, for every boolean variable (never read as false)', () => {
    const defaults = new Environment() as unknown as Record<string, unknown>;
    const booleans = Object.keys(defaults).filter((name) => typeof defaults[name] === 'boolean');
    expect(booleans).toEqual(expect.arrayContaining(['MIGRATIONS_RUN', 'PAYMENTS_SIMULATED', 'RATE_LIMIT_ENABLED', 'LOGIN_THROTTLE_ENABLED']));
    for (const name of booleans) {
      for (const bad of ['ture', 'yes', 'no', 'on', 'off', 'flase', '2', 'enabled']) {
        expect(() => loadEnvironment({ [name]: bad })).toThrow(new EnvironmentError(`Invalid environment variable ${name}: ${name} must be true or false (got ${JSON.stringify(bad)})`));
      }
      for (const [given, read] of [
        ['true', true],
        ['TRUE', true],
        ['1', true],
        ['false', false],
        ['False', false],
        ['0', false],
      ] as const) {
        expect((loadEnvironment({ [name]: given }) as unknown as Record<string, unknown>)[name]).toBe(read);
      }
    }
  });

  it('refuses a production start with PAYMENTS_SIMULATED set to anything but true or false, naming it', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DOCUMENT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(() => loadEnvironment({ ...production, PAYMENTS_SIMULATED: 'yes' })).toThrow(/^Invalid environment variable PAYMENTS_SIMULATED: PAYMENTS_SIMULATED must be true or false \(got "yes"\)$/);
    expect(() => loadEnvironment({ ...production, PAYMENTS_SIMULATED: 'false' })).toThrow(/^Invalid environment variable STRIPE_SECRET_KEY: .*PAYMENTS_SIMULATED=true/);
  });

  it('takes CORS_ORIGINS as exact origins, none by default, naming a bad one', () => {
    expect(loadEnvironment({}).CORS_ORIGINS).toEqual([]);
    expect(loadEnvironment({ CORS_ORIGINS: '' }).CORS_ORIGINS).toEqual([]);
    expect(loadEnvironment({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://app.example.com', 'http://localhost:5173']);
    for (const bad of [
      '*',
      'app.example.com',
      'https://app.example.com/',
      'https://app.example.com/path',
      'ftp://files.example.com',
      'https://App.example.com',
      'https://a.example.com,,https://b.example.com',
      'null',
    ]) {
      expect(() => loadEnvironment({ CORS_ORIGINS: bad })).toThrow(/^Invalid environment variable CORS_ORIGINS: CORS_ORIGINS must be comma-separated origins/);
    }
  });

  it('validates every variable of the Environment class and documents each in .env.example, and no other', () => {
    const documented = [...readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    // The variables as the class declares them: those with a validator (optional ones included) and those with a default.
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(Environment, '', true, false)
        .map((metadata) => metadata.propertyName),
    );
    const withDefault = Object.keys(new Environment());
    expect(withDefault.filter((name) => !validated.has(name))).toEqual([]);
    expect([...new Set(documented)].sort()).toEqual([...validated].sort());
    expect(documented).toHaveLength(new Set(documented).size);
  });
});
