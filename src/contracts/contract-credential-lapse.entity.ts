import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CredentialEntity } from '../coders/credential.entity.js';
import { CredentialType } from '../domain/credential-type.enum.js';
import { ContractEntity } from './contract.entity.js';

/**
 * The practice of an ACTIVE contract was told that a credential its posting required stopped counting
 * (expired, or AAPC membership lapsed) on `lapsedOn`. One row per contract, credential and lapse
 * (unique), so the lapse job notifies once however often and on however many instances it runs; a
 * renewed credential that lapses again later is a new lapse.
 */
@Entity('contract_credential_lapses')
@Index('contract_credential_lapses_key', ['contractId', 'credentialId', 'lapsedOn'], { unique: true })
export class ContractCredentialLapseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'contract_credential_lapses_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_credential_lapses_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'uuid' })
  credentialId: string;

  @ManyToOne(() => CredentialEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credential_id', foreignKeyConstraintName: 'contract_credential_lapses_credential_id_fkey' })
  credential?: Relation<CredentialEntity>;

  @Column({ type: 'enum', enum: CredentialType, enumName: 'credential_type' })
  credentialType: CredentialType;

  /** The first day the credential no longer counted. */
  @Column({ type: 'date' })
  lapsedOn: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
