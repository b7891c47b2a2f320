import { toUser } from '../users/users.mapper.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import type { Session } from './auth.service.js';

/** A new session as its user sees it (their own email included). */
export const toAuthPayload = ({ tokens, user }: Session): AuthPayload => ({ ...tokens, user: toUser(user, user) });
