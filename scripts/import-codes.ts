// npm run codes:import -- <file> [--set ICD10CM|ICD10PCS|HCPCS|NCCI_PTP|MUE] [--effective YYYY-MM-DD]
// Loads an official CMS file into the database (DATABASE_URL, or the embedded one): the ICD-10-CM or
// ICD-10-PCS order file (icd10cm_order_YYYY.txt, icd10pcs_order_YYYY.txt: fiscal year YYYY), the HCPCS
// Level II file (HCPCYYYY_[JAN|APR|JUL|OCT_]ANWEB*.txt: procedures and modifiers), the NCCI practitioner
// PTP edits (ccipra-vNNNrN-fN.txt) or the practitioner MUEs (MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv).
// The file is recognized by its name (or content); --set and --effective override. Reloading a version
// replaces it in one transaction. Codes are then checked against the version in force on each date of service.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../src/config/environment.js';
import { openDatabaseServer } from '../src/bootstrap/database-server.js';
import { typeOrmOptions } from '../src/bootstrap/typeorm-options.js';
import { CODE_FILE_KINDS, identifyCodeFile } from '../src/workroom/codes/code-table-files.js';
import { CodeTablesService, ImportSummary } from '../src/workroom/codes/code-tables.service.js';

const USAGE = `usage: npm run codes:import -- <file> [--set ${CODE_FILE_KINDS.join('|')}] [--effective YYYY-MM-DD]`;

/** The line the script prints once a file is loaded. */
export function describeImport(summary: ImportSummary): string {
  const counts = Object.entries(summary.loaded).map(([set, count]) => `${count} ${set}`);
  return `Loaded ${counts.join(', ')} in force ${summary.effectiveFrom}..${summary.effectiveTo}.`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { set: { type: 'string' }, effective: { type: 'string' } } });
  const [file] = positionals;
  if (!file) throw new Error(USAGE);
  const text = readFileSync(file, 'latin1');
  identifyCodeFile(basename(file), text, values); // refuse an unrecognized file before opening the database
  const server = await openDatabaseServer(loadEnvironment(process.env));
  const dataSource = new DataSource(typeOrmOptions(server.url, { migrationsRun: false, poolSize: 2 }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const summary = await new CodeTablesService(dataSource).importFile(basename(file), text, values);
    process.stdout.write(`${describeImport(summary)}\n`);
  } finally {
    await dataSource.destroy();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('import-codes.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`codes:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
