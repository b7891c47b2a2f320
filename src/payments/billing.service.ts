import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError } from '../common/errors/app-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { OrganizationAccess } from '../organizations/organization-access.service.js';
import { OrganizationKind } from '../organizations/organization.enums.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { BillingCustomerEntity } from './billing-customer.entity.js';
import { GatewayEventOf, PaymentsGateway } from './gateway/payments-gateway.js';
import { applied, ignored, StripeEventResult } from './stripe-event-outcome.js';
import { StripeEventsService } from './stripe-events.service.js';

/** Told, in the transaction that saves it, that an organization has a card to charge. */
export type PaymentMethodSavedListener = (manager: EntityManager, organizationId: string) => Promise<void>;

/** Practices' Stripe Customers and saved payment methods, for invoices charged off session. */
@Injectable()
export class BillingService implements OnModuleInit {
  private readonly savedListeners: PaymentMethodSavedListener[] = [];

  constructor(
    @InjectRepository(BillingCustomerEntity) private readonly customers: Repository<BillingCustomerEntity>,
    private readonly gateway: PaymentsGateway,
    private readonly organizations: OrganizationsService,
    private readonly access: OrganizationAccess,
    private readonly events: StripeEventsService,
  ) {}

  onModuleInit(): void {
    this.events.on('setup_intent.succeeded', (event, manager) => this.onSetupSucceeded(event.data.object, manager));
  }

  /** Calls `listener` whenever a practice saves a card (e.g. to send the charges that waited for one). */
  onPaymentMethodSaved(listener: PaymentMethodSavedListener): void {
    this.savedListeners.push(listener);
  }

  /** A SetupIntent client secret to save the practice's card (owners and admins); the Customer is created once. */
  async startSetup(actor: Actor, organizationId: string): Promise<string> {
    await this.access.requireMoneyAct(actor, organizationId, 'organization.manage');
    const organization = (await this.organizations.findById(organizationId))!;
    if (organization.kind !== OrganizationKind.PROVIDER_PRACTICE) throw new BadUserInputError('organizationId must be a PROVIDER_PRACTICE', ['organizationId']);
    let customer = await this.customers.findOneBy({ organizationId });
    if (!customer) {
      const created = await this.gateway.createCustomer({ organizationId, name: organization.name }, `customer:${organizationId}`);
      try {
        await this.customers.insert({ organizationId, stripeCustomerId: created.id, defaultPaymentMethodId: null });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      customer = await this.customers.findOneByOrFail({ organizationId });
    }
    return (await this.gateway.createSetupIntent({ customerId: customer.stripeCustomerId, organizationId })).clientSecret;
  }

  /** The organizations among the uuid array parameter $1 that saved a payment method (`organization_id`), as a subquery for client reputation. */
  withPaymentMethod(): { sql: string } {
    return { sql: 'SELECT organization_id FROM billing_customers WHERE organization_id = ANY($1::uuid[]) AND default_payment_method_id IS NOT NULL' };
  }

  findCustomer(organizationId: string): Promise<BillingCustomerEntity | null> {
    return this.customers.findOneBy({ organizationId });
  }

  /** The saved card becomes the practice's default; the listeners hear of it (charges waiting for one are woken). */
  private async onSetupSucceeded(intent: GatewayEventOf<'setup_intent.succeeded'>['data']['object'], manager: EntityManager): Promise<StripeEventResult> {
    if (typeof intent.customer !== 'string') return ignored('a SetupIntent made without a customer is none of ours');
    const customer = await manager.getRepository(BillingCustomerEntity).findOneBy({ stripeCustomerId: intent.customer });
    if (!customer) return ignored(`customer ${intent.customer} is not one of ours`);
    if (typeof intent.payment_method !== 'string') return ignored('no payment method was saved');
    await manager.getRepository(BillingCustomerEntity).update({ organizationId: customer.organizationId }, { defaultPaymentMethodId: intent.payment_method });
    for (const listener of this.savedListeners) await listener(manager, customer.organizationId);
    return applied();
  }
}
