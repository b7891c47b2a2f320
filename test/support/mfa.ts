import { setTimeout as pause } from 'node:timers/promises';
import { generate } from 'otplib';
import { AUTH_FIELDS, ok, PASSWORD, Session } from './given.js';
import { GraphqlResponse, TestApp } from './test-app.js';

export const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
export const START = `mutation($password: String!) { startMfaEnrollment(currentPassword: $password) { secret otpauthUrl } }`;
export const CONFIRM = `mutation($code: String!) { confirmMfaEnrollment(code: $code) }`;
export const DISABLE = `mutation($code: String!) { disableMfa(code: $code) }`;

const PERIOD_MS = 30_000;
// A code is sent within this long of being made; it must still be valid (one step of drift either way) on arrival.
const IN_FLIGHT_MS = 5_000;
const stepAt = (ms: number) => Math.floor(ms / PERIOD_MS);

/**
 * An authenticator app for `secret`, as the server judges one: each code for a later time step than
 * the one before (a step is used once), and valid from now until it has surely arrived. When the
 * next free step is not valid yet, it waits for it (a third code within one 30-second step can wait
 * up to 30 s), so no test depends on where in a step it runs.
 */
export function authenticator(secret: string) {
  let last: number | null = null;
  const codeFor = (step: number) => generate({ secret, epoch: step * (PERIOD_MS / 1000) });
  return {
    codeFor,
    /** The step of the last code handed out. */
    get lastStep(): number | null {
      return last;
    },
    async next(): Promise<string> {
      for (;;) {
        const now = Date.now();
        const step = Math.max(last === null ? -Infinity : last + 1, stepAt(now + IN_FLIGHT_MS) - 1);
        if (step <= stepAt(now) + 1) {
          last = step;
          return codeFor(step);
        }
        await pause((step - 1) * PERIOD_MS - now + 10);
      }
    },
    /** A six-digit code that is none of the codes valid now or in the next few seconds. */
    async wrong(): Promise<string> {
      const now = Date.now();
      const valid = new Set(await Promise.all([-1, 0, 1, 2].map((offset) => codeFor(stepAt(now) + offset))));
      for (let n = 0; ; n++) {
        const candidate = String(n).padStart(6, '0');
        if (!valid.has(candidate)) return candidate;
      }
    },
  };
}

export type Authenticator = ReturnType<typeof authenticator>;

/** Turns MFA on for `session`'s account through the API: its secret, its app and its recovery codes. */
export async function enrollMfa(app: TestApp, session: Session, password = PASSWORD): Promise<{ secret: string; app: Authenticator; recoveryCodes: string[] }> {
  const { secret } = ok(await app.gql<{ startMfaEnrollment: { secret: string } }>(START, { password }, session.accessToken)).startMfaEnrollment;
  const authApp = authenticator(secret);
  const recoveryCodes = ok(await app.gql<{ confirmMfaEnrollment: string[] }>(CONFIRM, { code: await authApp.next() }, session.accessToken)).confirmMfaEnrollment;
  return { secret, app: authApp, recoveryCodes };
}

/** `logIn` with an optional second-factor code. */
export function logIn(app: TestApp, email: string, password: string, mfaCode?: string): Promise<GraphqlResponse<{ logIn: Session }>> {
  return app.gql<{ logIn: Session }>(LOG_IN, { input: { email, password, ...(mfaCode === undefined ? {} : { mfaCode }) } });
}
