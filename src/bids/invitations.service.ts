import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { byCreatedAt, paginate, paginateEach } from '../common/pagination/paginate.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { InvitationStatus } from './bid-status.enum.js';
import { InviteCoderArgs } from './dto/bid.inputs.js';
import { JobInvitationEntity } from './job-invitation.entity.js';

@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(JobInvitationEntity) private readonly invitations: Repository<JobInvitationEntity>,
    private readonly postings: JobPostingsService,
    private readonly access: OrganizationAccess,
    private readonly profiles: CoderProfilesService,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** A member of the posting's organization invites a coder to bid; the coder is notified. One invitation per coder and posting. */
  async invite(actor: Actor, args: InviteCoderArgs): Promise<JobInvitationEntity> {
    await this.postings.findForMemberOrFail(actor, args.jobPostingId);
    const profile = await this.profiles.findById(args.coderProfileId);
    if (!profile) throw new NotFoundError('Coder profile');
    try {
      return await this.transactions.run(async (manager) => {
        const posting = await this.postings.lockOpen(manager, args.jobPostingId);
        const invitation = await manager.getRepository(JobInvitationEntity).save({
          jobPostingId: posting.id,
          coderProfileId: profile.id,
          coderUserId: profile.userId,
          invitedById: actor.id,
          message: args.message || null,
          status: InvitationStatus.PENDING,
          respondedAt: null,
        });
        await this.notifications.notify(manager, profile.userId, NotificationKind.JOB_INVITATION, `You are invited to bid on "${posting.title}"`, {
          jobPostingId: posting.id,
          invitationId: invitation.id,
        });
        return invitation;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'job_invitations_job_coder_key')) throw new ConflictError('This coder was already invited to this posting');
      throw error;
    }
  }

  /** The invited coder declines; the inviter is notified. */
  async decline(actor: Actor, id: string): Promise<JobInvitationEntity> {
    const invitation = await this.invitations.findOneBy({ id, coderUserId: actor.id });
    if (!invitation) throw new NotFoundError('Invitation');
    return this.transactions.run(async (manager) => {
      const result = await manager.getRepository(JobInvitationEntity).update({ id, status: InvitationStatus.PENDING }, { status: InvitationStatus.DECLINED, respondedAt: new Date() });
      if (!result.affected) throw new ConflictError(`This invitation is already ${invitation.status}`);
      const posting = await this.postings.findById(invitation.jobPostingId, manager);
      await this.notifications.notifyMember(manager, invitation.invitedById, posting?.organizationId ?? null, NotificationKind.INVITATION_DECLINED, 'A coder declined your invitation', {
        jobPostingId: invitation.jobPostingId,
        invitationId: id,
      });
      return manager.getRepository(JobInvitationEntity).findOneByOrFail({ id });
    });
  }

  /** Invitations addressed to the calling coder, newest first. */
  listMine(actor: Actor, args: ConnectionArgs & { status?: InvitationStatus }): Promise<ConnectionShape<JobInvitationEntity>> {
    const query = this.invitations.createQueryBuilder('i').where('i.coder_user_id = :actor', { actor: actor.id });
    if (args.status) query.andWhere('i.status = :status', { status: args.status });
    return paginate(query, args, byCreatedAt('i', 'DESC'));
  }

  /** A posting's invitations, for members of its organization only (as its bids); through the request's DataLoaders, like a posting's bids. */
  async loadForPosting(loaders: RequestLoaders, actor: Actor | null, posting: { id: string; organizationId: string }, args: ConnectionArgs): Promise<ConnectionShape<JobInvitationEntity>> {
    await this.access.loadRequire(loaders, actor, posting.organizationId, 'organization.hire', "The posting's invitations");
    return loaders
      .get<string, ConnectionShape<JobInvitationEntity>>(`invitationsByPosting:${args.first}:${args.after ?? ''}`, (postingIds) => {
        const query = this.invitations.createQueryBuilder('i').where('i.jobPostingId IN (:...postingIds)', { postingIds });
        return paginateEach(query, { column: 'i.jobPostingId', of: (i) => i.jobPostingId, keys: postingIds }, args, byCreatedAt('i', 'DESC'));
      })
      .load(posting.id);
  }
}
