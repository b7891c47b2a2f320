import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import type { AppRequest } from '../common/auth/request-from-context.js';
import { toAuthPayload } from './auth.mapper.js';
import { AuthService } from './auth.service.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { LogInInput } from './dto/log-in.input.js';
import { SignUpInput } from './dto/sign-up.input.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly authService: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Creates a PROVIDER or CODER account and logs it in.' })
  async signUp(@Args('input', { description: 'Email, password, name and role.' }) input: SignUpInput): Promise<AuthPayload> {
    return toAuthPayload(await this.authService.signUp(input));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Opens a session. Failed attempts slow further ones down, per account and client address: a throttled attempt answers TOO_MANY_REQUESTS with `retryAfterSeconds`, whether or not the account exists, without the password being checked.',
  })
  async logIn(@Args('input', { description: 'Email, password and (for MFA accounts) a code.' }) input: LogInInput, @Context('req') req: AppRequest): Promise<AuthPayload> {
    return toAuthPayload(await this.authService.logIn(input, req.ip));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for a new pair. A refresh token works once; reusing one ends its whole session family.' })
  async refreshToken(@Args('refreshToken', { description: 'The refresh token of the last AuthPayload; it stops working once used.' }) refreshToken: string): Promise<AuthPayload> {
    return toAuthPayload(await this.authService.refreshToken(refreshToken));
  }

  @Mutation(() => Boolean, { description: "Ends all of the caller's sessions." })
  logOut(@CurrentUser() actor: Actor): Promise<boolean> {
    return this.authService.logOut(actor);
  }
}
