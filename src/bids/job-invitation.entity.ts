import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CoderProfileEntity } from '../coders/coder-profile.entity.js';
import { JobPostingEntity } from '../jobs/job-posting.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { InvitationStatus } from './bid-status.enum.js';

/** A provider asking a coder to bid on a posting; one per posting and coder. */
@Entity('job_invitations')
@Index('job_invitations_job_coder_key', ['jobPostingId', 'coderProfileId'], { unique: true })
@Index('job_invitations_coder_user_created_idx', ['coderUserId', 'createdAt'])
export class JobInvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'job_invitations_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  jobPostingId: string;

  @ManyToOne(() => JobPostingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_posting_id', foreignKeyConstraintName: 'job_invitations_job_posting_id_fkey' })
  jobPosting?: Relation<JobPostingEntity>;

  @Column({ type: 'uuid' })
  coderProfileId: string;

  @ManyToOne(() => CoderProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_profile_id', foreignKeyConstraintName: 'job_invitations_coder_profile_id_fkey' })
  coderProfile?: Relation<CoderProfileEntity>;

  /** The invited coder's user id (denormalized from the profile for "my invitations"). */
  @Column({ type: 'uuid' })
  coderUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coder_user_id', foreignKeyConstraintName: 'job_invitations_coder_user_id_fkey' })
  coderUser?: Relation<UserEntity>;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'job_invitations_invited_by_id_fkey' })
  invitedBy?: Relation<UserEntity>;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'enum', enum: InvitationStatus, enumName: 'invitation_status', default: InvitationStatus.PENDING })
  status: InvitationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
