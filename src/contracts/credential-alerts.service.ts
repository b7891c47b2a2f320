import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CredentialsService } from '../coders/credentials.service.js';
import type { CredentialEntity } from '../coders/credential.entity.js';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { eachOnItsOwn } from '../common/scheduling/each-on-its-own.js';
import { JobScheduler } from '../common/scheduling/job-scheduler.js';
import { AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/query-rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CredentialStanding } from '../domain/credential-rules.js';
import { CredentialRequirements, requirementsOf, typesMeetingGroup, unmetGroups } from '../domain/credential-requirements.js';
import { credentialLabel } from '../domain/credential-type.enum.js';
import { JobPostingsService } from '../jobs/job-postings.service.js';
import { MailService } from '../mail/mail.service.js';
import { NotificationKind } from '../notifications/notification-kind.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { UsersService } from '../users/users.service.js';
import { ContractStatus } from './contract-status.enum.js';
import { ContractEntity } from './contract.entity.js';
import { CredentialAlert } from './dto/credential-alert.model.js';

type Standing = CredentialEntity & { standing: CredentialStanding };

/** "a CPC credential" for a group of one, "a credential meeting 'any of CPC, CCS-P'" for more. */
const requirementWords = (label: string): string => (label.startsWith('any of ') ? `a credential meeting '${label}'` : `a ${label} credential`);

/**
 * The alerts of a contract, by the one rule of requirements (`unmetGroups(requirementsOf(posting), held)`,
 * as bids and matching decide): one alert per requirement group of the posting that no counting
 * credential of the coder meets now ("any of CPC, CCS-P" lapses only when neither counts; a CPC-A
 * meets "CPC" where the posting accepts apprentices). A group the coder never held a credential for
 * raises none (nothing lapsed). The alert names the credential that explains it: of those that could
 * meet the group and are not rejected, the one that stopped counting last (the lapse that left the
 * group unmet), else the first on file; without any, the last rejected one. A renewal under review
 * keeps the credential counting on its old dates, so it is no lapse until those pass.
 */
export function credentialAlertsOf(requirements: CredentialRequirements, credentials: Standing[]): CredentialAlert[] {
  const held = credentials.filter((c) => c.standing.active).map((c) => c.type);
  const alerts: CredentialAlert[] = [];
  for (const check of unmetGroups(requirements, held)) {
    const meeting = typesMeetingGroup(check.group, requirements.apprenticesAccepted);
    const candidates = credentials.filter((c) => meeting.includes(c.type) && c.standing.reason !== null);
    const live = candidates.filter((c) => c.status !== 'REJECTED');
    const lapsed = live.filter((c) => c.standing.since !== null).sort((x, y) => (x.standing.since! < y.standing.since! ? 1 : x.standing.since! > y.standing.since! ? -1 : 0));
    const shown = lapsed[0] ?? live[0] ?? candidates[candidates.length - 1];
    if (!shown) continue;
    alerts.push({
      requirement: check.label,
      credentialType: shown.type,
      label: credentialLabel(shown.type),
      reason: shown.standing.reason!,
      since: shown.standing.since,
      credentialId: shown.id,
    });
  }
  return alerts;
}

/**
 * Lapses reach the practices (issue 17, item 3). `Contract.credentialAlerts` is computed from the
 * dates at read time; the scheduled job tells the practice's managers (notification + mail through
 * the outbox) once per contract, credential and lapse: the `contract_credential_lapses` unique key
 * settles two runs, on one instance or several.
 */
@Injectable()
export class CredentialAlertsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CredentialAlertsService.name);

  constructor(
    @InjectRepository(ContractEntity) private readonly contracts: Repository<ContractEntity>,
    private readonly credentials: CredentialsService,
    private readonly postings: JobPostingsService,
    private readonly organizations: OrganizationAccess,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Lapses happen at midnight (a date passes): the credential reminder's schedule suits them too.
    this.scheduler.schedule('contracts.credential-lapses', { cron: this.config.env.CREDENTIAL_REMINDER_CRON }, () => this.notifyLapses());
  }

  /** A contract's alerts, through the request's loaders (contract lists cost a query per kind, not per contract). */
  async alertsFor(loaders: RequestLoaders, contract: { coderId: string; jobPostingId: string }): Promise<CredentialAlert[]> {
    const posting = await this.postings.loadById(loaders, contract.jobPostingId);
    const requirements = posting && requirementsOf(posting);
    if (!requirements?.groups.length) return [];
    return credentialAlertsOf(requirements, await this.credentials.loadStandings(loaders, contract.coderId));
  }

  /**
   * Tells the practice of each ACTIVE contract whose required credential expired or lost its AAPC
   * membership. Each lapse is recorded and notified in its own transaction. Returns how many were new.
   */
  async notifyLapses(): Promise<number> {
    const active = await this.contracts.find({ select: { id: true, coderId: true, jobPostingId: true, organizationId: true }, where: { status: ContractStatus.ACTIVE } });
    const postings = new Map<string, { requirements: CredentialRequirements; postedById: string; title: string }>();
    for (const id of new Set(active.map((c) => c.jobPostingId))) {
      const posting = await this.postings.findById(id);
      if (posting) postings.set(id, { requirements: requirementsOf(posting), postedById: posting.postedById, title: posting.title });
    }
    const withRequirements = active.filter((c) => postings.get(c.jobPostingId)?.requirements.groups.length);
    const standings = await this.credentials.standingsForCoders(withRequirements.map((c) => c.coderId));
    const lapses = withRequirements.flatMap((contract) =>
      credentialAlertsOf(postings.get(contract.jobPostingId)!.requirements, standings.get(contract.coderId) ?? [])
        .filter((alert) => alert.since !== null && alert.credentialId !== null)
        .map((alert) => ({ contract, alert })),
    );
    return eachOnItsOwn(
      lapses,
      ({ contract, alert }) => `credential lapse ${alert.credentialId} on contract ${contract.id}`,
      ({ contract, alert }) =>
        this.transactions.run(async (manager) => {
          const [lapse] = await queryRows<{ id: string }>(
            manager,
            `INSERT INTO contract_credential_lapses (contract_id, credential_id, credential_type, lapsed_on) VALUES ($1, $2, $3, $4)
             ON CONFLICT (contract_id, credential_id, lapsed_on) DO NOTHING RETURNING id`,
            [contract.id, alert.credentialId, alert.credentialType, alert.since],
          );
          if (!lapse) return false; // told already (an earlier run, or another instance)
          const posting = postings.get(contract.jobPostingId)!;
          const managers = await this.organizations.managersOf(manager, contract.organizationId);
          const recipients = [...new Set([posting.postedById, ...managers])];
          const message = `The coder's ${alert.label} credential no longer counts (${alert.reason} since ${alert.since}), and the contract for "${posting.title}" requires ${requirementWords(alert.requirement)}`;
          const data = { contractId: contract.id, credentialId: alert.credentialId!, credentialType: alert.credentialType, lapsedOn: alert.since! };
          for (const userId of recipients) {
            if (!(await this.organizations.isActiveMember(userId, contract.organizationId, manager))) continue;
            await this.notifications.notify(manager, userId, NotificationKind.CREDENTIAL_LAPSED, message, data);
            const user = await this.users.findById(userId, manager);
            if (user) {
              await this.mail.enqueue(manager, `credential-lapsed:${lapse.id}:${userId}`, user.email, 'credential-lapsed', {
                contractId: contract.id,
                credentialType: alert.label,
                lapsedOn: alert.since!,
                reason: alert.reason,
              });
            }
          }
          return true;
        }),
      this.logger,
    );
  }
}
