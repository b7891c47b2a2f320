import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../../database/query-rows.js';
import type { CodedEncounter, CodedLine } from '../coded-batch.entity.js';
import {
  CodeFileIdentity,
  CodeFileKind,
  identifyCodeFile,
  MueValue,
  ParsedCode,
  parseHcpcsFile,
  parseIcd10CmOrderFile,
  parseIcd10PcsOrderFile,
  parseMueFile,
  parsePtpFile,
  PtpEdit,
} from './code-table-files.js';
import { CodingWarning, CodingWarningKind, NCCI_ASSOCIATED_MODIFIERS } from './coding-warning.js';

/** A code that cannot be billed as given; `path` is relative to the batch (`encounters.3.cpt.0.code`). */
export interface CodeProblem {
  path: string;
  message: string;
}

/** The code sets whose entries live in code_table_entries. */
export type CodeSet = 'ICD10CM' | 'ICD10PCS' | 'HCPCS' | 'HCPCS_MODIFIER';

/** Dates of service a table version covers (YYYY-MM-DD, inclusive; `to` null: open). */
export interface TableWindow {
  from: string;
  to: string | null;
}

export interface ImportSummary extends CodeFileIdentity {
  /** Rows loaded per table (HCPCS files load HCPCS and HCPCS_MODIFIER). */
  loaded: Partial<Record<CodeSet | 'NCCI_PTP' | 'MUE', number>>;
}

interface Entry {
  codeSet: string;
  effectiveFrom: string;
  code: string;
  billable: boolean;
  validFrom: string | null;
  validTo: string | null;
}

const SET_NAMES: Record<CodeSet, string> = { ICD10CM: 'ICD-10-CM', ICD10PCS: 'ICD-10-PCS', HCPCS: 'HCPCS Level II', HCPCS_MODIFIER: 'HCPCS modifier' };
const key = (...parts: string[]) => parts.join('|');

/**
 * The official code tables once loaded (`npm run codes:import`), each version with the dates of
 * service it is in force for. A code is checked against the version in force on its encounter's
 * service date; when no version of a set covers that date, only its syntax is checked.
 */
@Injectable()
export class CodeTablesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Checks normalized encounters against the tables in force on each service date: problems refuse
   * the batch (unknown, header, not yet added or terminated codes and modifiers), warnings travel
   * with it (NCCI PTP pairs, units over an MUE). Without loaded tables, no problem and no warning.
   */
  async checkEncounters(encounters: CodedEncounter[]): Promise<{ problems: CodeProblem[]; warnings: CodingWarning[] }> {
    const days = [...new Set(encounters.map((e) => e.serviceDate).filter((day): day is string => !!day))];
    if (!days.length) return { problems: [], warnings: [] };
    const versions = await queryRows<{ day: string; codeSet: string; effectiveFrom: string }>(
      this.dataSource,
      `SELECT DISTINCT ON (d.day, v.code_set) d.day::text AS day, v.code_set AS "codeSet", v.effective_from::text AS "effectiveFrom"
         FROM unnest($1::date[]) AS d(day)
         JOIN code_table_versions v ON v.effective_from <= d.day AND (v.effective_to IS NULL OR d.day <= v.effective_to)
        ORDER BY d.day, v.code_set, v.effective_from DESC`,
      [days],
    );
    const inForce = new Map(versions.map((v) => [key(v.codeSet, v.day), v.effectiveFrom]));
    const version = (set: string, day: string | undefined) => (day ? inForce.get(key(set, day)) : undefined);

    const problems = await this.checkCodes(encounters, version);
    const warnings = [...(await this.ptpWarnings(encounters, version)), ...(await this.mueWarnings(encounters, version))];
    warnings.sort((a, b) => a.encounter - b.encounter || a.path.localeCompare(b.path, 'en', { numeric: true }));
    return { problems, warnings };
  }

  private async checkCodes(encounters: CodedEncounter[], version: (set: string, day: string | undefined) => string | undefined): Promise<CodeProblem[]> {
    // Every (set, code, path) to look up, against the version in force on its encounter's date.
    const lookups: { set: CodeSet; code: string; path: string; day: string; from: string }[] = [];
    encounters.forEach((e, i) => {
      const add = (set: CodeSet, code: string, path: string) => {
        const from = version(set, e.serviceDate);
        if (from) lookups.push({ set, code, path, day: e.serviceDate!, from });
      };
      e.icd10cm.forEach((code, k) => add('ICD10CM', code, `encounters.${i}.icd10cm.${k}`));
      e.icd10pcs.forEach((code, k) => add('ICD10PCS', code, `encounters.${i}.icd10pcs.${k}`));
      const lines = (list: CodedLine[], field: string, codeSet: CodeSet | null) =>
        list.forEach((line, k) => {
          if (codeSet) add(codeSet, line.code, `encounters.${i}.${field}.${k}.code`);
          // Level II modifiers (a letter first: LT, XU, E1) are in the HCPCS file; CPT's own (25, 59, 1P) are checked by syntax only.
          line.modifiers.forEach((modifier, m) => /^[A-Z]/.test(modifier) && add('HCPCS_MODIFIER', modifier, `encounters.${i}.${field}.${k}.modifiers.${m}`));
        });
      lines(e.cpt, 'cpt', null); // CPT is licensed by the AMA: syntax only
      lines(e.hcpcs, 'hcpcs', 'HCPCS');
    });
    if (!lookups.length) return [];
    const distinct = [...new Map(lookups.map((l) => [key(l.set, l.from, l.code), l])).values()];
    const rows = await queryRows<Entry>(
      this.dataSource,
      `SELECT e.code_set AS "codeSet", e.effective_from::text AS "effectiveFrom", e.code, e.billable, e.valid_from::text AS "validFrom", e.valid_to::text AS "validTo"
         FROM unnest($1::text[], $2::date[], $3::text[]) AS q(code_set, effective_from, code)
         JOIN code_table_entries e ON e.code_set = q.code_set AND e.effective_from = q.effective_from AND e.code = q.code`,
      [distinct.map((l) => l.set), distinct.map((l) => l.from), distinct.map((l) => l.code)],
    );
    const found = new Map(rows.map((row) => [key(row.codeSet, row.effectiveFrom, row.code), row]));
    const problems: CodeProblem[] = [];
    for (const { set, code, path, day, from } of lookups) {
      const entry = found.get(key(set, from, code));
      const table = `the ${SET_NAMES[set]} table in force on ${day} (from ${from})`;
      if (!entry) problems.push({ path, message: `${code} is not in ${table}: unknown code` });
      else if (!entry.billable) problems.push({ path, message: `${code} is a header code (category), not billable: code to the highest specificity` });
      else if (entry.validFrom && day < entry.validFrom) problems.push({ path, message: `${code} is valid from ${entry.validFrom} in ${table}: not yet in effect on the service date ${day}` });
      else if (entry.validTo && day > entry.validTo) problems.push({ path, message: `${code} was terminated on ${entry.validTo} in ${table}: not valid on the service date ${day}` });
    }
    return problems;
  }

  /** Column 1 / column 2 pairs of an encounter (one date of service) that an NCCI PTP edit in force bundles. */
  private async ptpWarnings(encounters: CodedEncounter[], version: (set: string, day: string | undefined) => string | undefined): Promise<CodingWarning[]> {
    const pairs: { encounter: number; from: string; column1: string; column2: string }[] = [];
    encounters.forEach((e, i) => {
      const from = version('NCCI_PTP', e.serviceDate);
      const codes = [...new Set(billedLines(e, i).map((l) => l.line.code))];
      if (from) for (const column1 of codes) for (const column2 of codes) if (column1 !== column2) pairs.push({ encounter: i, from, column1, column2 });
    });
    if (!pairs.length) return [];
    const edits = await queryRows<{ effectiveFrom: string; column1: string; column2: string; editFrom: string; editTo: string | null; modifierIndicator: number; rationale: string }>(
      this.dataSource,
      `SELECT n.effective_from::text AS "effectiveFrom", n.column1, n.column2, n.edit_from::text AS "editFrom", n.edit_to::text AS "editTo", n.modifier_indicator AS "modifierIndicator", n.rationale
         FROM unnest($1::date[], $2::text[], $3::text[]) AS q(effective_from, column1, column2)
         JOIN ncci_ptp_edits n ON n.effective_from = q.effective_from AND n.column1 = q.column1 AND n.column2 = q.column2`,
      [pairs.map((p) => p.from), pairs.map((p) => p.column1), pairs.map((p) => p.column2)],
    );
    const byPair = new Map(edits.map((edit) => [key(edit.effectiveFrom, edit.column1, edit.column2), edit]));
    const warnings: CodingWarning[] = [];
    for (const pair of pairs) {
      const e = encounters[pair.encounter];
      const day = e.serviceDate!;
      const edit = byPair.get(key(pair.from, pair.column1, pair.column2));
      if (!edit || edit.modifierIndicator === 9 || day < edit.editFrom || (edit.editTo && day > edit.editTo)) continue;
      // The column 2 line(s) the edit denies: every one when no modifier may bypass it, else those without an NCCI-associated modifier.
      const denied = billedLines(e, pair.encounter).filter(({ line }) => line.code === edit.column2 && (edit.modifierIndicator === 0 || !line.modifiers.some((m) => NCCI_ASSOCIATED_MODIFIERS.has(m))));
      for (const { path } of denied)
        warnings.push({
          encounter: pair.encounter,
          chartRef: e.chartRef,
          kind: CodingWarningKind.NCCI_PTP,
          codes: [edit.column1, edit.column2],
          path,
          message: `NCCI PTP edit: ${edit.column2} is a column 2 code of ${edit.column1} on the same date (${edit.rationale}); ${
            edit.modifierIndicator === 0 ? 'no modifier bypasses this edit' : 'without an NCCI-associated modifier (59, XE, XS, XP, XU, anatomic, ...) it is denied'
          }`,
        });
    }
    return warnings;
  }

  /** Units of a code over its practitioner MUE: per line (indicator 1) or summed over the encounter's date (2, 3). */
  private async mueWarnings(encounters: CodedEncounter[], version: (set: string, day: string | undefined) => string | undefined): Promise<CodingWarning[]> {
    const wanted = encounters.flatMap((e, i) => {
      const from = version('MUE', e.serviceDate);
      return from ? billedLines(e, i).map(({ line }) => ({ from, code: line.code })) : [];
    });
    if (!wanted.length) return [];
    const rows = await queryRows<{ effectiveFrom: string; code: string; maxUnits: number; adjudicationIndicator: number; rationale: string }>(
      this.dataSource,
      `SELECT DISTINCT m.effective_from::text AS "effectiveFrom", m.code, m.max_units AS "maxUnits", m.adjudication_indicator AS "adjudicationIndicator", m.rationale
         FROM unnest($1::date[], $2::text[]) AS q(effective_from, code)
         JOIN mue_values m ON m.effective_from = q.effective_from AND m.code = q.code`,
      [wanted.map((w) => w.from), wanted.map((w) => w.code)],
    );
    const mues = new Map(rows.map((row) => [key(row.effectiveFrom, row.code), row]));
    const warnings: CodingWarning[] = [];
    encounters.forEach((e, i) => {
      const from = version('MUE', e.serviceDate);
      if (!from) return;
      const lines = billedLines(e, i);
      for (const code of new Set(lines.map(({ line }) => line.code))) {
        const mue = mues.get(key(from, code));
        if (!mue) continue;
        const ofCode = lines.filter(({ line }) => line.code === code);
        const over =
          mue.adjudicationIndicator === 1 ? ofCode.filter(({ line }) => line.units > mue.maxUnits) : ofCode.reduce((sum, { line }) => sum + line.units, 0) > mue.maxUnits ? ofCode.slice(0, 1) : [];
        const units = mue.adjudicationIndicator === 1 ? 'on one line' : 'on one date of service';
        for (const { path, line } of over)
          warnings.push({
            encounter: i,
            chartRef: e.chartRef,
            kind: CodingWarningKind.MUE,
            codes: [code],
            path,
            message: `MUE: ${code} allows at most ${mue.maxUnits} unit(s) ${units} (${mue.rationale}); ${mue.adjudicationIndicator === 1 ? line.units : ofCode.reduce((s, l) => s + l.line.units, 0)} billed`,
          });
      }
    });
    return warnings;
  }

  /** Identifies an official file (identifyCodeFile), parses it and loads it: what `npm run codes:import` runs. */
  async importFile(name: string, text: string, overrides: { set?: string; effective?: string } = {}): Promise<ImportSummary> {
    const identity = identifyCodeFile(name, text, overrides);
    const window = { from: identity.effectiveFrom, to: identity.effectiveTo };
    const source = name.split(/[\\/]/).pop()!;
    const loaded: ImportSummary['loaded'] = {};
    const kind: CodeFileKind = identity.kind;
    if (kind === 'ICD10CM') loaded.ICD10CM = await this.load('ICD10CM', window, parseIcd10CmOrderFile(text), source);
    else if (kind === 'ICD10PCS') loaded.ICD10PCS = await this.load('ICD10PCS', window, parseIcd10PcsOrderFile(text), source);
    else if (kind === 'HCPCS') {
      const file = parseHcpcsFile(text);
      await this.dataSource.transaction(async (manager) => {
        loaded.HCPCS = await this.loadEntries(manager, 'HCPCS', window, file.procedures, source);
        if (file.modifiers.length) loaded.HCPCS_MODIFIER = await this.loadEntries(manager, 'HCPCS_MODIFIER', window, file.modifiers, source);
      });
    } else if (kind === 'NCCI_PTP') loaded.NCCI_PTP = await this.loadPtpEdits(window, parsePtpFile(text), source);
    else loaded.MUE = await this.loadMues(window, parseMueFile(text), source);
    return { ...identity, loaded };
  }

  /** Loads (or reloads) one version of a code table in one transaction. */
  load(codeSet: CodeSet, window: TableWindow, codes: ParsedCode[], source = 'unnamed'): Promise<number> {
    return this.dataSource.transaction((manager) => this.loadEntries(manager, codeSet, window, codes, source));
  }

  /** Loads (or reloads) one quarter of NCCI practitioner PTP edits in one transaction. */
  loadPtpEdits(window: TableWindow, edits: PtpEdit[], source = 'unnamed'): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.replaceVersion(manager, 'NCCI_PTP', window, edits.length, source);
      for (let i = 0; i < edits.length; i += 5000) {
        const batch = edits.slice(i, i + 5000);
        await manager.query(
          `INSERT INTO ncci_ptp_edits (effective_from, column1, column2, edit_from, edit_to, modifier_indicator, rationale)
           SELECT $1, u.column1, u.column2, u.edit_from, u.edit_to, u.modifier_indicator, u.rationale
             FROM unnest($2::text[], $3::text[], $4::date[], $5::date[], $6::smallint[], $7::text[]) AS u(column1, column2, edit_from, edit_to, modifier_indicator, rationale)
           ON CONFLICT (effective_from, column1, column2) DO UPDATE SET edit_from = excluded.edit_from, edit_to = excluded.edit_to, modifier_indicator = excluded.modifier_indicator, rationale = excluded.rationale`,
          [
            window.from,
            batch.map((e) => e.column1),
            batch.map((e) => e.column2),
            batch.map((e) => e.editFrom),
            batch.map((e) => e.editTo),
            batch.map((e) => e.modifierIndicator),
            batch.map((e) => e.rationale),
          ],
        );
      }
      return edits.length;
    });
  }

  /** Loads (or reloads) one quarter of practitioner MUEs in one transaction. */
  loadMues(window: TableWindow, values: MueValue[], source = 'unnamed'): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.replaceVersion(manager, 'MUE', window, values.length, source);
      for (let i = 0; i < values.length; i += 5000) {
        const batch = values.slice(i, i + 5000);
        await manager.query(
          `INSERT INTO mue_values (effective_from, code, max_units, adjudication_indicator, rationale)
           SELECT $1, u.code, u.max_units, u.adjudication_indicator, u.rationale
             FROM unnest($2::text[], $3::integer[], $4::smallint[], $5::text[]) AS u(code, max_units, adjudication_indicator, rationale)
           ON CONFLICT (effective_from, code) DO UPDATE SET max_units = excluded.max_units, adjudication_indicator = excluded.adjudication_indicator, rationale = excluded.rationale`,
          [window.from, batch.map((v) => v.code), batch.map((v) => v.maxUnits), batch.map((v) => v.adjudicationIndicator), batch.map((v) => v.rationale)],
        );
      }
      return values.length;
    });
  }

  private async loadEntries(manager: EntityManager, codeSet: CodeSet, window: TableWindow, codes: ParsedCode[], source: string): Promise<number> {
    await this.replaceVersion(manager, codeSet, window, codes.length, source);
    for (let i = 0; i < codes.length; i += 5000) {
      const batch = codes.slice(i, i + 5000);
      await manager.query(
        `INSERT INTO code_table_entries (code_set, effective_from, code, billable, description, valid_from, valid_to)
         SELECT $1, $2, u.code, u.billable, u.description, u.valid_from, u.valid_to
           FROM unnest($3::text[], $4::boolean[], $5::text[], $6::date[], $7::date[]) AS u(code, billable, description, valid_from, valid_to)
         ON CONFLICT (code_set, effective_from, code) DO UPDATE SET billable = excluded.billable, description = excluded.description, valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
        [codeSet, window.from, batch.map((c) => c.code), batch.map((c) => c.billable), batch.map((c) => c.description), batch.map((c) => c.validFrom ?? null), batch.map((c) => c.validTo ?? null)],
      );
    }
    return codes.length;
  }

  /** Deletes the version starting on `window.from` (and its rows) and records it anew, under a lock so two loads of it queue. */
  private async replaceVersion(manager: EntityManager, codeSet: string, window: TableWindow, count: number, source: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('code_table_versions'), hashtext($1 || $2))`, [codeSet, window.from]);
    await manager.query(`DELETE FROM code_table_versions WHERE code_set = $1 AND effective_from = $2`, [codeSet, window.from]);
    if (codeSet === 'NCCI_PTP') await manager.query(`DELETE FROM ncci_ptp_edits WHERE effective_from = $1`, [window.from]);
    else if (codeSet === 'MUE') await manager.query(`DELETE FROM mue_values WHERE effective_from = $1`, [window.from]);
    else await manager.query(`DELETE FROM code_table_entries WHERE code_set = $1 AND effective_from = $2`, [codeSet, window.from]);
    await manager.query(`INSERT INTO code_table_versions (code_set, effective_from, effective_to, source, entry_count) VALUES ($1, $2, $3, $4, $5)`, [codeSet, window.from, window.to, source, count]);
  }
}

/** The billed lines of an encounter (CPT and HCPCS) with their paths relative to the batch. */
function billedLines(e: CodedEncounter, i: number): { line: CodedLine; path: string }[] {
  const lines = (list: CodedLine[], field: string) => list.map((line, k) => ({ line, path: `encounters.${i}.${field}.${k}` }));
  return [...lines(e.cpt, 'cpt'), ...lines(e.hcpcs, 'hcpcs')];
}
