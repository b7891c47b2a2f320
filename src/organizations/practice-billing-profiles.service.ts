import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { BadUserInputError } from '../common/errors/app-error.js';
import { zipDigits } from '../domain/us-postal.js';
import { PracticeBillingProfileInput } from './dto/practice-billing-profile.input.js';
import { PracticeBillingProfile } from './dto/practice-billing-profile.model.js';
import { OrganizationAccess } from './organization-access.service.js';
import { OrganizationKind } from './organization.enums.js';
import { OrganizationsService } from './organizations.service.js';
import { PracticeBillingProfileEntity } from './practice-billing-profile.entity.js';

/** A practice's billing details for 837P files: set by its OWNERs and ADMINs, read by its members and by the claim export. */
@Injectable()
export class PracticeBillingProfilesService {
  constructor(
    @InjectRepository(PracticeBillingProfileEntity) private readonly profiles: Repository<PracticeBillingProfileEntity>,
    private readonly access: OrganizationAccess,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Creates or replaces the profile (`organization.manage`); a coding company has none (BAD_USER_INPUT). */
  async set(actor: Actor, organizationId: string, input: PracticeBillingProfileInput): Promise<PracticeBillingProfileEntity> {
    await this.access.require(actor, organizationId, 'organization.manage');
    if ((await this.organizations.kindOf(organizationId)) !== OrganizationKind.PROVIDER_PRACTICE) {
      throw new BadUserInputError('organizationId: only a PROVIDER_PRACTICE has a billing profile', ['organizationId']);
    }
    const row = {
      organizationId,
      line1: input.address.line1,
      line2: input.address.line2 ?? null,
      city: input.address.city,
      state: input.address.state,
      zip: zipDigits(input.address.zip),
      ein: input.ein.replace('-', ''),
      taxonomy: input.taxonomy ?? null,
      billingName: input.billingName ?? null,
      contactName: input.contactName,
      contactPhone: input.contactPhone.replace(/\D/g, ''),
      contactEmail: input.contactEmail ?? null,
      submitterId: input.submitterId,
      clearinghouseName: input.clearinghouseName,
      clearinghouseId: input.clearinghouseId,
    };
    // One statement: two concurrent saves leave one whole profile, never a mix.
    await this.profiles.upsert(row, ['organizationId']);
    return this.profiles.findOneByOrFail({ organizationId });
  }

  /** The profile for the practice's members (`organization.read`), null until set. */
  async getForMember(actor: Actor, organizationId: string): Promise<PracticeBillingProfileEntity | null> {
    await this.access.require(actor, organizationId, 'organization.read');
    return this.profiles.findOneBy({ organizationId });
  }

  /** The profile for a caller that already checked access (the claim export). */
  findByOrganization(organizationId: string): Promise<PracticeBillingProfileEntity | null> {
    return this.profiles.findOneBy({ organizationId });
  }
}

export const toPracticeBillingProfile = (row: PracticeBillingProfileEntity): PracticeBillingProfile => ({
  organizationId: row.organizationId,
  address: { line1: row.line1, line2: row.line2, city: row.city, state: row.state, zip: row.zip },
  ein: row.ein,
  taxonomy: row.taxonomy,
  billingName: row.billingName,
  contactName: row.contactName,
  contactPhone: row.contactPhone,
  contactEmail: row.contactEmail,
  submitterId: row.submitterId,
  clearinghouseName: row.clearinghouseName,
  clearinghouseId: row.clearinghouseId,
  updatedAt: row.updatedAt,
});
