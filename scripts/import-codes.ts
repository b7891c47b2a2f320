// npm run codes:import -- <file> [--set ICD10CM|HCPCS] [--year 2026]
// Loads a CMS code table into the database (DATABASE_URL, or the embedded one): the ICD-10-CM order
// file (icd10cm_order_YYYY.txt) or the HCPCS Level II annual file (HCPCYYYY_ANWEB*.txt). Reloading a
// year replaces it. Once a table is loaded, coded batches refuse unknown and non-billable codes.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../src/config/environment.js';
import { openDatabaseServer } from '../src/bootstrap/database-server.js';
import { typeOrmOptions } from '../src/bootstrap/typeorm-options.js';
import { parseHcpcsFile, parseIcd10CmOrderFile } from '../src/workroom/codes/code-table-files.js';
import { CodeTablesService } from '../src/workroom/codes/code-tables.service.js';

/** Which table a file holds and for which year, from the options or the CMS file name. */
export function describeCodeFile(file: string, options: { set?: string; year?: string }): { set: 'ICD10CM' | 'HCPCS'; year: number } {
  const name = basename(file);
  const set = (options.set ?? (/icd10cm/i.test(name) ? 'ICD10CM' : /hcpc/i.test(name) ? 'HCPCS' : '')).toUpperCase();
  if (set !== 'ICD10CM' && set !== 'HCPCS') throw new Error('cannot tell the code set from the file name: pass --set ICD10CM or --set HCPCS');
  const year = Number(options.year ?? /(20\d\d)/.exec(name)?.[1]);
  if (!Number.isInteger(year) || year < 2015 || year > 2100) throw new Error('cannot tell the year from the file name: pass --year YYYY');
  return { set, year };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { set: { type: 'string' }, year: { type: 'string' } } });
  const [file] = positionals;
  if (!file) throw new Error('usage: npm run codes:import -- <file> [--set ICD10CM|HCPCS] [--year YYYY]');
  const { set, year } = describeCodeFile(file, values);
  const text = readFileSync(file, 'latin1');
  const codes = set === 'ICD10CM' ? parseIcd10CmOrderFile(text) : parseHcpcsFile(text);
  const server = await openDatabaseServer(loadEnvironment(process.env));
  const dataSource = new DataSource(typeOrmOptions(server.url, { migrationsRun: false, poolSize: 2 }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const loaded = await new CodeTablesService(dataSource).load(set, year, codes);
    const billable = codes.filter((c) => c.billable).length;
    process.stdout.write(`Loaded ${loaded} ${set} codes for ${year} (${billable} billable, ${loaded - billable} headers).\n`);
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
