import type { Actor } from './actor.js';

/** An access token checked for a long-lived channel (the WebSocket): whose it is, which session, until when. */
export interface VerifiedSession {
  userId: string;
  /** The caller as the JWT strategy resolves it over HTTP: the socket's operations run as this actor without a lookup each. */
  actor: Actor;
  /** The refresh-token family the token was issued in (its `sid` claim); null for tokens issued before `sid` existed. */
  sessionId: string | null;
  expiresAt: Date;
}

/**
 * Verifies an access token and that its session is still live (signature, expiry, session version,
 * refresh family not revoked); throws `UnauthenticatedError` otherwise. The auth module provides it;
 * `common` depends only on this contract.
 */
export abstract class AccessTokenVerifier {
  abstract verify(accessToken: string): Promise<VerifiedSession>;

  /**
   * The user a validly signed, unexpired access token names, or null; checked without the database
   * (the session may have ended), so only fit to count a request against its user.
   */
  abstract subjectOf(accessToken: string): string | null;
}

/** PubSub topic on which the auth module announces ended sessions; the WebSocket server of every instance listens. */
export const SESSION_ENDED = 'auth.sessionEnded';

/** One ended session (`sessionId`: a refresh-token family), or every session of the user when it is absent. */
export interface SessionEnded {
  userId: string;
  sessionId?: string;
}
