import type { Actor } from '../common/auth/actor.js';
import { User } from './dto/user.model.js';
import { UserEntity } from './user.entity.js';
import { UserRole } from '../domain/user-role.enum.js';

/** The GraphQL view of a user, hiding the email and whether MFA is on from anyone but the user and admins. */
export function toUser(user: UserEntity, viewer: Pick<Actor, 'id' | 'role'> | null): User {
  const seesAccount = viewer !== null && (viewer.id === user.id || viewer.role === UserRole.ADMIN);
  return {
    id: user.id,
    email: seesAccount ? user.email : null,
    emailVerified: user.emailVerifiedAt !== null,
    name: user.name,
    role: user.role,
    mfaEnabled: seesAccount && user.mfaEnabled,
    createdAt: user.createdAt,
  };
}
