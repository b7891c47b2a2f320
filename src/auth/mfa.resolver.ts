import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import type { AppRequest } from '../common/auth/request-from-context.js';
import { MfaCodeArgs } from './dto/mfa-code.args.js';
import { MfaEnrollment } from './dto/mfa-enrollment.model.js';
import { StartMfaEnrollmentArgs } from './dto/start-mfa-enrollment.args.js';
import { MfaService } from './mfa.service.js';

@Resolver()
export class MfaResolver {
  constructor(private readonly mfaService: MfaService) {}

  @Mutation(() => MfaEnrollment, {
    description:
      "Starts (or restarts) TOTP enrollment for the caller's account: a new secret, not active until confirmed. Needs the current password (BAD_USER_INPUT naming `currentPassword`; tries limited per hour like changePassword). CONFLICT when MFA is already on.",
  })
  startMfaEnrollment(@CurrentUser() actor: Actor, @Args() { currentPassword }: StartMfaEnrollmentArgs, @Context('req') req: AppRequest): Promise<MfaEnrollment> {
    return this.mfaService.startEnrollment(actor, currentPassword, req.ip ?? 'unknown');
  }

  @Mutation(() => [String], {
    description:
      "Turns MFA on with a current code from the app. Answers ten single-use recovery codes, shown only this once. Ends the account's other sessions. BAD_USER_INPUT (`code`) for a wrong code.",
  })
  confirmMfaEnrollment(@CurrentUser() actor: Actor, @Args() { code }: MfaCodeArgs): Promise<string[]> {
    return this.mfaService.confirmEnrollment(actor, code);
  }

  @Mutation(() => Boolean, {
    description:
      "Turns MFA off with a current code from the app or an unused recovery code; ends the account's other sessions. BAD_USER_INPUT (`code`) for a wrong code, which counts toward the wrong-code block (TOO_MANY_REQUESTS).",
  })
  disableMfa(@CurrentUser() actor: Actor, @Args() { code }: MfaCodeArgs): Promise<boolean> {
    return this.mfaService.disable(actor, code);
  }
}
