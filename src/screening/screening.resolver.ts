import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { connectionComplexity, mapConnection } from '../common/pagination/connection.js';
import { UserRole } from '../domain/user-role.enum.js';
import { ResolveScreeningHoldArgs, ScreeningHoldsArgs } from './dto/screening-hold.args.js';
import { ScreeningHold, ScreeningHoldConnection } from './dto/screening-hold.model.js';
import { toScreeningHold } from './screening.mapper.js';
import { ScreeningService } from './screening.service.js';

@Resolver(() => ScreeningHold)
export class ScreeningResolver {
  constructor(private readonly screening: ScreeningService) {}

  @Roles(UserRole.ADMIN)
  @Query(() => ScreeningHoldConnection, { description: 'Coders held by OIG exclusion screening, oldest first: the review queue (OPEN) by default (ADMIN).', complexity: connectionComplexity })
  async screeningHolds(@Args() args: ScreeningHoldsArgs): Promise<ScreeningHoldConnection> {
    return mapConnection(await this.screening.listHolds(args), toScreeningHold);
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => ScreeningHold, {
    description: 'An OPEN hold was a false positive: CLEARED with the admin and note recorded; the profile returns once no other hold is OPEN or CONFIRMED. CONFLICT once reviewed (ADMIN).',
  })
  async clearScreeningHold(@CurrentUser() actor: Actor, @Args() args: ResolveScreeningHoldArgs): Promise<ScreeningHold> {
    return toScreeningHold(await this.screening.clear(actor, args.id, args.note));
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => ScreeningHold, {
    description:
      'An OPEN hold is the excluded person: CONFIRMED; the profile stays held (no directory, matching, bids or new contracts) and the managers of practices with a live contract with the coder are notified (CODER_EXCLUDED). CONFLICT once reviewed (ADMIN).',
  })
  async confirmScreeningHold(@CurrentUser() actor: Actor, @Args() args: ResolveScreeningHoldArgs): Promise<ScreeningHold> {
    return toScreeningHold(await this.screening.confirm(actor, args.id, args.note));
  }
}
