import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentUser, Roles } from '../../common/auth/decorators.js';
import { IdArg } from '../../common/validation/id-arg.decorator.js';
import { UserRole } from '../../domain/user-role.enum.js';
import { ceuEntryCounts, CeuCycleState, ceusOf, CeusService } from './ceus.service.js';
import { CeuEntryEntity } from './ceu-entry.entity.js';
import { CeuCyclesArgs, LogCeuInput } from './dto/ceu.inputs.js';
import { CeuCycle, CeuEntry } from './dto/ceu.model.js';

const toCeuEntry = (entry: CeuEntryEntity): CeuEntry => ({
  id: entry.id,
  coderId: entry.coderId,
  issuer: entry.issuer,
  title: entry.title,
  provider: entry.provider,
  completedOn: entry.completedOn,
  ceus: ceusOf(entry.ceuTenths),
  category: entry.category,
  approvalCode: entry.approvalCode,
  certificateDocumentId: entry.certificateDocumentId,
  counts: ceuEntryCounts(entry),
  createdAt: entry.createdAt,
});

const toCeuCycle = (cycle: CeuCycleState): CeuCycle => ({
  issuer: cycle.issuer,
  startsOn: cycle.startsOn,
  endsOn: cycle.endsOn,
  credentialTypes: cycle.credentialTypes,
  required: ceusOf(cycle.requiredTenths),
  logged: ceusOf(cycle.loggedTenths),
  counted: ceusOf(cycle.countedTenths),
  pending: ceusOf(cycle.pendingTenths),
  remaining: ceusOf(cycle.remainingTenths),
  onTrack: cycle.onTrack,
  entries: cycle.entries.map(toCeuEntry),
});

@Resolver(() => CeuEntry)
export class CeusResolver {
  constructor(private readonly ceus: CeusService) {}

  @Roles(UserRole.CODER)
  @Mutation(() => CeuEntry, {
    description:
      'Logs a continuing-education activity towards your current cycle with an issuer (CODER). BAD_USER_INPUT names the field (no cycle for the issuer, a day outside the cycle or in the future, CEUs not a positive multiple of 0.1 or over 16 for one entry); CONFLICT naming it for a course already logged in the cycle (same title and provider, or same approval code, whatever the day), a certificate backing another entry, or a cycle with 200 entries. Without a certificate the entry is pending: it does not count toward the cycle.',
  })
  async logCeu(@CurrentUser() actor: Actor, @Args('input', { description: 'The activity and its CEUs.' }) input: LogCeuInput): Promise<CeuEntry> {
    return toCeuEntry(await this.ceus.log(actor, input));
  }

  @Roles(UserRole.CODER)
  @Mutation(() => CeuEntry, {
    description:
      "Attaches the certificate of completion (uploaded with POST /credential-documents) to one of your pending CEU entries, so it counts (CODER). Another coder's entry is NOT_FOUND; an entry with a certificate, or a certificate backing another entry, is CONFLICT.",
  })
  async attachCeuCertificate(
    @CurrentUser() actor: Actor,
    @IdArg('id', 'Your pending CEU entry.') id: string,
    @IdArg('certificateDocumentId', 'A certificate you uploaded (POST /credential-documents) that backs no other entry.') certificateDocumentId: string,
  ): Promise<CeuEntry> {
    return toCeuEntry(await this.ceus.attachCertificate(actor, id, certificateDocumentId));
  }

  @Roles(UserRole.CODER)
  @Mutation(() => CeuEntry, { description: 'Deletes one of your CEU entries while its cycle is open (CONFLICT once the cycle is over); returns the deleted entry.' })
  async deleteCeu(@CurrentUser() actor: Actor, @IdArg('id', 'Your CEU entry to delete.') id: string): Promise<CeuEntry> {
    return toCeuEntry(await this.ceus.delete(actor, id));
  }

  @Roles(UserRole.CODER, UserRole.ADMIN)
  @Query(() => [CeuCycle], {
    description:
      "The current CEU cycle per issuer (AAPC, AHIMA) from the coder's counting credentials, with required, logged and remaining CEUs. A coder reads their own; an ADMIN gives coderId. Another coder's id is NOT_FOUND.",
  })
  async ceuCycles(@CurrentUser() actor: Actor, @Args() args: CeuCyclesArgs): Promise<CeuCycle[]> {
    return (await this.ceus.cyclesFor(actor, args.coderId)).map(toCeuCycle);
  }
}
