import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { LeieMatchKind, MatchedName, ScreeningDetail } from '../domain/leie.js';
import { UserEntity } from '../users/user.entity.js';

/** One row of the imported OIG LEIE file (the whole table is replaced by each import). */
@Entity('leie_exclusions')
@Index('leie_exclusions_npi_idx', ['npi'], { where: 'npi IS NOT NULL' })
@Index('leie_exclusions_name_key_idx', ['nameKey'], { where: 'name_key IS NOT NULL' })
// GIN, written by hand in the migration (TypeORM cannot declare it).
@Index('leie_exclusions_last_name_parts_idx', { synchronize: false })
export class LeieExclusionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'leie_exclusions_pkey' })
  id: string;

  /** A hash of the row's identifying fields (see domain/leie.ts); not unique: the file repeats some rows. */
  @Column({ type: 'text' })
  entryKey: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  middleName: string;

  @Column({ type: 'text' })
  businessName: string;

  @Column({ type: 'text' })
  general: string;

  @Column({ type: 'text' })
  specialty: string;

  /** Normalized `LAST|FIRST`; null for entities. */
  @Column({ type: 'text', nullable: true })
  nameKey: string | null;

  /** The normalized last name and its parts (`lastNameParts`); empty for entities. Candidates are looked up by it. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  lastNameParts: string[];

  @Column({ type: 'text', nullable: true })
  npi: string | null;

  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'text', nullable: true })
  state: string | null;

  @Column({ type: 'text' })
  exclusionType: string;

  @Column({ type: 'date', nullable: true })
  excludedOn: string | null;

  @Column({ type: 'date', nullable: true })
  reinstatedOn: string | null;

  @Column({ type: 'date', nullable: true })
  waiverOn: string | null;
}

/** Each import of the LEIE file: when, which file date, how many rows. The newest is the one loaded. */
@Entity('leie_imports')
export class LeieImportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'leie_imports_pkey' })
  id: string;

  /** The date the OIG published the file (from `--date`, else the file's modification date). */
  @Column({ type: 'date' })
  fileDate: string;

  @Column({ type: 'integer' })
  rowCount: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  importedAt: Date;
}

export enum ScreeningHoldStatus {
  /** Awaiting an admin's review; the profile is held. */
  OPEN = 'OPEN',
  /** A false positive, cleared by an admin with a note. */
  CLEARED = 'CLEARED',
  /** The coder is the excluded person: the profile stays held. */
  CONFIRMED = 'CONFIRMED',
}

/** How a hold's match was made, for the admin: the name that matched and the details compared. */
export interface ScreeningHoldEvidence {
  /** The coder's name that matched; null when only the NPI did. */
  name: MatchedName | null;
  agreeing: ScreeningDetail[];
  differing: ScreeningDetail[];
}

/**
 * A coder matched an LEIE entry. The entry is copied (`entry`), so the review still shows it after
 * the next import replaces the table. At most one live (OPEN or CONFIRMED) hold per coder and entry;
 * once cleared, the entry is raised again for the coder only by a stronger match kind (the cleared
 * hold stays, as history).
 */
@Entity('screening_holds')
@Index('screening_holds_coder_entry_live_key', ['coderId', 'entryKey'], { unique: true, where: `status IN ('OPEN', 'CONFIRMED')` })
@Index('screening_holds_coder_entry_idx', ['coderId', 'entryKey'])
@Index('screening_holds_status_created_idx', ['status', 'createdAt'])
export class ScreeningHoldEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'screening_holds_pkey' })
  id: string;

  /** The coder (user id). */
  @Column({ type: 'uuid' })
  coderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_id', foreignKeyConstraintName: 'screening_holds_coder_id_fkey' })
  coder?: Relation<UserEntity>;

  @Column({ type: 'text' })
  entryKey: string;

  @Column({ type: 'enum', enum: LeieMatchKind, enumName: 'leie_match_kind' })
  matchKind: LeieMatchKind;

  /** The LEIE row as it was matched (names, NPI, birth date, state, exclusion type and dates). */
  @Column({ type: 'jsonb' })
  entry: Record<string, string | null>;

  /** What the coder's profile said when it matched (the names, NPI, birth date, state compared). */
  @Column({ type: 'jsonb' })
  subject: Record<string, string | null>;

  /** The name that matched and how, the details that agree and those that differ (`{}` for holds raised before it was recorded). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  evidence: Partial<ScreeningHoldEvidence>;

  @Column({ type: 'enum', enum: ScreeningHoldStatus, enumName: 'screening_hold_status', default: ScreeningHoldStatus.OPEN })
  status: ScreeningHoldStatus;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by_id', foreignKeyConstraintName: 'screening_holds_resolved_by_id_fkey' })
  resolvedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/**
 * The monthly screen, claimed once per month across instances (the primary key settles the race);
 * a run that never finished is taken over after its lease (see `ScreeningService.runMonthly`).
 */
@Entity('screening_runs')
export class ScreeningRunEntity {
  /** `YYYY-MM` (UTC). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'screening_runs_pkey' })
  period: string;

  @Column({ type: 'timestamptz', precision: 3 })
  startedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  screenedCount: number | null;

  @Column({ type: 'integer', nullable: true })
  heldCount: number | null;
}
