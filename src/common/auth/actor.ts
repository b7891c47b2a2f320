import { UserRole } from '../../domain/user-role.enum.js';

/** Who is calling: the authenticated user as the JWT strategy resolved it. */
export interface Actor {
  id: string;
  role: UserRole;
  email: string;
  name: string;
}
