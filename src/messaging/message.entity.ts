import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A message between a contract's parties (no PHI: charts are referenced by id). */
@Entity('messages')
@Index('messages_contract_created_idx', ['contractId', 'createdAt'])
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'messages_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'messages_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'uuid' })
  senderId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sender_id', foreignKeyConstraintName: 'messages_sender_id_fkey' })
  sender?: Relation<UserEntity>;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
