import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import type { AppRequest } from '../common/auth/request-from-context.js';
import { User } from '../users/dto/user.model.js';
import { toUser } from '../users/users.mapper.js';
import { AccountService } from './account.service.js';
import { ChangePasswordInput, RequestEmailChangeInput, RequestPasswordResetArgs, ResetPasswordInput, VerifyEmailArgs } from './dto/account.inputs.js';

const clientIp = (req: AppRequest) => req.ip ?? 'unknown';

/** Email verification, email change, password reset and change. */
@Resolver()
export class AccountResolver {
  constructor(private readonly account: AccountService) {}

  @Mutation(() => Boolean, { description: "Mails a new verification link to the caller's address (valid 24 hours). CONFLICT once the address is verified." })
  requestEmailVerification(@CurrentUser() actor: Actor, @Context('req') req: AppRequest): Promise<boolean> {
    return this.account.requestEmailVerification(actor, clientIp(req));
  }

  @Public()
  @Mutation(() => User, {
    description:
      'Uses the token of a verification link (`APP_URL/verify-email?token=...`): the address is verified; for an email-change link, the account moves to the new address. Each link works once, within 24 hours.',
  })
  async verifyEmail(@Args() { token }: VerifyEmailArgs): Promise<User> {
    const user = await this.account.verifyEmail(token);
    return toUser(user, user);
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a link to a new address (needs the current password). The account keeps its address, and logs in with it, until that link is used with `verifyEmail`. CONFLICT when another account has the address.',
  })
  requestEmailChange(
    @CurrentUser() actor: Actor,
    @Args('input', { description: 'The new address and your password.' }) input: RequestEmailChangeInput,
    @Context('req') req: AppRequest,
  ): Promise<boolean> {
    return this.account.requestEmailChange(actor, input, clientIp(req));
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a password-reset link (`APP_URL/reset-password?token=...`, valid one hour) if an account has this address. Always answers true.',
  })
  requestPasswordReset(@Args() { email }: RequestPasswordResetArgs, @Context('req') req: AppRequest): Promise<boolean> {
    return this.account.requestPasswordReset(email, clientIp(req));
  }

  @Public()
  @Mutation(() => Boolean, { description: "Sets a new password with a reset link's token (once, within the hour) and ends every session of the account." })
  resetPassword(@Args('input', { description: 'The mailed token and the new password.' }) input: ResetPasswordInput, @Context('req') req: AppRequest): Promise<boolean> {
    return this.account.resetPassword(input, clientIp(req));
  }

  @Mutation(() => Boolean, { description: "Changes the caller's password and ends the account's other sessions; the caller's own session keeps working." })
  changePassword(@CurrentUser() actor: Actor, @Args('input', { description: 'The current and the new password.' }) input: ChangePasswordInput, @Context('req') req: AppRequest): Promise<boolean> {
    return this.account.changePassword(actor, input, clientIp(req));
  }
}
