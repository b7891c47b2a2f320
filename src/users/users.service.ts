import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { UserEntity } from './user.entity.js';
import { UserRole } from '../domain/user-role.enum.js';
import { emailSkeleton, normalizeEmail } from '../domain/email-address.js';
import { normalEmailOrThrow } from '../common/validation/email-address.decorator.js';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The user, read through `manager` when called inside a transaction. */
  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager?.getRepository(UserEntity) ?? this.users).findOneBy({ id });
  }

  /** The user with this address in its normal form; null when none has it (or it is no address the rules accept). */
  async findByEmail(email: string): Promise<UserEntity | null> {
    const verdict = normalizeEmail(email);
    return verdict.ok ? this.users.findOneBy({ email: verdict.email }) : null;
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findBy({ id: In([...ids]) });
  }

  /** Loads a user through the request's DataLoader, batching the lookups of one request. */
  loadById(loaders: RequestLoaders, id: string): Promise<UserEntity | null> {
    return loaders.get<string, UserEntity | null>('userById', async (ids) => byKeys(ids, await this.findByIds(ids), (user) => user.id)).load(id);
  }

  /**
   * Inserts a user unless the email, in its normal form, is taken or looks like a taken one (same
   * TR39 skeleton); returns null when it is. The unique indexes decide, so racing sign-ups (the same
   * address, or an address and its lookalike) cannot both win.
   */
  async createIfEmailFree(input: { email: string; name: string; role: UserRole; passwordHash: string; emailVerifiedAt?: Date | null }, manager?: EntityManager): Promise<UserEntity | null> {
    const email = normalEmailOrThrow(input.email, 'email');
    const result = await (manager?.getRepository(UserEntity) ?? this.users)
      .createQueryBuilder()
      .insert()
      .values({ ...input, email, emailSkeleton: emailSkeleton(email), name: input.name.trim() })
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.identifiers[0]?.id as string | undefined;
    return inserted ? this.findById(inserted, manager) : null;
  }

  /** Records whether the user has a confirmed second factor, in the transaction that changes the factor. */
  async setMfaEnabled(manager: EntityManager, userId: string, enabled: boolean): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { mfaEnabled: enabled });
  }

  /**
   * The user, with a share lock on its row until the transaction ends: for opening a session
   * (logIn, refreshToken). Every act that ends sessions (password reset or change, log-out, an MFA
   * change) updates this row before it revokes refresh tokens, so it waits for a session being
   * opened and then revokes it too, or the session waits and sees the change.
   */
  lockForNewSession(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).createQueryBuilder('u').setLock('pessimistic_read').where('u.id = :id', { id }).getOne();
  }

  /** Locks the user's row against sessions being opened (`lockForNewSession`) until the transaction ends: before revoking sessions without another change to the row. */
  async lockForEndingSessions(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(UserEntity).createQueryBuilder('u').setLock('for_no_key_update').where('u.id = :id', { id }).getOne();
  }

  /** Invalidates every access token issued to the user so far (log-out everywhere). */
  async bumpSessionVersion(userId: string, manager?: EntityManager): Promise<void> {
    await (manager?.getRepository(UserEntity) ?? this.users).increment({ id: userId }, 'sessionVersion', 1);
  }

  /** Marks `email` verified, if it is still the user's address; false when it is not (the account moved since the link was sent). */
  async markEmailVerified(manager: EntityManager, userId: string, email: string): Promise<boolean> {
    const result = await manager
      .getRepository(UserEntity)
      .createQueryBuilder()
      .update()
      .set({ emailVerifiedAt: () => 'coalesce(email_verified_at, now())' })
      .where('id = :userId AND email = :email', { userId, email })
      .execute();
    return Boolean(result.affected);
  }

  /**
   * Whether an account other than `userId` has `email` (in its normal form) or an address that looks
   * like it (same skeleton): such an address cannot become the user's.
   */
  async emailTakenByOther(email: string, userId: string, manager?: EntityManager): Promise<boolean> {
    return (manager?.getRepository(UserEntity) ?? this.users)
      .createQueryBuilder('u')
      .where('u.id <> :userId AND (u.email = :email OR u.email_skeleton = :skeleton)', { userId, email, skeleton: emailSkeleton(email) })
      .getExists();
  }

  /**
   * Moves the user to `email` (in its normal form), verified: the caller proved it reaches them. False
   * when another account has that address or a lookalike. Two accounts racing to one address: the
   * unique indexes refuse the second (`users_email_key`, `users_email_skeleton_key`: a unique
   * violation the caller answers as CONFLICT).
   */
  async replaceEmail(manager: EntityManager, userId: string, email: string): Promise<boolean> {
    if (await this.emailTakenByOther(email, userId, manager)) return false;
    await manager.getRepository(UserEntity).update({ id: userId }, { email, emailSkeleton: emailSkeleton(email), emailVerifiedAt: () => 'now()' });
    return true;
  }

  /** Replaces the password hash; with `endSessions`, also invalidates every access token issued so far. */
  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string, options: { endSessions: boolean; verifyEmail?: string }): Promise<void> {
    const query = manager.getRepository(UserEntity).createQueryBuilder().update().set({ passwordHash });
    if (options.endSessions) query.set({ passwordHash, sessionVersion: () => 'session_version + 1' });
    await query.where('id = :userId', { userId }).execute();
    // Whoever used a link mailed to the account's address proved they read it.
    if (options.verifyEmail) await this.markEmailVerified(manager, userId, options.verifyEmail);
  }
}
