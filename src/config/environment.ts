import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, validateSync } from 'class-validator';
import { validateCronExpression } from 'cron';
import { redactUrl } from './redact-url.js';
import { parseTrustProxy } from './trust-proxy.js';

export enum NodeEnv {
  Development = 'development',
  Production = 'production',
  Test = 'test',
}

/**
 * "true"/"1" and "false"/"0" (any case) and nothing else: an unknown value ("ture", "yes") is kept as
 * given, so `@IsBoolean` refuses it at boot, naming the variable, instead of reading it as false.
 */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : value;
};
const isBooleanMessage = { message: (args: { property: string }) => `${args.property} must be true or false` };
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** An exact browser origin: http(s), a host, an optional port; nothing else (no path, no trailing slash, no wildcard). */
export function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

/** A cron expression as @nestjs/schedule runs it: five fields, or six with seconds first. */
const IsCron = () =>
  ValidateBy({
    name: 'isCron',
    validator: {
      validate: (value) => typeof value === 'string' && validateCronExpression(value).valid,
      defaultMessage: (args) => `${args?.property} must be a cron expression (e.g. "*/30 * * * * *": every 30 seconds; "0 6 * * *": daily at 06:00 UTC)`,
    },
  });

/**
 * Every environment variable the API reads. `.env.example` documents each one;
 * `loadEnvironment` validates them at boot and stops with one line naming the first bad one.
 */
export class Environment {
  @IsEnum(NodeEnv)
  NODE_ENV: NodeEnv = NodeEnv.Development;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsString()
  @IsNotEmpty()
  DATA_DIR = '.data';

  /** Which proxies' X-Forwarded-For to believe (see trust-proxy.ts); unset: none, the peer is the client. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value) => typeof value === 'string' && parseTrustProxy(value) !== null,
      defaultMessage: () => 'TRUST_PROXY must be a hop count (0-10) or a comma-separated list of proxy IPs / CIDRs (e.g. 10.0.0.0/8,127.0.0.1)',
    },
  })
  TRUST_PROXY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @Transform(toBoolean)
  @IsBoolean(isBooleanMessage)
  MIGRATIONS_RUN = true;

  /** How long a statement of the API waits for a row or table lock before failing (retryable CONFLICT), in ms; 0 waits forever. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  DATABASE_LOCK_TIMEOUT_MS = 5000;

  /** Longest any statement of the API may run, in ms (start-up migrations are exempt); 0 means no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 20000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === NodeEnv.Production || env.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Master key wrapping each document's data key (and, through a derived key, sealing MFA secrets): 32 bytes, base64. Required in production. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === NodeEnv.Production || env.DOCUMENT_ENCRYPTION_KEY !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'DOCUMENT_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)' })
  DOCUMENT_ENCRYPTION_KEY?: string;

  /** Largest uploaded document, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

  /** Uploads one instance receives at once (each holds a few times MAX_DOCUMENT_BYTES in memory); more answer TOO_MANY_REQUESTS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAX_CONCURRENT_UPLOADS = 4;

  /** Uploads one user may have under way at once, on one instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAX_CONCURRENT_UPLOADS_PER_USER = 2;

  /** Where encrypted documents are kept: `disk` ($DATA_DIR/documents, one machine) or `s3` (a bucket every instance shares). */
  @Transform(emptyToUndefined)
  @IsIn(['disk', 's3'], { message: 'DOCUMENT_STORAGE must be disk or s3' })
  DOCUMENT_STORAGE: 'disk' | 's3' = 'disk';

  /** The bucket of DOCUMENT_STORAGE=s3 (required there). */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.DOCUMENT_STORAGE === 's3' || env.S3_BUCKET !== undefined)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must name the bucket (3-63 lowercase letters, digits, dots, hyphens); it is required with DOCUMENT_STORAGE=s3' })
  S3_BUCKET?: string;

  /** The bucket's region (any value for most S3-compatible stores). */
  @Transform(emptyToUndefined)
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'S3_REGION must be a region name, e.g. us-east-1' })
  S3_REGION = 'us-east-1';

  /** An S3-compatible store's endpoint (MinIO, Ceph, R2, ...); unset: AWS S3 in S3_REGION. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }, { message: 'S3_ENDPOINT must be an http(s) URL, e.g. http://minio.internal:9000' })
  S3_ENDPOINT?: string;

  /** Bucket in the path (`endpoint/bucket/key`) instead of the host name: most S3-compatible stores (MinIO) need true. */
  @Transform(toBoolean)
  @IsBoolean(isBooleanMessage)
  S3_FORCE_PATH_STYLE = false;

  /** Prepended to every object key, so environments can share one bucket; empty: none. */
  @Matches(/^(?:[A-Za-z0-9!_.*'()-]+\/)*$/, { message: 'S3_KEY_PREFIX must be empty or folder names each ending in "/", e.g. documents/ or prod/documents/' })
  S3_KEY_PREFIX = 'documents/';

  /** Static credentials for the bucket; unset (both): the AWS SDK's default chain (environment, profile, container or instance role). */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.S3_ACCESS_KEY_ID !== undefined || env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY (set both, or neither for the default credential chain)' })
  S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.S3_ACCESS_KEY_ID !== undefined || env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID (set both, or neither for the default credential chain)' })
  S3_SECRET_ACCESS_KEY?: string;

  /** Charts the audits of a coder (a specialty, a coding company) must have sampled before its accuracy is published. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  ACCURACY_MIN_SAMPLE = 30;

  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(365 * 24 * 3600)
  JWT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.BOOTSTRAP_ADMIN_EMAIL !== undefined)
  @IsString()
  @MinLength(12)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** Where links in mails point: the web app's origin (no trailing slash needed); tokens ride as `?token=`. */
  @Transform(emptyToUndefined)
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }, { message: 'APP_URL must be an http(s) URL, e.g. https://app.chartbridge.example' })
  APP_URL = 'http://localhost:3000';

  /** SMTP server for outgoing mail (smtp://user:pass@host:587, smtps://... for implicit TLS); unset: each mail is written to $DATA_DIR/mail as an .eml file instead. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true }, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every mail: an address, or a display name and an address ("ChartBridge <no-reply@example.com>"). */
  @Transform(emptyToUndefined)
  @Matches(/^(?:[^<>\r\n"]{0,100}<[^<>\s@]+@[^<>\s@]+>|[^<>\s@"]+@[^<>\s@]+)$/, { message: 'MAIL_FROM must be an email address, optionally as "Name <address>"' })
  MAIL_FROM = 'ChartBridge <no-reply@chartbridge.localhost>';

  /** Password resets, verification mails and email changes one account may ask for per hour (each kind counted on its own); always enforced, RATE_LIMIT_ENABLED or not. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  ACCOUNT_MAIL_PER_HOUR = 5;

  /** The same requests (and password resets and changes) one client address may make per hour; always enforced. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  ACCOUNT_MAIL_PER_IP_PER_HOUR = 100;

  /** Real payments: required in production unless PAYMENTS_SIMULATED=true (a demo must say so: it moves no money). */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => (env.NODE_ENV === NodeEnv.Production && env.PAYMENTS_SIMULATED !== true) || env.STRIPE_SECRET_KEY !== undefined)
  @IsString({ message: 'STRIPE_SECRET_KEY is required in production (set PAYMENTS_SIMULATED=true only for a demo that moves no money)' })
  STRIPE_SECRET_KEY?: string;

  /** Required with STRIPE_SECRET_KEY in production: without it no webhook is accepted and no payment would ever be recorded. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => (env.NODE_ENV === NodeEnv.Production && env.STRIPE_SECRET_KEY !== undefined) || env.STRIPE_WEBHOOK_SECRET !== undefined)
  @IsString({ message: 'STRIPE_WEBHOOK_SECRET is required in production with STRIPE_SECRET_KEY' })
  STRIPE_WEBHOOK_SECRET?: string;

  /**
   * true: production serves the GraphQL explorer page at GET /graphql (and turns introspection on, which
   * the explorer needs to show the schema). Development and test always serve it. Default false.
   */
  @Transform(toBoolean)
  @IsBoolean(isBooleanMessage)
  EXPLORER_ENABLED = false;

  /** true: the simulated gateway in production too (a demo: payments succeed at once and move no money). Without STRIPE_SECRET_KEY outside production it is used anyway. */
  @Transform(toBoolean)
  @IsBoolean(isBooleanMessage)
  PAYMENTS_SIMULATED = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  STRIPE_API_HOST?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  STRIPE_API_PORT?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['http', 'https'])
  STRIPE_API_PROTOCOL?: 'http' | 'https';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5000)
  PLATFORM_FEE_BPS = 1000;

  /** How often the outbox worker looks for Stripe calls to make and mail to send, in ms; 0 turns off every background job of this instance (tests drive them). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  WORKER_POLL_MS = 1000;

  /** When overdue submitted milestones are released (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  MILESTONE_RELEASE_CRON = '*/30 * * * * *';

  /** When last week's logged work is invoiced (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  INVOICE_GENERATION_CRON = '*/30 * * * * *';

  /** When paid invoices are released to the coder (held only while their contract was in dispute) (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  INVOICE_RELEASE_CRON = '*/30 * * * * *';

  /** When invoices whose review window has passed are charged, and declined charges whose retry is due are tried again (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  INVOICE_CHARGE_CRON = '*/30 * * * * *';

  /** When blind reviews past their window are published (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  REVIEW_PUBLICATION_CRON = '0 * * * * *';

  /** When coders are reminded of credentials about to expire and of short CEU cycles (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  CREDENTIAL_REMINDER_CRON = '0 0 * * * *';

  /** When coders are reminded of work requests due soon or overdue (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  WORK_REQUEST_REMINDER_CRON = '0 */5 * * * *';
  /** When the PHI of contracts past their retention period is destroyed (cron, UTC). */
  @Transform(emptyToUndefined)
  @IsCron()
  PHI_RETENTION_CRON = '0 30 * * * *';

  /** Days a contract's PHI (documents, coded encounters, claim data) is kept after the contract ends with nothing left to dispute; then it is destroyed. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  PHI_RETENTION_DAYS = 30;
  /** When the monthly OIG exclusion screen is tried (daily; the first tick of each month runs it, once across instances). */
  @Transform(emptyToUndefined)
  @IsCron()
  LEIE_SCREENING_CRON = '0 0 4 * * *';

  /** Days a provider has to approve or dispute a submitted milestone before it is released automatically. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  MILESTONE_REVIEW_DAYS = 14;

  /** Days the practice has to review (and dispute) an invoice and its lines before it is charged. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(90)
  INVOICE_DISPUTE_DAYS = 7;

  /**
   * When a declined invoice charge is tried again: days after the first decline, comma-separated and
   * rising (1,3,5: the next day, then on days 3 and 5). After the last one the contract is paused
   * until the invoice is paid; saving a new card tries every declined invoice at once.
   */
  @Transform(({ value }: { value: unknown }) =>
    value === undefined || value === '' ? undefined : typeof value === 'string' ? value.split(',').map((day) => (/^\s*\d+\s*$/.test(day) ? Number(day) : day)) : value,
  )
  @ValidateBy({
    name: 'isRetrySchedule',
    validator: {
      validate: (value) =>
        Array.isArray(value) && value.length >= 1 && value.length <= 10 && value.every((day, i) => Number.isInteger(day) && day >= 1 && day <= 60 && (i === 0 || day > (value[i - 1] as number))),
      defaultMessage: () => 'INVOICE_CHARGE_RETRY_DAYS must be rising whole days 1..60, comma-separated, at most 10 (e.g. "1,3,5")',
    },
  })
  INVOICE_CHARGE_RETRY_DAYS: number[] = [1, 3, 5];

  /** On SIGINT / SIGTERM: how long requests in flight may take to finish (new ones get 503) before their connections are closed. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_DRAIN_MS = 10_000;

  /** Rate limits (per minute); false turns them off for load tests and benchmarks. */
  @Transform(toBoolean)
  @IsBoolean(isBooleanMessage)
  RATE_LIMIT_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_MINUTE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WRITES_PER_MINUTE = 60;

  /** Prefix of the rate-limit keys in Redis, so environments sharing a Redis keep separate counters. */
  @Transform(emptyToUndefined)
  @Matches(/^[\w-]{1,40}$/)
  RATE_LIMIT_NAMESPACE = 'chartbridge';

  /**
   * Failed log-ins slow further attempts down (counters in Redis when REDIS_URL is set), apart from
   * RATE_LIMIT_ENABLED: false turns it off (load tests only).
   */
  @Transform(toBoolean)
  @IsBoolean(isBooleanMessage)
  LOGIN_THROTTLE_ENABLED = true;

  /** Failed log-ins on one account from one client address before each further attempt from it waits. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_THROTTLE_FREE_FAILURES = 5;

  /** Failed log-ins on one account from all addresses before every address waits (at most LOGIN_THROTTLE_ACCOUNT_MAX_DELAY_SECONDS). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES = 20;

  /** Failed log-ins from one client address on all accounts before each further attempt from it waits. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_THROTTLE_IP_FREE_FAILURES = 100;

  /** The first wait, in seconds; each further failure doubles it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_THROTTLE_BASE_DELAY_SECONDS = 1;

  /** Longest wait for one address (on one account, or on all), in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_THROTTLE_MAX_DELAY_SECONDS = 900;

  /** Longest wait the account's own count imposes on every address, the owner's clean one included, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_THROTTLE_ACCOUNT_MAX_DELAY_SECONDS = 60;

  /** A counter is forgotten this many seconds after its last failure. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 86_400)
  LOGIN_THROTTLE_FORGET_SECONDS = 86_400;

  @Transform(emptyToUndefined)
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Append logs to this file instead of writing them to standard output. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  GRAPHQL_MAX_DIRECTIVES = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(100000)
  GRAPHQL_MAX_TOKENS = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(1000000)
  GRAPHQL_MAX_COST = 5000;

  /**
   * How long an automatic persisted query (APQ) stays registered, in seconds: in Redis when REDIS_URL
   * is set (shared by every instance), else in a bounded cache of the instance's memory.
   */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  APQ_TTL_SECONDS = 86400;

  /**
   * Budget in bytes for every automatic persisted query kept in Redis together (texts plus a fixed
   * overhead per entry): beyond it the oldest registrations are evicted. Bounds what registrations,
   * anonymous ones included, can cost the Redis the rate limits share.
   */
  @Transform(toInt)
  @IsInt()
  @Min(64 * 1024)
  @Max(1024 * 1024 * 1024)
  APQ_MAX_BYTES = 16 * 1024 * 1024;

  /**
   * Automatic persisted queries a caller without a valid access token may register per minute, per IP;
   * beyond it its queries run from their text but are not registered. Counted even with RATE_LIMIT_ENABLED=false.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  APQ_ANONYMOUS_REGISTRATIONS_PER_MINUTE = 20;

  /**
   * `only`: GraphQL operations (HTTP and WebSocket) are accepted only when they are in the manifest
   * TRUSTED_DOCUMENTS_MANIFEST, sent by its sha256 hash or as its text; `off`: any operation within the limits.
   */
  @IsIn(['off', 'only'])
  TRUSTED_DOCUMENTS: 'off' | 'only' = 'off';

  /** The trusted-documents manifest (JSON: sha256 of a document -> its text), relative to the working directory. */
  @Transform(emptyToUndefined)
  @IsString()
  TRUSTED_DOCUMENTS_MANIFEST = 'client/generated/persisted-documents.json';

  /**
   * Who executes HTTP GraphQL operations: `graphql-js`, or `jit` (graphql-jit, compiled and cached per
   * operation). graphql-js by default: jit did not win a same-run A/B (docs/performance.md).
   */
  @IsIn(['graphql-js', 'jit'])
  GRAPHQL_EXECUTOR: 'graphql-js' | 'jit' = 'graphql-js';

  /** Subscriptions one WebSocket connection may hold at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_WS_MAX_SUBSCRIPTIONS = 20;

  /** Subscriptions one WebSocket connection may start in a minute (completed ones count too); past it the socket is closed (4429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  GRAPHQL_WS_MAX_SUBSCRIBES_PER_MINUTE = 120;

  /** WebSocket connections one user may hold at once (per instance); more are refused (close 4429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  GRAPHQL_WS_MAX_SOCKETS_PER_USER = 10;

  /** WebSocket connections one client address may hold at once (per instance), counted before the token is checked; more are refused (close 4429). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  GRAPHQL_WS_MAX_SOCKETS_PER_IP = 100;

  /** Longest a client may take to send a whole request (headers and body), in ms; a slower one is answered 408 and its connection closed. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS = 60_000;

  /** Open connections (HTTP and WebSocket) the server accepts at once; more are closed as they arrive. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  HTTP_MAX_CONNECTIONS = 1024;

  /** Open connections one peer address may hold at once; more are closed as they arrive. Not applied when TRUST_PROXY is set (peers are proxies). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  HTTP_MAX_CONNECTIONS_PER_IP = 256;

  /**
   * Browser origins allowed to call the API from another origin (CORS): comma-separated exact origins
   * (`https://app.example.com,http://localhost:5173`); none by default. Applies to /graphql and the
   * document endpoints, never to the Stripe webhook (see cors-options.ts).
   */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? [] : typeof value === 'string' ? value.split(',').map((origin) => origin.trim()) : value))
  @ValidateBy({
    name: 'isOriginList',
    validator: {
      validate: (value) => Array.isArray(value) && value.length <= 100 && value.every((origin) => typeof origin === 'string' && isOrigin(origin)),
      defaultMessage: () => 'CORS_ORIGINS must be comma-separated origins, each scheme://host[:port] with no path or trailing slash (e.g. "https://app.example.com,http://localhost:5173")',
    },
  })
  CORS_ORIGINS: string[] = [];

  /** Largest request body, and largest WebSocket message, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  MAX_BODY_BYTES = 256 * 1024;
}

export class EnvironmentError extends Error {}

/** Validates raw variables (usually `process.env`); throws an `EnvironmentError` naming the first bad variable (one given before one missing). */
export function loadEnvironment(raw: Record<string, string | undefined>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    // A value the operator gave and got wrong is named before a variable that is missing because of it
    // (PAYMENTS_SIMULATED=yes in production: the bad boolean, not STRIPE_SECRET_KEY).
    const first = errors.find((error) => (raw[error.property] ?? '') !== '') ?? errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = shownValue(first.property, String(raw[first.property] ?? ''));
    throw new EnvironmentError(`Invalid environment variable ${first.property}: ${reason}${shown === null ? '' : ` (got ${shown})`}`);
  }
  return env;
}

/**
 * What the start-up failure line may show of a bad value: nothing of a secret, a URL without its
 * user, password and query string (nothing at all when it does not parse), other values quoted and cut.
 */
function shownValue(name: string, value: string): string | null {
  if (/SECRET|PASSWORD|KEY|TOKEN/.test(name)) return null;
  if (name.endsWith('_URL') || name.endsWith('_ENDPOINT')) return `"${redactUrl(value)}"`;
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}...` : value);
}
