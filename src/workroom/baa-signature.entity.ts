import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** One party's signature of the Business Associate Agreement on a contract. */
@Entity('baa_signatures')
@Index('baa_signatures_contract_party_key', ['contractId', 'party'], { unique: true })
export class BaaSignatureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'baa_signatures_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'baa_signatures_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  /** provider (the covered entity) or coder (the business associate, or the coding company for its coder). */
  @Column({ type: 'text' })
  party: 'provider' | 'coder';

  @Column({ type: 'uuid' })
  signerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signer_id', foreignKeyConstraintName: 'baa_signatures_signer_id_fkey' })
  signer?: Relation<UserEntity>;

  /** The version signed (`CURRENT_BAA.version` at the time). */
  @Column({ type: 'text' })
  agreementVersion: string;

  /** SHA-256 (hex) of the text signed; null on signatures recorded before the text was served with its hash. */
  @Column({ type: 'text', nullable: true })
  agreementSha256: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  signedAt: Date;
}
