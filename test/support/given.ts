import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { ADMIN_EMAIL, ADMIN_PASSWORD, GraphqlResponse, TestApp } from './test-app.js';
import type { Untyped } from './untyped.js';
import { mailbox } from './mailbox.js';
import { LogInDocument, SignUpDocument, VerifyEmailDocument } from '../../client/generated/graphql.js';
import type { SessionFieldsFragment } from '../../client/generated/graphql.js';
import { sendOk } from './operations.js';

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

export const VERIFY_EMAIL = `mutation($token: String!) { verifyEmail(token: $token) { id email emailVerified } }`;

interface UserOverrides {
  email?: string;
  name?: string;
  /** false: leave the address unverified (it may not do the PHI, money and membership acts). */
  verified?: boolean;
}

/** A session as the tests use it: the user's address is always known to its owner. */
const asSession = ({ accessToken, refreshToken, user }: SessionFieldsFragment): Session => ({
  accessToken,
  refreshToken,
  user: { id: user.id, email: user.email!, name: user.name, role: user.role },
});

/** Test data built through the public API, as a client would. */
export function given(app: TestApp) {
  /** Verifies the user's address as its owner would: the link of the newest verification mail. */
  // Sign-up, log-in and verification go through the operations clients get (client/operations, generated).
  const verifyEmail = async (session: Session): Promise<Session> => {
    await sendOk(app, VerifyEmailDocument, { token: await mailbox(app).token(session.user.email, '/verify-email') });
    return session;
  };
  const signUp = async (role: 'PROVIDER' | 'CODER', overrides: UserOverrides = {}): Promise<Session> => {
    const input = { email: overrides.email ?? uniqueEmail(role.toLowerCase()), password: PASSWORD, name: overrides.name ?? `Test ${role}`, role };
    const session = asSession((await sendOk(app, SignUpDocument, { input })).signUp);
    return overrides.verified === false ? session : verifyEmail(session);
  };

  return {
    /** A provider whose email is verified (through the mailed link), unless `verified: false`. */
    provider: (overrides?: UserOverrides) => signUp('PROVIDER', overrides),
    /** A coder whose email is verified (through the mailed link), unless `verified: false`. */
    coder: (overrides?: UserOverrides) => signUp('CODER', overrides),
    verifyEmail,
    admin: async (): Promise<Session> => asSession((await sendOk(app, LogInDocument, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).logIn),
    /** A member of `organizationId` with `role` (a new verified provider unless `user` is given), invited by `owner` and accepted, through the API. */
    member: async (owner: Session, organizationId: string, role: 'ADMIN' | 'MEMBER' = 'MEMBER', user?: Session): Promise<Session> => {
      const joining = user ?? (await signUp('PROVIDER'));
      const { inviteMember } = ok(
        await app.gql<{ inviteMember: { id: string } }>(
          `mutation($org: ID!, $email: String!, $role: MembershipRole!) { inviteMember(organizationId: $org, email: $email, role: $role) { id } }`,
          { org: organizationId, email: joining.user.email, role },
          owner.accessToken,
        ),
      );
      ok(await app.gql(`mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`, { id: inviteMember.id }, joining.accessToken));
      return joining;
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

export const PROFILE_FIELDS = `id headline bio yearsExperience timezone weeklyCapacityHours hourlyRateCents perChartRateCents available
  specialties { specialty yearsExperience } codeSets workTypes ehrSystems ratingAverage ratingCount accuracyScore
  user { id name email } credentials { id type status expiresOn number }`;

export function profileInput(overrides: Record<string, unknown> = {}) {
  return {
    headline: 'Certified cardiology coder',
    bio: 'Outpatient cardiology and E/M coding for small practices.',
    yearsExperience: 8,
    timezone: 'America/Chicago',
    weeklyCapacityHours: 30,
    hourlyRateCents: 4500,
    perChartRateCents: 350,
    available: true,
    specialties: [{ specialty: 'CARDIOLOGY', yearsExperience: 7 }],
    codeSets: ['ICD10CM', 'CPT'],
    workTypes: ['CODING'],
    ehrSystems: ['Epic'],
    ...overrides,
  };
}

/** Coder journeys through the API: profile, credentials, admin verification. */
export function coders(app: TestApp) {
  const a = given(app);
  const upsertProfile = async (coder: Session, overrides: Record<string, unknown> = {}) =>
    ok(
      await app.gql<{ upsertCoderProfile: Untyped }>(
        `mutation($input: UpsertCoderProfileInput!) { upsertCoderProfile(input: $input) { ${PROFILE_FIELDS} } }`,
        { input: profileInput(overrides) },
        coder.accessToken,
      ),
    ).upsertCoderProfile;
  /** Uploads a certificate (POST /credential-documents) as the coder; returns its id. */
  /** Uploads a certificate; without `bytes`, a file of its own (one certificate file counts once: see docs/credentials.md). */
  const uploadCertificate = async (coder: Session, bytes: Buffer = uniqueCertificatePdf(), filename = 'certificate.pdf', contentType = 'application/pdf'): Promise<string> => {
    const response = await app.http().post('/credential-documents').set('authorization', `Bearer ${coder.accessToken}`).attach('file', bytes, { filename, contentType });
    if (response.status !== 201) throw new Error(`certificate upload answered ${response.status}: ${response.text}`);
    return (response.body as { id: string }).id;
  };
  /**
   * Adds a credential as the coder would with their certificate: uploads one (unless `evidenceDocumentId`
   * is given, null for none) and, for AAPC types, gives a membership date a year out unless the input has one.
   */
  const addCredential = async (coder: Session, input: Record<string, unknown>) => {
    const full = { ...input };
    if (!('evidenceDocumentId' in full)) full.evidenceDocumentId = await uploadCertificate(coder);
    if (!('membershipExpiresOn' in full) && !AHIMA_TYPES.includes(String(full.type))) full.membershipExpiresOn = inMonths(11);
    return ok(
      await app.gql<{ addCredential: Untyped }>(
        `mutation($input: AddCredentialInput!) { addCredential(input: $input) { id type status number expiresOn membershipExpiresOn active inactiveReason } }`,
        { input: full },
        coder.accessToken,
      ),
    ).addCredential;
  };
  // One admin session for the journeys of this helper: concurrent verifications share it (each
  // log-in of its own would count against the log-in slow-down, which checks attempts in flight).
  let adminSession: Promise<Session> | undefined;
  const verify = async (credentialId: string, approve = true) => {
    const admin = await (adminSession ??= a.admin());
    return ok(
      await app.gql<{ verifyCredential: Untyped }>(
        `mutation($id: ID!, $approve: Boolean!) { verifyCredential(id: $id, approve: $approve, note: "Checked on aapc.com") { id status } }`,
        { id: credentialId, approve },
        admin.accessToken,
      ),
    ).verifyCredential;
  };
  return {
    upsertProfile,
    uploadCertificate,
    addCredential,
    verify,
    /** A coder with a profile and verified credentials (default: CPC, expiring in a year). */
    verifiedCoder: async (options: { profile?: Record<string, unknown>; credentials?: string[]; name?: string } = {}) => {
      const coder = await a.coder({ name: options.name });
      const profile = await upsertProfile(coder, options.profile);
      for (const type of options.credentials ?? ['CPC']) {
        const credential = await addCredential(coder, { type, number: `${type.replace('_', '-')}-${Math.floor(Math.random() * 1e8)}`, issuedOn: '2022-01-15', expiresOn: nextYear() });
        await verify(credential.id);
      }
      return { coder, profile };
    },
  };
}

export const nextYear = () => `${new Date().getUTCFullYear() + 1}-12-31`;

/** Today plus `months` (UTC), `YYYY-MM-DD`; negative for the past. */
export function inMonths(months: number, days = 0): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** AHIMA credential types (no membership date); every other type is AAPC. */
export const AHIMA_TYPES = ['CCA', 'CCS', 'CCS_P', 'RHIT', 'RHIA', 'CDIP', 'CHDA', 'CHPS'];

/** A minimal PDF, accepted as a certificate. */
export const CERTIFICATE_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% AAPC certificate\n%%EOF\n');
/** A certificate PDF no other upload has: the same bytes as CERTIFICATE_PDF with a fresh id in a comment. */
export const uniqueCertificatePdf = () => Buffer.concat([CERTIFICATE_PDF, Buffer.from(`% certificate ${randomUUID()}\n`)]);

export const JOB_FIELDS = `id title status specialty codeSets workType setting ehrSystem requiredCredentialTypes chartsPerWeek turnaroundHours
  accuracyTargetBps payModel rateCents budgetCents percentOfCollectionsBps startsOn durationWeeks requiresBaa positions positionsFilled organization { id name }`;

export function jobInput(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    title: 'Outpatient cardiology coder',
    description: 'Code cardiology clinic visits and echo reads in Epic.',
    specialty: 'CARDIOLOGY',
    codeSets: ['ICD10CM', 'CPT'],
    workType: 'CODING',
    setting: 'OUTPATIENT',
    ehrSystem: 'Epic',
    requiredCredentialTypes: ['CPC'],
    chartsPerWeek: 150,
    turnaroundHours: 48,
    accuracyTargetBps: 9500,
    payModel: 'PER_CHART',
    rateCents: 400,
    requiresBaa: true,
    positions: 1,
    ...overrides,
  };
}

/** Provider journeys: a practice posts a job. */
export async function postJob(app: TestApp, owner: Session, organizationId: string, overrides: Record<string, unknown> = {}) {
  return ok(
    await app.gql<{ createJobPosting: Untyped }>(
      `mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { ${JOB_FIELDS} } }`,
      { input: jobInput(organizationId, overrides) },
      owner.accessToken,
    ),
  ).createJobPosting;
}
