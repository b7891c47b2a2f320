import { Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { orNotFound } from '../common/errors/app-error.js';
import { User } from './dto/user.model.js';
import { toUser } from './users.mapper.js';
import { UsersService } from './users.service.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Query(() => User, { description: 'The calling user.' })
  async me(@CurrentUser() actor: Actor): Promise<User> {
    return toUser(orNotFound(await this.usersService.findById(actor.id), 'User'), actor);
  }
}
