import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContractEntity } from '../contracts/contract.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A party's review of the other after a contract ends. Double-blind: hidden (publishedAt null)
 * until both parties reviewed or 14 days passed; only then does a provider's review count in the
 * coder's rating.
 */
@Entity('reviews')
@Index('reviews_contract_side_key', ['contractId', 'authorSide'], { unique: true })
@Index('reviews_coder_published_idx', ['coderId', 'publishedAt'])
@Check('reviews_rating_check', 'rating BETWEEN 1 AND 5')
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'reviews_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'reviews_contract_id_fkey' })
  contract?: Relation<ContractEntity>;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'reviews_author_id_fkey' })
  author?: Relation<UserEntity>;

  /** provider (reviewing the coder) or coder (reviewing the practice). */
  @Column({ type: 'text' })
  authorSide: 'provider' | 'coder';

  /** The coder of the contract (whose rating a provider's review feeds). */
  @Column({ type: 'uuid' })
  coderId: string;

  @Column({ type: 'integer' })
  rating: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
