import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ConnectionArgs, connectionComplexity, mapConnection } from '../common/pagination/connection.js';
import { IdArg } from '../common/validation/id-arg.decorator.js';
import { UserRole } from '../domain/user-role.enum.js';
import { toCredential } from './coders.mapper.js';
import { CredentialsService } from './credentials.service.js';
import { AddCredentialInput, UpdateCredentialInput, VerifyCredentialArgs } from './dto/credential.inputs.js';
import { Credential, CredentialConnection } from './dto/credential.model.js';

@Resolver(() => Credential)
export class CredentialsResolver {
  constructor(private readonly credentials: CredentialsService) {}

  @Roles(UserRole.CODER)
  @Mutation(() => Credential, { description: 'Adds a credential for review (PENDING). CODER only.' })
  async addCredential(@CurrentUser() actor: Actor, @Args('input') input: AddCredentialInput): Promise<Credential> {
    return toCredential(await this.credentials.add(actor, input), actor);
  }

  @Roles(UserRole.CODER)
  @Mutation(() => Credential, { description: 'Changes one of your credentials; it goes back to PENDING review.' })
  async updateCredential(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('input') input: UpdateCredentialInput): Promise<Credential> {
    return toCredential(await this.credentials.update(actor, id, input), actor);
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
  @Mutation(() => Credential, { description: 'Approves (VERIFIED) or rejects (REJECTED) a pending credential after checking it with the issuer (ADMIN).' })
  async verifyCredential(@CurrentUser() actor: Actor, @Args() args: VerifyCredentialArgs): Promise<Credential> {
    return toCredential(await this.credentials.verify(actor, args.id, args), actor);
  }
}
