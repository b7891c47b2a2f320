import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * Every legal name a coder's profile has had (the current one included), as given: exclusion
 * screening compares them all, so a rename does not shed an excluded name. '' for a part not given.
 */
@Entity('coder_legal_names')
@Index('coder_legal_names_user_name_key', ['userId', 'firstName', 'lastName'], { unique: true })
export class CoderLegalNameEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'coder_legal_names_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'coder_legal_names_user_id_fkey' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  /** When the profile first gave this name. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
