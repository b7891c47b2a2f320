import { Args, Extensions, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PRELOADABLE, selectedFieldsAt, withPreloaded } from '../common/graphql/preloaded-fields.js';
import { CredentialEntity } from './credential.entity.js';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { orNotFound } from '../common/errors/app-error.js';
import { Loaders, RequestLoaders } from '../common/loaders/request-loaders.js';
import { boundedListComplexity, connectionComplexity, mapConnection } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { User } from '../users/dto/user.model.js';
import { UserRole } from '../domain/user-role.enum.js';
import { toUser } from '../users/users.mapper.js';
import { UsersService } from '../users/users.service.js';
import { CoderProfilesService } from './coder-profiles.service.js';
import { credentialStatus, publicProfileUrl, toCoderProfile, toCredential } from './coders.mapper.js';
import { AppConfig } from '../config/app-config.js';
import { CredentialsService } from './credentials.service.js';
import { CoderProfile, CoderProfileConnection, CoderScreening } from './dto/coder-profile.model.js';
import { CodersArgs } from './dto/coders.args.js';
import { Credential, CredentialStatus } from './dto/credential.model.js';
import { UpsertCoderProfileInput } from './dto/upsert-coder-profile.input.js';

@Resolver(() => CoderProfile)
export class CodersResolver {
  constructor(
    private readonly profiles: CoderProfilesService,
    private readonly credentialsService: CredentialsService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @Roles(UserRole.CODER)
  @Mutation(() => CoderProfile, { description: "Creates or replaces the calling coder's profile (CODER only)." })
  async upsertCoderProfile(@CurrentUser() actor: Actor, @Args('input', { description: 'The whole profile (lists replace the old ones).' }) input: UpsertCoderProfileInput): Promise<CoderProfile> {
    return toCoderProfile(await this.profiles.upsert(actor, input));
  }

  @Public()
  @Query(() => CoderProfile, { nullable: true, description: 'A coder profile by id; null when there is none (or it is held by exclusion screening, for anyone but the coder and admins).' })
  async coderProfile(@IdArg('id', 'The profile (CoderProfile.id).') id: string, @CurrentUser() viewer: Actor | null): Promise<CoderProfile | null> {
    const profile = await this.profiles.findById(id);
    if (!profile || (profile.screeningHeld && !isSelfOrAdmin(viewer, profile.userId))) return null;
    return toCoderProfile(profile);
  }

  @Roles(UserRole.CODER)
  @Query(() => CoderProfile, { nullable: true, description: "The calling coder's profile; null before the first upsertCoderProfile." })
  async myCoderProfile(@CurrentUser() actor: Actor): Promise<CoderProfile | null> {
    const profile = await this.profiles.findByUserId(actor.id);
    return profile ? toCoderProfile(profile) : null;
  }

  /**
   * The directory. Each row carries the values of the fields the page selects that would otherwise
   * need a field resolver per row (credentials, user, publicUrl, screening; accuracy from the workroom
   * module), worked out here once per page by those resolvers' own rules (preloaded-fields.ts), with
   * no statement more than before: credentials come with the page's statement, users and accuracy in
   * one batched statement each, only when selected.
   */
  @Public()
  @Query(() => CoderProfileConnection, { description: 'The public coder directory.', complexity: connectionComplexity })
  async coders(@Args() args: CodersArgs, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo): Promise<CoderProfileConnection> {
    const page = await this.profiles.search(args, loaders);
    const selected = selectedFieldsAt(info, ['edges', 'node']);
    const wants = (field: string) => selected.has(field);
    const coderIds = page.edges.map((edge) => edge.node.userId);
    // Both from the request's loaders: credentials were primed by the page's statement, users load in one statement.
    const credentials = wants('credentials') ? await Promise.all(coderIds.map((id) => this.credentialsService.loadForCoder(loaders, id))) : [];
    const users = wants('user') ? await Promise.all(coderIds.map((id) => this.users.loadById(loaders, id))) : [];
    const credentialsOf = new Map(credentials.map((list, k) => [coderIds[k], list]));
    const userOf = new Map(users.map((user, k) => [coderIds[k], user]));
    // Fields other modules resolve (accuracy), from their own batched read.
    const others = await this.profiles.preloadedForPage(coderIds, loaders, wants);
    return mapConnection(page, (row) => {
      const profile = toCoderProfile(row);
      const values: Record<string, unknown> = { ...others.get(row.userId) };
      if (wants('credentials')) values.credentials = visibleCredentials(credentialsOf.get(row.userId)!, viewer, profile.userId);
      if (wants('user')) values.user = toUser(orNotFound(userOf.get(row.userId) ?? null, 'User'), viewer);
      if (wants('publicUrl')) values.publicUrl = this.publicUrlOf(profile);
      if (wants('screening')) values.screening = screeningFor(profile, viewer);
      return withPreloaded(profile, values);
    });
  }

  @Extensions(PRELOADABLE)
  @ResolveField(() => User, { description: 'The coder (id and name; the email only for the coder and admins).' })
  async user(@Parent() profile: CoderProfile, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<User> {
    return toUser(orNotFound(await this.users.loadById(loaders, profile.userId), 'User'), viewer);
  }

  @Extensions(PRELOADABLE)
  @ResolveField(() => String, {
    nullable: true,
    description:
      "The coder's public profile page (absolute, from APP_URL: APP_URL/coders/<slug>, server-rendered HTML); null until the coder opts in with UpsertCoderProfileInput.publicProfile, after opting out, and while the profile is held by exclusion screening. The slug is kept across opting out and back in.",
  })
  publicUrl(@Parent() profile: CoderProfile): string | null {
    return this.publicUrlOf(profile);
  }

  @Extensions(PRELOADABLE)
  @ResolveField(() => CoderScreening, { nullable: true, description: 'Exclusion screening: the identity screened and whether the profile is held. The coder and admins only; null for anyone else.' })
  screening(@Parent() profile: CoderProfile, @CurrentUser() viewer: Actor | null): CoderScreening | null {
    return screeningFor(profile, viewer);
  }

  // One live credential per type (32; rejected ones too for the coder and admins), primed by the directory query; coders hold a few.
  @Extensions(PRELOADABLE)
  @ResolveField(() => [Credential], { description: 'Verified and expired credentials; the coder and admins also see pending and rejected ones.', complexity: boundedListComplexity(3) })
  async credentials(@Parent() profile: CoderProfile, @CurrentUser() viewer: Actor | null, @Loaders() loaders: RequestLoaders): Promise<Credential[]> {
    return visibleCredentials(await this.credentialsService.loadForCoder(loaders, profile.userId), viewer, profile.userId);
  }

  private publicUrlOf(profile: CoderProfile): string | null {
    return profile.publicProfile && profile.publicSlug && !profile.screeningHeld ? publicProfileUrl(this.config.env.APP_URL, profile.publicSlug) : null;
  }
}

const isSelfOrAdmin = (viewer: Actor | null, userId: string) => viewer !== null && (viewer.id === userId || viewer.role === UserRole.ADMIN);

/** The screening identity and hold: the coder's and admins' only. */
const screeningFor = (profile: CoderProfile, viewer: Actor | null): CoderScreening | null => (isSelfOrAdmin(viewer, profile.userId) ? { ...profile.identity, onHold: profile.screeningHeld } : null);

/** The credentials `viewer` sees of a coder's: verified and expired ones, every status for the coder and admins (numbers and notes by `toCredential`). */
function visibleCredentials(all: CredentialEntity[], viewer: Actor | null, coderId: string): Credential[] {
  const visible = isSelfOrAdmin(viewer, coderId) ? all : all.filter((c) => [CredentialStatus.VERIFIED, CredentialStatus.EXPIRED].includes(credentialStatus(c)));
  return visible.map((c) => toCredential(c, viewer));
}
