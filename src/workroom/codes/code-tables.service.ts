import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '../../database/query-rows.js';
import type { CodedEncounter } from '../coded-batch.entity.js';
import { ParsedCode } from './code-table-files.js';

/** A code that cannot be billed as given; `path` is relative to the batch (`encounters.3.cpt.0.code`). */
export interface CodeProblem {
  path: string;
  message: string;
}

/** An edit that does not refuse the batch (NCCI PTP pair, units over an MUE), for the practice to see. */
export interface CodingWarning {
  /** Index of the encounter in the batch. */
  encounter: number;
  /** Machine-readable kind, e.g. NCCI_PTP, MUE. */
  kind: string;
  /** Path of the line the warning is about (`encounters.3.cpt.1`). */
  path: string;
  message: string;
}

export type TableVerdict = { known: false } | { known: true; billable: boolean; year: number };

/** The official code tables once loaded (`npm run codes:import`); without a table, only syntax is checked. */
@Injectable()
export class CodeTablesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Verdicts for `codes` against the newest loaded year of `codeSet`, or null when no table is loaded. */
  async check(codeSet: 'ICD10CM' | 'HCPCS', codes: string[]): Promise<Map<string, TableVerdict> | null> {
    const [latest] = await queryRows<{ year: number | null }>(this.dataSource, `SELECT max(year) AS year FROM code_table_entries WHERE code_set = $1`, [codeSet]);
    if (!latest?.year) return null;
    const rows = codes.length
      ? await queryRows<{ code: string; billable: boolean }>(this.dataSource, `SELECT code, billable FROM code_table_entries WHERE code_set = $1 AND year = $2 AND code = ANY($3)`, [
          codeSet,
          latest.year,
          codes,
        ])
      : [];
    const found = new Map(rows.map((row) => [row.code, row.billable]));
    return new Map(codes.map((code) => [code, found.has(code) ? { known: true, billable: found.get(code)!, year: latest.year! } : { known: false }]));
  }

  /**
   * Checks normalized encounters against the loaded tables: problems refuse the batch, warnings
   * travel with it. Without loaded tables, no problem and no warning.
   */
  async checkEncounters(encounters: CodedEncounter[]): Promise<{ problems: CodeProblem[]; warnings: CodingWarning[] }> {
    const problems: CodeProblem[] = [];
    const icd = await this.check('ICD10CM', [...new Set(encounters.flatMap((e) => e.icd10cm))]);
    const hcpcs = await this.check('HCPCS', [...new Set(encounters.flatMap((e) => e.hcpcs.map((l) => l.code)))]);
    encounters.forEach((e, i) => {
      e.icd10cm.forEach((code, k) => {
        const verdict = icd?.get(code);
        if (verdict && !verdict.known) problems.push({ path: `encounters.${i}.icd10cm.${k}`, message: `${code} is not in the loaded ICD-10-CM table: unknown code` });
        else if (verdict?.known && !verdict.billable)
          problems.push({ path: `encounters.${i}.icd10cm.${k}`, message: `${code} is a header code (category), not billable: code to the highest specificity` });
      });
      e.hcpcs.forEach((line, k) => {
        const verdict = hcpcs?.get(line.code);
        if (verdict && !verdict.known) problems.push({ path: `encounters.${i}.hcpcs.${k}.code`, message: `${line.code} is not in the loaded HCPCS Level II table` });
      });
    });
    return { problems, warnings: [] };
  }

  /** Loads (or reloads) one year of a table in one transaction. */
  async load(codeSet: 'ICD10CM' | 'HCPCS', year: number, codes: ParsedCode[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM code_table_entries WHERE code_set = $1 AND year = $2`, [codeSet, year]);
      for (let i = 0; i < codes.length; i += 5000) {
        const batch = codes.slice(i, i + 5000);
        await manager.query(
          `INSERT INTO code_table_entries (code_set, year, code, billable, description)
           SELECT $1, $2, u.code, u.billable, u.description FROM unnest($3::text[], $4::boolean[], $5::text[]) AS u(code, billable, description)`,
          [codeSet, year, batch.map((c) => c.code), batch.map((c) => c.billable), batch.map((c) => c.description)],
        );
      }
      return codes.length;
    });
  }
}
