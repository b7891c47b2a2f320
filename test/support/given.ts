import { randomBytes } from 'node:crypto';
import { expect } from '@jest/globals';
import { ADMIN_EMAIL, ADMIN_PASSWORD, GraphqlResponse, TestApp } from './test-app.js';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string; role: string };
}

export const AUTH_FIELDS = 'accessToken refreshToken expiresIn user { id email name role }';
export const PASSWORD = 'correct horse battery staple';

/** A valid NPI (Luhn check digit with the 80840 prefix) for tests; `1234567893` is the CMS example. */
export const VALID_NPI = '1234567893';

const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}@example.test`;

/** Expects a successful GraphQL answer and returns its data. */
export function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** Expects exactly one error with `code` and returns it. */
export function failed(response: GraphqlResponse, code: string) {
  expect(response.errors?.map((e) => e.extensions.code)).toEqual([code]);
  return response.errors![0];
}

/** Test data built through the public API, as a client would. */
export function given(app: TestApp) {
  const signUp = async (role: 'PROVIDER' | 'CODER', overrides: { email?: string; name?: string } = {}): Promise<Session> => {
    const input = { email: overrides.email ?? uniqueEmail(role.toLowerCase()), password: PASSWORD, name: overrides.name ?? `Test ${role}`, role };
    const data = ok(await app.gql<{ signUp: Session }>(`mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`, { input }));
    return data.signUp;
  };

  return {
    provider: (overrides?: { email?: string; name?: string }) => signUp('PROVIDER', overrides),
    coder: (overrides?: { email?: string; name?: string }) => signUp('CODER', overrides),
    admin: async (): Promise<Session> => {
      const data = ok(await app.gql<{ logIn: Session }>(`mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }));
      return data.logIn;
    },
    /** A provider who owns a PROVIDER_PRACTICE. */
    practice: async (owner?: Session, name = 'Lakeside Family Practice') => {
      const session = owner ?? (await signUp('PROVIDER'));
      const data = ok(
        await app.gql<{ createOrganization: { id: string; name: string } }>(
          `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind npi } }`,
          { input: { name, kind: 'PROVIDER_PRACTICE' } },
          session.accessToken,
        ),
      );
      return { owner: session, organization: data.createOrganization };
    },
  };
}
