import { UserRole } from '../../domain/user-role.enum.js';

/** Who is calling: the authenticated user as the JWT strategy resolved it. */
export interface Actor {
  id: string;
  role: UserRole;
  email: string;
  name: string;
  /** Whether `email` is verified (see `RequiresVerifiedEmail`). */
  emailVerified: boolean;
  /** The account has a confirmed second factor (organizations with `requireMfa` ask for it before PHI and money acts). */
  mfaEnabled: boolean;
  /** The session (refresh-token family) of the access token this request came with; null for tokens issued before sessions were named. */
  sessionId: string | null;
}
