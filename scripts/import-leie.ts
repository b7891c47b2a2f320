// npm run leie:import -- <UPDATED.csv> [--date YYYY-MM-DD]
// Loads the OIG List of Excluded Individuals/Entities (the public CSV, https://oig.hhs.gov/exclusions/)
// into the database (DATABASE_URL, or the embedded one), replacing the previous list in one
// transaction, then screens every coder against it (docs/screening.md). The file's date is `--date`,
// else the file's modification date.
import 'reflect-metadata';
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.factory.js';
import { resolveConfig } from '../src/bootstrap/resolve-config.js';
import { isIsoDate } from '../src/common/scalars/local-date.scalar.js';
import { loadEnvironment } from '../src/config/environment.js';
import { parseLeieCsv } from '../src/domain/leie.js';
import { ScreeningService } from '../src/screening/screening.service.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' } } });
  const [file] = positionals;
  if (!file) throw new Error('usage: npm run leie:import -- <UPDATED.csv> [--date YYYY-MM-DD]');
  const fileDate = values.date ?? statSync(file).mtime.toISOString().slice(0, 10);
  if (!isIsoDate(fileDate)) throw new Error(`--date must be YYYY-MM-DD (got "${fileDate}")`);
  // Parsed before anything starts: a malformed file loads nothing.
  const entries = parseLeieCsv(readFileSync(file, 'latin1'));
  // No background jobs in this process: it imports, screens and ends.
  const { config, database } = await resolveConfig(loadEnvironment({ ...process.env, WORKER_POLL_MS: '0' }));
  const app = await createApp(config);
  try {
    const result = await app.get(ScreeningService).importLeie(entries, fileDate);
    process.stdout.write(`Loaded ${result.rowCount} LEIE entries (file of ${fileDate}); screened ${result.screened} coders, ${result.newHolds} new holds.\n`);
  } finally {
    await app.close();
    await database.stop();
  }
}

if (process.argv[1]?.endsWith('import-leie.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`leie:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
