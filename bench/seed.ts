// npm run seed -- [--coders N] [--jobs M] [--practices P] [--seed S]
// Fills the database (DATABASE_URL, or the embedded one) with a realistic marketplace: coders with
// profiles and credentials, practices with owners, postings and bids. Rows get stable ids, so a
// second run with the same options adds nothing. Bulk INSERT ... SELECT FROM unnest, 2,000 rows a statement.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/auth/password-hasher.js';
import { loadEnvironment } from '../src/config/environment.js';
import { openDatabaseServer } from '../src/bootstrap/database-server.js';
import { typeOrmOptions } from '../src/bootstrap/typeorm-options.js';
import { seedClaims } from './seed-claims.js';
import { coder, job, prng, seedId, seedNpi } from './seed-data.js';

export const SEED_PASSWORD = 'seed-password-123';
const BATCH = 2000;

type Column = [name: string, type: string];

/** INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING, in batches; array and json values are sent as text and cast. */
async function insert(client: pg.Client, table: string, columns: Column[], rows: unknown[][], onBatch: (n: number) => void): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params = columns.map((_, i) => batch.map((row) => row[i]));
    const sourceType = (type: string) => (type.endsWith('[]') || type === 'jsonb' ? 'text' : type);
    const unnest = columns.map(([, type], i) => `$${i + 1}::${sourceType(type)}[]`).join(', ');
    const select = columns.map(([name, type]) => `u.${name}::${type}`).join(', ');
    const sql = `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u(${columns.map(([name]) => name).join(', ')}) ON CONFLICT DO NOTHING`;
    inserted += (await client.query(sql, params)).rowCount ?? 0;
    onBatch(batch.length);
  }
  return inserted;
}

const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(',')}}`;

export async function seed(options: {
  coders: number;
  jobs: number;
  practices: number;
  seed: number;
  databaseUrl: string;
  quiet?: boolean;
  workQueues?: boolean;
  claims?: { documentKey: Buffer };
}): Promise<Record<string, number>> {
  const rng = prng(options.seed);
  const passwordHash = await new PasswordHasher().hash(SEED_PASSWORD);
  const today = new Date().toISOString().slice(0, 10);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const bar = new cliProgress.SingleBar({ format: 'seeding {bar} {percentage}% | {value}/{total} rows | {stage}', noTTYOutput: false, stopOnComplete: true }, cliProgress.Presets.shades_classic);
  const coders = Array.from({ length: options.coders }, (_, i) => coder(rng, i));
  const jobs = Array.from({ length: options.jobs }, () => job(rng));
  const credentialCount = coders.reduce((n, c) => n + c.credentials.length, 0);
  if (!options.quiet) bar.start(options.coders * 2 + credentialCount + options.practices * 3 + options.jobs * 2, 0, { stage: 'users' });
  const tick = (stage: string) => (n: number) => (options.quiet ? undefined : bar.increment(n, { stage }));
  const counts: Record<string, number> = {};
  const seededAt = new Date().toISOString();
  try {
    const coderIds = coders.map((_, i) => seedId('coder-user', i));
    counts.users = await insert(
      client,
      'users',
      [
        ['id', 'uuid'],
        ['email', 'text'],
        ['name', 'text'],
        ['role', 'user_role'],
        ['password_hash', 'text'],
        ['email_verified_at', 'timestamptz'],
      ],
      // Seeded accounts stand for established users: their addresses count as verified.
      coders.map((c, i) => [coderIds[i], c.email, c.name, 'CODER', passwordHash, seededAt]),
      tick('coder users'),
    );
    // Credentials before profiles: each profile then reads its verified credential types once, on insert.
    counts.credentials = await insert(
      client,
      'credentials',
      [
        ['id', 'uuid'],
        ['coder_id', 'uuid'],
        ['type', 'credential_type'],
        ['number', 'text'],
        ['issued_on', 'date'],
        ['expires_on', 'date'],
        ['membership_expires_on', 'date'],
        ['status', 'credential_review_status'],
        ['reviewed_at', 'timestamptz'],
      ],
      coders.flatMap((c, i) =>
        c.credentials.map((cr, k) => [
          seedId('credential', i * 10 + k),
          coderIds[i],
          cr.type,
          `${cr.type}-${String(1000000 + i)}`,
          cr.issuedOn,
          cr.expiresOn,
          cr.membershipExpiresOn,
          cr.status,
          cr.status === 'VERIFIED' ? new Date().toISOString() : null,
        ]),
      ),
      tick('credentials'),
    );

    counts.coderProfiles = await insert(
      client,
      'coder_profiles',
      [
        ['id', 'uuid'],
        ['user_id', 'uuid'],
        ['headline', 'text'],
        ['bio', 'text'],
        ['years_experience', 'integer'],
        ['timezone', 'text'],
        ['weekly_capacity_hours', 'integer'],
        ['hourly_rate_cents', 'integer'],
        ['per_chart_rate_cents', 'integer'],
        ['available', 'boolean'],
        ['specialty_years', 'jsonb'],
        ['code_sets', 'code_set[]'],
        ['work_types', 'work_type[]'],
        ['ehr_systems', 'text[]'],
        ['rating_count', 'integer'],
        ['rating_total', 'integer'],
      ],
      coders.map((c, i) => [
        seedId('coder-profile', i),
        coderIds[i],
        c.headline,
        c.bio,
        c.yearsExperience,
        c.timezone,
        c.weeklyCapacityHours,
        c.hourlyRateCents,
        c.perChartRateCents,
        c.available,
        JSON.stringify(c.specialtyYears),
        pgArray(c.codeSets),
        pgArray(c.workTypes),
        pgArray(c.ehrSystems),
        c.ratingCount,
        c.ratingTotal,
      ]),
      tick('coder profiles'),
    );
    const providerIds = Array.from({ length: options.practices }, (_, i) => seedId('provider-user', i));
    const organizationIds = Array.from({ length: options.practices }, (_, i) => seedId('practice', i));
    const practiceEmails = providerIds.map((_, i) => `provider-${String(i).padStart(5, '0')}@seed.chartbridge.test`);
    counts.users += await insert(
      client,
      'users',
      [
        ['id', 'uuid'],
        ['email', 'text'],
        ['name', 'text'],
        ['role', 'user_role'],
        ['password_hash', 'text'],
        ['email_verified_at', 'timestamptz'],
      ],
      providerIds.map((id, i) => [id, practiceEmails[i], `Practice Manager ${i + 1}`, 'PROVIDER', passwordHash, seededAt]),
      tick('providers'),
    );
    counts.organizations = await insert(
      client,
      'organizations',
      [
        ['id', 'uuid'],
        ['name', 'text'],
        ['kind', 'organization_kind'],
        ['npi', 'text'],
      ],
      organizationIds.map((id, i) => [
        id,
        `${['Lakeside', 'Riverside', 'Summit', 'Prairie', 'Harbor', 'Valley', 'Cedar'][i % 7]} ${['Family Practice', 'Cardiology', 'Orthopedics', 'Medical Group', 'Clinic'][i % 5]} ${i + 1}`,
        'PROVIDER_PRACTICE',
        seedNpi(i),
      ]),
      tick('practices'),
    );
    counts.memberships = await insert(
      client,
      'memberships',
      [
        ['id', 'uuid'],
        ['organization_id', 'uuid'],
        ['user_id', 'uuid'],
        ['email', 'text'],
        ['role', 'membership_role'],
        ['status', 'membership_status'],
        ['responded_at', 'timestamptz'],
      ],
      organizationIds.map((id, i) => [seedId('membership', i), id, providerIds[i], practiceEmails[i], 'OWNER', 'ACTIVE', new Date().toISOString()]),
      tick('memberships'),
    );

    const jobRows = jobs.map((j, i) => {
      const practice = i % options.practices;
      return [
        seedId('job', i),
        organizationIds[practice],
        providerIds[practice],
        j.title,
        j.description,
        j.specialty,
        pgArray(j.codeSets),
        j.workType,
        j.setting,
        j.ehrSystem,
        j.timezone,
        pgArray(j.requiredCredentialTypes),
        j.chartsPerWeek,
        j.turnaroundHours,
        j.accuracyTargetBps,
        j.payModel,
        j.rateCents,
        j.budgetCents,
        j.percentOfCollectionsBps,
        j.requiresBaa,
        j.positions,
      ];
    });
    counts.jobPostings = await insert(
      client,
      'job_postings',
      [
        ['id', 'uuid'],
        ['organization_id', 'uuid'],
        ['posted_by_id', 'uuid'],
        ['title', 'text'],
        ['description', 'text'],
        ['specialty', 'specialty'],
        ['code_sets', 'code_set[]'],
        ['work_type', 'work_type'],
        ['setting', 'care_setting'],
        ['ehr_system', 'text'],
        ['timezone', 'text'],
        ['required_credential_types', 'credential_type[]'],
        ['charts_per_week', 'integer'],
        ['turnaround_hours', 'integer'],
        ['accuracy_target_bps', 'integer'],
        ['pay_model', 'pay_model'],
        ['rate_cents', 'integer'],
        ['budget_cents', 'integer'],
        ['percent_of_collections_bps', 'integer'],
        ['requires_baa', 'boolean'],
        ['positions', 'integer'],
      ],
      jobRows,
      tick('job postings'),
    );

    // Up to three bids a posting, from coders holding its required credential.
    const counting = coders.map((c) => new Set(c.credentials.filter((cr) => cr.status === 'VERIFIED' && cr.expiresOn >= today).map((cr) => cr.type)));
    const bidRows: unknown[][] = [];
    const bidJobs: number[] = [];
    jobs.forEach((j, i) => {
      const bidders = new Set<number>();
      for (let attempt = 0; attempt < 30 && bidders.size < 3 && coders.length; attempt++) {
        const k = rng.int(0, coders.length - 1);
        if (j.requiredCredentialTypes.every((t) => counting[k].has(t))) bidders.add(k);
      }
      [...bidders].forEach((k, n) => {
        bidJobs.push(i);
        const percent = j.payModel === 'PERCENT_OF_COLLECTIONS';
        bidRows.push([
          seedId('bid', i * 3 + n),
          seedId('job', i),
          coderIds[k],
          coderIds[k],
          j.payModel,
          percent ? null : (j.rateCents ?? j.budgetCents ?? 500),
          percent ? j.percentOfCollectionsBps : null,
          `I code ${j.specialty.toLowerCase().replace(/_/g, ' ')} daily and can start this week.`,
          j.turnaroundHours,
        ]);
      });
    });
    counts.bids = await insert(
      client,
      'bids',
      [
        ['id', 'uuid'],
        ['job_posting_id', 'uuid'],
        ['coder_id', 'uuid'],
        ['submitted_by_id', 'uuid'],
        ['pay_model', 'pay_model'],
        ['rate_cents', 'integer'],
        ['percent_of_collections_bps', 'integer'],
        ['cover_letter', 'text'],
        ['estimated_turnaround_hours', 'integer'],
      ],
      bidRows,
      tick('bids'),
    );

    // `myWorkQueue` (the bench asks with `workQueues`): the first bids (up to 200) became ACTIVE contracts, each with five OPEN work requests.
    const contractRows = bidRows.slice(0, options.workQueues ? 200 : 0).map((bid, n) => {
      const posting = bidJobs[n];
      return [seedId('contract', n), bid[1], bid[0], organizationIds.length ? organizationIds[posting % organizationIds.length] : null, bid[2], bid[4], bid[5], bid[6], 1000];
    });
    counts.contracts = await insert(
      client,
      'contracts',
      [
        ['id', 'uuid'],
        ['job_posting_id', 'uuid'],
        ['bid_id', 'uuid'],
        ['organization_id', 'uuid'],
        ['coder_id', 'uuid'],
        ['pay_model', 'pay_model'],
        ['rate_cents', 'integer'],
        ['percent_of_collections_bps', 'integer'],
        ['platform_fee_bps', 'integer'],
      ],
      contractRows.filter((row) => row[3] !== null),
      () => undefined,
    );
    const dueBase = Date.now() + 86_400_000;
    counts.workRequests = await insert(
      client,
      'work_requests',
      [
        ['id', 'uuid'],
        ['contract_id', 'uuid'],
        ['requested_by_id', 'uuid'],
        ['title', 'text'],
        ['chart_count', 'integer'],
        ['due_at', 'timestamptz'],
        ['priority', 'work_request_priority'],
      ],
      contractRows
        .filter((row) => row[3] !== null)
        .flatMap((row, n) =>
          Array.from({ length: 5 }, (_, k) => [
            seedId('work-request', n * 5 + k),
            row[0],
            providerIds[organizationIds.indexOf(String(row[3]))],
            `Batch ${k + 1} of clinic notes`,
            20 + k * 10,
            new Date(dueBase + (n * 5 + k) * 3_600_000).toISOString(),
            k === 0 ? 'STAT' : 'NORMAL',
          ]),
        ),
      () => undefined,
    );
    // The 837P export (the bench asks with `claims` only when it measures it): an ACCEPTED batch of 500 encounters with sealed claim data.
    if (options.claims && options.coders && options.practices) counts.claimEncounters = await seedClaims(options.databaseUrl, options.claims.documentKey);
    await client.query('ANALYZE');
  } finally {
    if (!options.quiet) bar.stop();
    await client.end();
  }
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { coders: { type: 'string', default: '300' }, jobs: { type: 'string', default: '40' }, practices: { type: 'string' }, seed: { type: 'string', default: '42' } },
  });
  const coders = Number(values.coders);
  const jobs = Number(values.jobs);
  const practices = values.practices ? Number(values.practices) : Math.max(1, Math.min(Math.ceil(jobs / 2), 5000));
  for (const [name, value] of Object.entries({ coders, jobs, practices, seed: Number(values.seed) })) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  }
  const env = loadEnvironment(process.env);
  const server = await openDatabaseServer(env);
  try {
    const dataSource = new DataSource(typeOrmOptions(server.url, { migrationsRun: false, poolSize: 1 }));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    const started = Date.now();
    const counts = await seed({ coders, jobs, practices, seed: Number(values.seed), databaseUrl: server.url });
    process.stdout.write(
      `\nInserted ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s (rows already present are skipped).\n`,
    );
    process.stdout.write(`Seeded users log in with password "${SEED_PASSWORD}", e.g. coder-000000@seed.chartbridge.test or provider-00000@seed.chartbridge.test.\n`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
