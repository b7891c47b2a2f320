import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, UnauthenticatedError } from '../common/errors/app-error.js';
import { UserRole } from '../domain/user-role.enum.js';
import { UsersService } from '../users/users.service.js';
import { LogInInput } from './dto/log-in.input.js';
import { LoginThrottle } from './login-throttle.js';
import { MfaService } from './mfa.service.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionEvents } from './session-events.js';
import { IssuedTokens, TokenService } from './token.service.js';
import { UserEntity } from '../users/user.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccountService } from './account.service.js';

const BAD_CREDENTIALS = 'Email or password is incorrect';

/** A session just opened: its tokens and its user. */
export interface Session {
  tokens: IssuedTokens;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessionEvents: SessionEvents,
    private readonly transactions: TransactionRunner,
    private readonly account: AccountService,
    private readonly mfa: MfaService,
    private readonly loginThrottle: LoginThrottle,
  ) {}

  /** Creates the account, unverified, and mails it a verification link (in the same transaction). */
  async signUp(input: SignUpInput): Promise<Session> {
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.transactions.run(async (manager) => {
      const created = await this.users.createIfEmailFree({ email: input.email, name: input.name, role: input.role as unknown as UserRole, passwordHash }, manager);
      if (created) await this.account.sendVerification(manager, created);
      return created;
    });
    if (!user) throw new ConflictError('An account with this email already exists');
    return this.open(user);
  }

  /**
   * Opens a session for the right credentials, from the client address `ip`. Failed attempts (a
   * wrong password, a missing or wrong second factor) slow that address and the account down
   * (`LoginThrottle`): a throttled attempt is answered TOO_MANY_REQUESTS before the credentials are
   * looked at.
   */
  logIn(input: LogInInput, ip: string): Promise<Session> {
    return this.loginThrottle.attempt(input.email, ip, () => this.checkCredentials(input));
  }

  /**
   * Unknown email and wrong password answer alike, after the same amount of hashing work. The second
   * factor is asked for only once the password is right, so a wrong password says nothing about MFA.
   */
  private async checkCredentials(input: LogInInput): Promise<Session> {
    const user = await this.users.findByEmail(input.email);
    const valid = user ? await this.passwords.verify(user.passwordHash, input.password) : await this.passwords.verifyAgainstDummy(input.password);
    if (!user || !valid) throw new UnauthenticatedError(BAD_CREDENTIALS);
    if (user.mfaEnabled) await this.mfa.verifyLogIn(user.id, input.mfaCode);
    return this.open(user);
  }

  refreshToken(refreshToken: string): Promise<Session> {
    return this.tokens.rotate(refreshToken);
  }

  /**
   * Ends every session of the caller: access tokens invalidated (session version, which locks the
   * user's row first, so a session being opened meanwhile is revoked too), refresh tokens revoked.
   */
  async logOut(actor: Actor): Promise<boolean> {
    await this.transactions.run(async (manager) => {
      await this.users.bumpSessionVersion(actor.id, manager);
      await this.tokens.revokeAllForUser(manager, actor.id);
    });
    await this.sessionEvents.ended({ userId: actor.id });
    return true;
  }

  /** A session for `user` as its credentials were checked; refused when the account changed meanwhile (a reset, a password or MFA change, a log-out everywhere). */
  private async open(user: UserEntity): Promise<Session> {
    const opened = await this.tokens.open(user);
    if (!opened) throw new UnauthenticatedError('The account changed while logging in (its password, second factor or sessions): log in again');
    return opened;
  }
}
