import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { byKeys, RequestLoaders } from '../common/loaders/request-loaders.js';
import { UserEntity } from './user.entity.js';
import { UserRole } from '../domain/user-role.enum.js';

/** Trims and lower-cases an email, the only form stored and compared. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The user, read through `manager` when called inside a transaction. */
  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager?.getRepository(UserEntity) ?? this.users).findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findBy({ id: In([...ids]) });
  }

  /** Loads a user through the request's DataLoader, batching the lookups of one request. */
  loadById(loaders: RequestLoaders, id: string): Promise<UserEntity | null> {
    return loaders.get<string, UserEntity | null>('userById', async (ids) => byKeys(ids, await this.findByIds(ids), (user) => user.id)).load(id);
  }

  /**
   * Inserts a user unless the (normalized) email is taken; returns null when it is.
   * The unique index decides, so two racing sign-ups cannot both win.
   */
  async createIfEmailFree(input: { email: string; name: string; role: UserRole; passwordHash: string; emailVerifiedAt?: Date | null }, manager?: EntityManager): Promise<UserEntity | null> {
    const result = await (manager?.getRepository(UserEntity) ?? this.users)
      .createQueryBuilder()
      .insert()
      .values({ ...input, email: normalizeEmail(input.email), name: input.name.trim() })
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.identifiers[0]?.id as string | undefined;
    return inserted ? this.findById(inserted, manager) : null;
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
   * Moves the user to `email`, verified (the caller proved it reaches them); false when another account
   * has that address. Two accounts racing to one address: the unique index refuses the second
   * (`users_email_key`, a unique violation the caller answers as CONFLICT).
   */
  async replaceEmail(manager: EntityManager, userId: string, email: string): Promise<boolean> {
    const repository = manager.getRepository(UserEntity);
    if (await repository.exists({ where: { email: normalizeEmail(email) } })) return false;
    await repository.update({ id: userId }, { email: normalizeEmail(email), emailVerifiedAt: () => 'now()' });
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
