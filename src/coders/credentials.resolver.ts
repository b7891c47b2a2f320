import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { orNotFound } from '../common/errors/app-error.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { ConnectionArgs, connectionComplexity, mapConnection } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { UserRole } from '../domain/user-role.enum.js';
import { User } from '../users/dto/user.model.js';
import { toUser } from '../users/users.mapper.js';
import { UsersService } from '../users/users.service.js';
import { toCoderProfile, toCredential, toCredentialChange, toCredentialDocument } from './coders.mapper.js';
import { CoderProfilesService } from './coder-profiles.service.js';
import { CoderProfile } from './dto/coder-profile.model.js';
import { CredentialsService } from './credentials.service.js';
import { AddCredentialInput, RenewCredentialInput, RequestApprenticeConversionInput, ReviewCredentialChangeArgs, UpdateCredentialInput, VerifyCredentialArgs } from './dto/credential.inputs.js';
import { Credential, CredentialChange, CredentialChangeConnection, CredentialConnection, CredentialDocument } from './dto/credential.model.js';

const privileged = (viewer: Actor | null, coderId: string) => viewer !== null && (viewer.id === coderId || viewer.role === UserRole.ADMIN);

@Resolver(() => Credential)
export class CredentialsResolver {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly users: UsersService,
    private readonly profiles: CoderProfilesService,
  ) {}

  @Roles(UserRole.CODER)
  @Mutation(() => Credential, { description: 'Adds a credential for review (PENDING). CODER only.' })
  async addCredential(@CurrentUser() actor: Actor, @Args('input', { description: 'The credential and its certificate.' }) input: AddCredentialInput): Promise<Credential> {
    return toCredential(await this.credentials.add(actor, input), actor);
  }

  @Roles(UserRole.CODER)
  @Mutation(() => Credential, { description: 'Changes one of your credentials; it goes back to PENDING review. To renew a verified credential without leaving the directory, use renewCredential.' })
  async updateCredential(
    @CurrentUser() actor: Actor,
    @IdArg('id', 'Your credential.') id: string,
    @Args('input', { description: 'The corrected details.' }) input: UpdateCredentialInput,
  ): Promise<Credential> {
    return toCredential(await this.credentials.update(actor, id, input), actor);
  }

  @Roles(UserRole.CODER)
  @Mutation(() => Credential, {
    description:
      'Submits the renewal of one of your VERIFIED credentials (new dates + certificate). It stays VERIFIED and counts on its old dates while the renewal is reviewed (pendingChange); CONFLICT when a change is already under review.',
  })
  async renewCredential(
    @CurrentUser() actor: Actor,
    @IdArg('id', 'Your VERIFIED credential.') id: string,
    @Args('input', { description: 'The new dates and the certificate.' }) input: RenewCredentialInput,
  ): Promise<Credential> {
    return toCredential(await this.credentials.renew(actor, id, input), actor);
  }

  @Roles(UserRole.CODER)
  @Mutation(() => Credential, { description: 'Asks for the "A" to come off one of your VERIFIED apprentice credentials (CPC_A -> CPC, COC_A -> COC), with evidence; an admin reviews it.' })
  async requestApprenticeConversion(
    @CurrentUser() actor: Actor,
    @IdArg('id', 'Your VERIFIED CPC_A or COC_A credential.') id: string,
    @Args('input', { description: 'The evidence and a note.' }) input: RequestApprenticeConversionInput,
  ): Promise<Credential> {
    return toCredential(await this.credentials.requestConversion(actor, id, input), actor);
  }

  @Roles(UserRole.CODER)
  @Query(() => [Credential], { description: "The calling coder's credentials, every status." })
  async myCredentials(@CurrentUser() actor: Actor): Promise<Credential[]> {
    return (await this.credentials.listForCoder(actor.id)).map((c) => toCredential(c, actor));
  }

  @Roles(UserRole.ADMIN)
  @Query(() => CredentialConnection, { description: 'Credentials awaiting review, oldest first (ADMIN).', complexity: connectionComplexity })
  async pendingCredentials(@CurrentUser() actor: Actor, @Args() args: ConnectionArgs): Promise<CredentialConnection> {
    return mapConnection(await this.credentials.listPending(args), (credential) => toCredential(credential, actor));
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => Credential, {
    description: 'Approves (VERIFIED) or rejects (REJECTED) a pending credential after checking it with the issuer (ADMIN). Approving a credential without evidence answers CONFLICT.',
  })
  async verifyCredential(@CurrentUser() actor: Actor, @Args() args: VerifyCredentialArgs): Promise<Credential> {
    return toCredential(await this.credentials.verify(actor, args.id, args), actor);
  }

  @Roles(UserRole.ADMIN)
  @Query(() => CredentialChangeConnection, { description: 'Renewals and apprentice conversions awaiting review, oldest first (ADMIN).', complexity: connectionComplexity })
  async pendingCredentialChanges(@Args() args: ConnectionArgs): Promise<CredentialChangeConnection> {
    return mapConnection(await this.credentials.listPendingChanges(args), toCredentialChange);
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => CredentialChange, { description: 'Approves (the new dates or designation take effect) or rejects a pending renewal or conversion (ADMIN).' })
  async reviewCredentialChange(@CurrentUser() actor: Actor, @Args() args: ReviewCredentialChangeArgs): Promise<CredentialChange> {
    return toCredentialChange(await this.credentials.reviewChange(actor, args));
  }

  @ResolveField(() => User, { description: 'Whose credential it is.' })
  async coder(@Parent() credential: Credential, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<User> {
    return toUser(orNotFound(await this.users.loadById(loaders, credential.coderId), 'User'), viewer);
  }

  @ResolveField(() => CoderProfile, {
    nullable: true,
    description:
      "The holder's coder profile (headline, specialties, rates), as the admin review queue shows it; null before the coder wrote one, and for a profile held by exclusion screening unless the viewer is its coder or an admin.",
  })
  async coderProfile(@Parent() credential: Credential, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<CoderProfile | null> {
    const profile = await this.profiles.loadByUserId(loaders, credential.coderId);
    if (!profile || (profile.screeningHeld && !privileged(viewer, credential.coderId))) return null;
    return toCoderProfile(profile);
  }

  @ResolveField(() => CredentialDocument, { nullable: true, description: 'The certificate on file: only for its holder and admins.' })
  async evidence(@Parent() credential: Credential, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<CredentialDocument | null> {
    if (!privileged(viewer, credential.coderId) || !credential.evidenceDocumentId) return null;
    const document = await this.credentials.loadDocument(loaders, credential.evidenceDocumentId);
    return document ? toCredentialDocument(document) : null;
  }

  @ResolveField(() => CredentialChange, { nullable: true, description: 'The renewal or conversion under review: only for its holder and admins.' })
  async pendingChange(@Parent() credential: Credential, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<CredentialChange | null> {
    if (!privileged(viewer, credential.coderId)) return null;
    const change = await this.credentials.loadPendingChange(loaders, credential.id);
    return change ? toCredentialChange(change) : null;
  }
}

@Resolver(() => CredentialChange)
export class CredentialChangesResolver {
  constructor(private readonly credentials: CredentialsService) {}

  @ResolveField(() => Credential, { description: 'The credential it changes (with its holder).' })
  async credential(@Parent() change: CredentialChange, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<Credential> {
    return toCredential(orNotFound(await this.credentials.loadById(loaders, change.credentialId), 'Credential'), viewer);
  }

  @ResolveField(() => CredentialDocument, { description: 'The evidence submitted with it.' })
  async evidence(@Parent() change: CredentialChange, @Loaders() loaders: RequestLoaders): Promise<CredentialDocument> {
    return toCredentialDocument(orNotFound(await this.credentials.loadDocument(loaders, change.evidenceDocumentId), 'Document'));
  }
}
