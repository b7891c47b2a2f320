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
  async createIfEmailFree(input: { email: string; name: string; role: UserRole; passwordHash: string }): Promise<UserEntity | null> {
    const email = normalEmailOrThrow(input.email, 'email');
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values({ ...input, email, emailSkeleton: emailSkeleton(email), name: input.name.trim() })
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.identifiers[0]?.id as string | undefined;
    return inserted ? this.findById(inserted) : null;
  }

  /** Records whether the user has a confirmed second factor, in the transaction that changes the factor. */
  async setMfaEnabled(manager: EntityManager, userId: string, enabled: boolean): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { mfaEnabled: enabled });
  }

  /** Invalidates every access token issued to the user so far (log-out everywhere). */
  async bumpSessionVersion(userId: string): Promise<void> {
    await this.users.increment({ id: userId }, 'sessionVersion', 1);
  }
}
