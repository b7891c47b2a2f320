import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { feeOf } from '../domain/money.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { OrganizationKind } from '../organizations/organization.enums.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { ConnectedAccount, PaymentsGateway } from './gateway/payments-gateway.js';
import { ACCOUNTS, LedgerService } from './ledger.service.js';
import { OutboxJob, OutboxOutcome, OutboxService } from '../outbox/outbox.service.js';
import { Payee, PayeeKind } from './payee.js';
import { PayoutAccountEntity } from './payout-account.entity.js';
import { applied, ignored, StripeEventResult } from './stripe-event-outcome.js';
import { StripeEventsService } from './stripe-events.service.js';

/** A transfer of what was released to a payee, to the payee's connected account. */
export interface TransferPayload {
  /** Who is paid: the coder personally, or the coding company (see `payeeOf`). */
  payee: Payee;
  amountCents: number;
  contractId: string;
  transferGroup: string;
  /** The business event paid out, e.g. `milestone:<id>`. */
  source: string;
}

declare module '../outbox/outbox.service.js' {
  interface OutboxJobPayloads {
    /** Enqueued through `queueTransfer` (escrow releases, dispute settlements), run by PayoutsService; waits for the payee's payout account, woken by account.updated. */
    'stripe.transfer': TransferPayload;
  }
}

/** The payout account columns that hold a payee. */
const holderOf = (payee: Payee) => (payee.kind === PayeeKind.ORGANIZATION ? { organizationId: payee.id } : { userId: payee.id });

/**
 * Payees' Stripe Express accounts (coders' own, and coding companies' as companies), transfers to
 * them, and their earnings as the ledger tells them.
 */
@Injectable()
export class PayoutsService implements OnModuleInit {
  constructor(
    @InjectRepository(PayoutAccountEntity) private readonly accounts: Repository<PayoutAccountEntity>,
    private readonly gateway: PaymentsGateway,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly events: StripeEventsService,
    private readonly access: OrganizationAccess,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit(): void {
    this.outbox.register('stripe.transfer', (job) => this.runTransfer(job));
    this.events.on('account.updated', (event, manager) => this.onAccountUpdated(event.data.object.id, manager));
  }

  /**
   * The payee the caller asks about: themself, or (`organizationId`) a coding company they manage
   * (OWNER or ADMIN: a MEMBER gets FORBIDDEN, a stranger NOT_FOUND). `moneyAct` also applies the
   * company's MFA policy (onboarding decides where its money goes).
   */
  async payeeFor(actor: Actor, organizationId: string | null | undefined, options: { moneyAct?: boolean } = {}): Promise<Payee> {
    if (!organizationId) return { kind: PayeeKind.USER, id: actor.id };
    if (options.moneyAct) await this.access.requireMoneyAct(actor, organizationId, 'organization.manage');
    else await this.access.require(actor, organizationId, 'organization.manage');
    if ((await this.organizations.kindOf(organizationId)) !== OrganizationKind.CODING_COMPANY) {
      throw new BadUserInputError('organizationId must be a CODING_COMPANY: practices pay, they are not paid', ['organizationId']);
    }
    return { kind: PayeeKind.ORGANIZATION, id: organizationId };
  }

  /**
   * The onboarding link for the Express account of the caller, or of a coding company they manage
   * (`organizationId`: a `company` account), creating the account the first time (idempotency key
   * per payee, plus a unique index, so two racing calls make one account). Links expire quickly and
   * are never stored.
   */
  async startOnboarding(actor: Actor, args: { returnUrl: string; refreshUrl: string; organizationId?: string | null }): Promise<string> {
    for (const name of ['returnUrl', 'refreshUrl'] as const) {
      const value = args[name];
      if (!/^https?:\/\/[^\s]+$/.test(value) || !URL.canParse(value)) throw new BadUserInputError(`${name} must be an http(s) URL`, [name]);
    }
    const payee = await this.payeeFor(actor, args.organizationId, { moneyAct: true });
    let account = await this.findAccount(payee);
    if (!account) {
      const created = await this.createAccount(actor, payee);
      try {
        await this.accounts.insert({ ...holderOf(payee), stripeAccountId: created.id, payoutsEnabled: created.payoutsEnabled, detailsSubmitted: created.detailsSubmitted });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      account = (await this.findAccount(payee))!;
    }
    return (await this.gateway.createAccountLink({ accountId: account.stripeAccountId, returnUrl: args.returnUrl, refreshUrl: args.refreshUrl })).url;
  }

  /** The payout account of the caller, or of a coding company they manage (`payeeFor`); null before onboarding starts. */
  async accountFor(actor: Actor, organizationId: string | null | undefined): Promise<PayoutAccountEntity | null> {
    return this.findAccount(await this.payeeFor(actor, organizationId));
  }

  findAccount(payee: Payee): Promise<PayoutAccountEntity | null> {
    return this.accounts.findOneBy(holderOf(payee));
  }

  /** A payee's account through the request's DataLoaders (a page of contracts asks once per kind). */
  loadAccount(loaders: RequestLoaders, payee: Payee): Promise<PayoutAccountEntity | null> {
    const column = payee.kind === PayeeKind.ORGANIZATION ? 'organizationId' : 'userId';
    return loaders
      .get<string, PayoutAccountEntity | null>(`payoutAccountBy:${column}`, async (ids) => byKeys(ids, await this.accounts.findBy({ [column]: In([...ids]) }), (account) => account[column]!))
      .load(payee.id);
  }

  /**
   * A payee's pending (escrow held on `contracts`, the ones paying this payee, net of each one's
   * frozen fee), available (released, awaiting transfer) and paid out, all from the ledger.
   */
  async earnings(payee: Payee, contracts: { id: string; platformFeeBps: number }[]): Promise<{ pendingCents: number; availableCents: number; paidOutCents: number }> {
    const held = await this.ledger.escrowHeld(contracts.map((contract) => contract.id));
    const pendingCents = contracts.reduce((sum, contract) => {
      const cents = held.get(contract.id) ?? 0;
      return sum + cents - feeOf(cents, contract.platformFeeBps);
    }, 0);
    return { pendingCents, ...(await this.ledger.payeeTotals(payee)) };
  }

  /** Queues a transfer to the payee, in the caller's transaction. */
  async queueTransfer(manager: EntityManager, payload: TransferPayload): Promise<void> {
    await this.outbox.enqueue(manager, 'stripe.transfer', `transfer:${payload.source}`, { ...payload });
  }

  /** The payee's Express account at Stripe: an individual's for a coder, a `company` for a coding company. */
  private async createAccount(actor: Actor, payee: Payee): Promise<ConnectedAccount> {
    if (payee.kind === PayeeKind.USER) return this.gateway.createExpressAccount({ email: actor.email, userId: actor.id }, `account:${actor.id}`);
    const company = (await this.organizations.findById(payee.id))!;
    return this.gateway.createCompanyAccount({ organizationId: company.id, name: company.name }, `account:organization:${company.id}`);
  }

  /** Outbox job: transfer to the payee's account once it can receive money; the payout is posted when the job is recorded done. */
  private async runTransfer(job: OutboxJob<'stripe.transfer'>): Promise<OutboxOutcome> {
    const { payload } = job;
    const account = await this.findAccount(payload.payee);
    if (!account?.payoutsEnabled) return { wait: `the ${payload.payee.kind === PayeeKind.ORGANIZATION ? 'coding company' : 'coder'} has no payout account able to receive transfers yet` };
    const transfer = await this.gateway.createTransfer(
      { amountCents: payload.amountCents, destination: account.stripeAccountId, transferGroup: payload.transferGroup, metadata: { source: payload.source, contractId: payload.contractId } },
      job.idempotencyKey,
    );
    const record = async (manager: EntityManager) => {
      await this.ledger.post(manager, {
        reference: `${job.idempotencyKey}:paid`,
        kind: 'transfer',
        contractId: payload.contractId,
        entries: [
          [ACCOUNTS.payable(payload.payee), payload.amountCents],
          [ACCOUNTS.stripeBalance, -payload.amountCents],
        ],
      });
    };
    return { done: { transferId: transfer.id }, record };
  }

  /** Re-reads the account (events may arrive out of order) and wakes its payee's waiting transfers once payouts work. */
  private async onAccountUpdated(stripeAccountId: string, manager: EntityManager): Promise<StripeEventResult> {
    const account = await manager.getRepository(PayoutAccountEntity).findOneBy({ stripeAccountId });
    if (!account) return ignored(`account ${stripeAccountId} is not one of our payees'`);
    const current = await this.gateway.retrieveAccount(stripeAccountId);
    await manager.getRepository(PayoutAccountEntity).update({ id: account.id }, { payoutsEnabled: current.payoutsEnabled, detailsSubmitted: current.detailsSubmitted });
    const payee: Payee = account.organizationId ? { kind: PayeeKind.ORGANIZATION, id: account.organizationId } : { kind: PayeeKind.USER, id: account.userId! };
    if (current.payoutsEnabled) await this.outbox.wake(manager, 'stripe.transfer', { payee });
    return applied();
  }
}
