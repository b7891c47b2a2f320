import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { requireVerifiedEmail } from '../../common/auth/verified-email.guard.js';
import { ConflictError, NotFoundError } from '../../common/errors/app-error.js';
import { queryRows } from '../../database/query-rows.js';
import { OrganizationsService } from '../../organizations/organizations.service.js';
import { PracticeBillingProfilesService } from '../../organizations/practice-billing-profiles.service.js';
import { AuditContext } from '../audit-log.service.js';
import { CodedBatchEntity, CodedBatchStatus } from '../coded-batch.entity.js';
import { CodedBatchesService } from '../coded-batches.service.js';
import { WorkroomAccessService } from '../workroom-access.service.js';
import { CodedBatchExportFormat } from './dto/encounter-claim-data.model.js';
import { EncounterClaimDataService } from './encounter-claim-data.service.js';
import { claimProblems, write837P, X12BillingProvider, X12Claim } from './x12-837p.js';
import { X12_TEXT } from '../../domain/us-postal.js';

/**
 * `codedBatchExport`: CSV for either party (as `codedBatchCsv`), or an 837P claim file for the
 * practice (`contract.accept-work`, audited as a PHI read: it holds the patients' demographics) of an
 * ACCEPTED batch whose every encounter has claim data. ChartBridge sends nothing: the file is for the
 * practice's own clearinghouse.
 */
@Injectable()
export class CodedBatchExportService {
  constructor(
    @InjectRepository(CodedBatchEntity) private readonly batches: Repository<CodedBatchEntity>,
    private readonly codedBatches: CodedBatchesService,
    private readonly claimData: EncounterClaimDataService,
    private readonly access: WorkroomAccessService,
    private readonly organizations: OrganizationsService,
    private readonly billingProfiles: PracticeBillingProfilesService,
  ) {}

  async export(actor: Actor, batchId: string, format: CodedBatchExportFormat, context: AuditContext): Promise<string> {
    if (format === CodedBatchExportFormat.CSV) return this.codedBatches.csv(actor, batchId, context);
    requireVerifiedEmail(actor);
    // Only what the file needs: the batch's chart keys (500 HMACs in a text[]), its sealed warnings and
    // review comments would each be parsed or decrypted on every export for nothing.
    const batch = await this.batches.findOne({ where: { id: batchId }, select: { id: true, contractId: true, status: true, encounters: true } });
    if (!batch) throw new NotFoundError('Coded batch');
    const contract = await this.access.require(actor, batch.contractId, { mode: 'read', permission: 'contract.accept-work', subject: 'Coded batch' }, context, {
      subjectType: 'batch',
      subjectId: batchId,
      action: 'EXPORT_837P',
    });
    if (batch.status !== CodedBatchStatus.ACCEPTED) throw new ConflictError(`This batch is ${batch.status}: only an ACCEPTED batch (approved work) is exported as a claim file`);
    const organization = (await this.organizations.findById(contract.organizationId))!;
    const profile = await this.billingProfiles.findByOrganization(organization.id);
    if (!profile) throw new ConflictError('The practice has no billing profile: set it first (setPracticeBillingProfile)');

    const payloads = await this.claimData.payloadsOf(batchId);
    const claims: X12Claim[] = [];
    const problems: { chartRef: string; problem: string }[] = [];
    batch.encounters.forEach((encounter, i) => {
      const data = payloads.get(i);
      const billingNpi = encounter.billingNpi ?? organization.npi;
      if (!data) problems.push({ chartRef: encounter.chartRef, problem: 'has no claim data (setEncounterClaimData)' });
      if (!billingNpi) problems.push({ chartRef: encounter.chartRef, problem: 'has no billing NPI (neither its billingNpi nor the practice NPI)' });
      if (!data || !billingNpi) return;
      for (const problem of claimProblems(encounter, data, billingNpi)) problems.push({ chartRef: encounter.chartRef, problem });
      claims.push({ encounter, data });
    });
    if (problems.length) {
      const chartRefs = [...new Set(problems.map((p) => p.chartRef))];
      throw new ConflictError(`These encounters cannot go on a claim yet: ${problems.map((p) => `${p.chartRef} ${p.problem}`).join('; ')}`, { chartRefs });
    }

    // NM1*41 and NM1*85 carry 60 characters of the X12 basic set: a name that does not fit needs the profile's billingName.
    const name = profile.billingName ?? organization.name;
    if (name.length > 60 || !X12_TEXT.test(name))
      throw new ConflictError(
        "The practice's name cannot go on a claim file as it is (at most 60 letters, digits, spaces and . , ' & # / ( ) @ + -): set billingName in the billing profile (setPracticeBillingProfile)",
        { fields: ['billingName'] },
      );
    const provider: X12BillingProvider = {
      name,
      npi: organization.npi ?? '',
      ein: profile.ein,
      taxonomy: profile.taxonomy,
      address: { line1: profile.line1, line2: profile.line2, city: profile.city, state: profile.state, zip: profile.zip },
      contactName: profile.contactName,
      contactPhone: profile.contactPhone,
      contactEmail: profile.contactEmail,
      submitterId: profile.submitterId,
      receiverName: profile.clearinghouseName,
      receiverId: profile.clearinghouseId,
    };
    return write837P({ controlNumber: await this.nextControlNumber(), createdAt: new Date(), reference: batchId.replace(/-/g, ''), usage: 'P', provider, claims });
  }

  /** ISA13 / GS06 / ST02 of the next file: a database sequence, so concurrent exports never share one (1..999999999, then it starts over). */
  private async nextControlNumber(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(this.batches, `SELECT nextval('x12_interchange_control_seq')::int AS n`);
    return row.n;
  }
}
