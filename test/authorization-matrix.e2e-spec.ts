import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { parseLeieCsv } from '../src/domain/leie.js';
import { ScreeningService } from '../src/screening/screening.service.js';
import { eventually } from './support/app-process.js';
import { coders, given, inMonths, jobInput, ok, PASSWORD, postJob, Session } from './support/given.js';
import { mailbox } from './support/mailbox.js';
import { ADMIN_PASSWORD, TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

/**
 * Every Query, Mutation and Subscription of schema.graphql against seven actors (the last one a MEMBER
 * of the provider's practice: it reads, messages and recruits, never acts in money or PHI). A cell is the code the
 * actor must get (U = UNAUTHENTICATED, F = FORBIDDEN, N = NOT_FOUND, C = CONFLICT) or O: the call
 * succeeds. C is declared cell by cell: an actor allowed to act whose act the object's state refuses
 * (a milestone not funded yet, a contract already ended). A CONFLICT in an O cell fails, so a
 * forbidden act cannot pass for allowed by happening to answer CONFLICT. The codes are decided once
 * (docs/security.md, "Access"): no standing toward the object N, a standing without the permission
 * F, a state that forbids the act C. A new operation without an entry here fails the completeness test.
 */
const ACTORS = ['anonymous', 'coder', 'otherCoder', 'provider', 'otherProvider', 'admin', 'practiceMember'] as const;
type ActorName = (typeof ACTORS)[number];
type World = Record<string, Untyped>;
interface Entry {
  doc: string;
  vars?: (w: World, actor: ActorName) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Seven letters in ACTORS order, e.g. "U O N O N O O". */
  expect: string;
  ws?: boolean;
}

const CODES: Record<string, string> = { U: 'UNAUTHENTICATED', F: 'FORBIDDEN', N: 'NOT_FOUND', C: 'CONFLICT' };

// Non-destructive operations first; the last ones end contracts, close postings and log out.
const MATRIX: Record<string, Entry> = {
  // Queries
  me: { doc: '{ me { id } }', expect: 'U O O O O O O' },
  coders: { doc: '{ coders(first: 1) { totalCount } }', expect: 'O O O O O O O' },
  coderProfile: { doc: 'query($id: ID!) { coderProfile(id: $id) { id } }', vars: (w) => ({ id: w.coderProfileId }), expect: 'O O O O O O O' },
  jobPosting: { doc: 'query($id: ID!) { jobPosting(id: $id) { id } }', vars: (w) => ({ id: w.jobOpen.id }), expect: 'O O O O O O O' },
  jobPostings: { doc: '{ jobPostings(first: 1) { totalCount } }', expect: 'O O O O O O O' },
  businessAssociateAgreement: { doc: '{ businessAssociateAgreement { version sha256 } }', expect: 'O O O O O O O' },
  subcontractorBaas: { doc: 'query($org: ID!) { subcontractorBaas(organizationId: $org) { edges { node { id } } } }', vars: (w) => ({ org: w.agency }), expect: 'U O O N N F N' },
  organization: { doc: 'query($id: ID!) { organization(id: $id) { id } }', vars: (w) => ({ id: w.practice }), expect: 'U N N O N O O' },
  myOrganizations: { doc: '{ myOrganizations { id } }', expect: 'U O O O O O O' },
  myOrganizationsConnection: { doc: '{ myOrganizationsConnection { edges { node { id } } } }', expect: 'U O O O O O O' },
  myJobPostings: { doc: '{ myJobPostings { totalCount } }', expect: 'U O O O O O O' },
  myMembershipInvitations: { doc: '{ myMembershipInvitations { edges { node { id } } } }', expect: 'U O O O O O O' },
  myCoderProfile: { doc: '{ myCoderProfile { id } }', expect: 'U O O F F F F' },
  myCredentials: { doc: '{ myCredentials { id } }', expect: 'U O O F F F F' },
  pendingCredentials: { doc: '{ pendingCredentials { totalCount } }', expect: 'U F F F F O F' },
  myBids: { doc: '{ myBids { totalCount } }', expect: 'U O O O O O O' },
  myInvitations: { doc: '{ myInvitations { totalCount } }', expect: 'U O O F F F F' },
  myNotifications: { doc: '{ myNotifications { totalCount } }', expect: 'U O O O O O O' },
  matchCoders: { doc: 'query($id: ID!) { matchCoders(jobPostingId: $id) { score } }', vars: (w) => ({ id: w.jobOpen.id }), expect: 'U N N O N F O' },
  recommendedJobs: { doc: '{ recommendedJobs { score } }', expect: 'U O O F F F F' },
  contract: { doc: 'query($id: ID!) { contract(id: $id) { id } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N O O' },
  myContracts: { doc: '{ myContracts { totalCount } }', expect: 'U O O O O O O' },
  invoices: { doc: 'query($id: ID!) { invoices(contractId: $id) { id } }', vars: (w) => ({ id: w.contractPerChart }), expect: 'U O N O N O O' },
  invoicesConnection: { doc: 'query($id: ID!) { invoicesConnection(contractId: $id) { edges { node { id } } } }', vars: (w) => ({ id: w.contractPerChart }), expect: 'U O N O N O O' },
  myEarnings: { doc: '{ myEarnings { paidOutCents } }', expect: 'U O O F F F F' },
  payoutAccount: { doc: '{ payoutAccount { status } }', expect: 'U O O F F F F' },
  openDisputes: { doc: '{ openDisputes { edges { node { id } } } }', expect: 'U F F F F O F' },
  documents: { doc: 'query($id: ID!) { documents(contractId: $id) { id } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N F F' },
  documentsConnection: { doc: 'query($id: ID!) { documentsConnection(contractId: $id) { edges { node { id } } } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N F F' },
  auditLog: { doc: 'query($id: ID!) { auditLog(contractId: $id) { totalCount } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N O O' },
  auditEvents: { doc: '{ auditEvents { totalCount } }', expect: 'U F F F F O F' },
  auditChainIntact: { doc: '{ auditChainIntact }', expect: 'U F F F F O F' },
  codedBatches: { doc: 'query($id: ID!) { codedBatches(contractId: $id) { edges { node { id } } } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N F F' },
  codedBatch: { doc: 'query($id: ID!) { codedBatch(id: $id) { id } }', vars: (w) => ({ id: w.batch }), expect: 'U O N O N F F' },
  codedBatchCsv: { doc: 'query($id: ID!) { codedBatchCsv(id: $id) }', vars: (w) => ({ id: w.batch }), expect: 'U O N O N F F' },
  contractReviews: { doc: 'query($id: ID!) { contractReviews(contractId: $id) { id } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N O O' },
  messages: { doc: 'query($id: ID!) { messages(contractId: $id) { totalCount } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N F O' },
  // Subscriptions (graphql-ws)
  messageAdded: { doc: 'subscription($id: ID!) { messageAdded(contractId: $id) { id } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N F O', ws: true },
  notificationAdded: { doc: 'subscription { notificationAdded { id } }', expect: 'U O O O O O O', ws: true },
  // Mutations
  revokeMembershipInvitation: { doc: 'mutation($id: ID!) { revokeMembershipInvitation(id: $id) }', vars: (w) => ({ id: w.memberInvitation }), expect: 'U N N O N F F' },
  removeMember: { doc: 'mutation($org: ID!, $user: ID!) { removeMember(organizationId: $org, userId: $user) }', vars: (w) => ({ org: w.practice, user: w.removableMember }), expect: 'U N N O N F F' },
  changeMemberRole: {
    doc: 'mutation($org: ID!, $user: ID!) { changeMemberRole(organizationId: $org, userId: $user, role: ADMIN) { id } }',
    vars: (w) => ({ org: w.practice, user: w.promotableMember }),
    expect: 'U N N O N F F',
  },
  signUp: {
    doc: 'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    vars: () => ({ input: { email: `m-${randomBytes(5).toString('hex')}@example.test`, password: 'correct horse battery staple', name: 'Matrix', role: 'CODER' } }),
    expect: 'O O O O O O O',
  },
  logIn: {
    doc: 'mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }',
    vars: (w) => ({ input: { email: w.coderEmail, password: 'correct horse battery staple' } }),
    expect: 'O O O O O O O',
  },
  refreshToken: { doc: 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', vars: async (w) => ({ t: (await w.freshSession()).refreshToken }), expect: 'O O O O O O O' },
  // Every account may manage its own MFA: confirming and disabling before any enrollment is a state refusal.
  confirmMfaEnrollment: { doc: 'mutation { confirmMfaEnrollment(code: "123456") }', expect: 'U C C C C C C' },
  disableMfa: { doc: 'mutation { disableMfa(code: "123456") }', expect: 'U C C C C C C' },
  startMfaEnrollment: {
    doc: 'mutation($password: String!) { startMfaEnrollment(currentPassword: $password) { otpauthUrl } }',
    vars: (_w, actor) => ({ password: actor === 'admin' ? ADMIN_PASSWORD : PASSWORD }),
    expect: 'U O O O O O O',
  },
  createOrganization: { doc: 'mutation { createOrganization(input: { name: "Matrix Clinic", kind: PROVIDER_PRACTICE }) { id } }', expect: 'U F F O O F O' },
  setOrganizationRequireMfa: {
    doc: 'mutation($org: ID!) { setOrganizationRequireMfa(organizationId: $org, requireMfa: false) { id } }',
    vars: (w) => ({ org: w.practice }),
    expect: 'U N N O N F F',
  },
  inviteMember: { doc: 'mutation($org: ID!) { inviteMember(organizationId: $org, email: "new-hire@example.test", role: MEMBER) { id } }', vars: (w) => ({ org: w.practice }), expect: 'U N N O N F F' },
  acceptMembershipInvitation: { doc: 'mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }', vars: (w) => ({ id: w.companyInvite1 }), expect: 'U O N N N N N' },
  declineMembershipInvitation: { doc: 'mutation($id: ID!) { declineMembershipInvitation(id: $id) { id } }', vars: (w) => ({ id: w.companyInvite2 }), expect: 'U O N N N N N' },
  upsertCoderProfile: { doc: 'mutation($input: UpsertCoderProfileInput!) { upsertCoderProfile(input: $input) { id } }', vars: (w) => ({ input: w.profileInput }), expect: 'U O O F F F F' },
  addCredential: {
    doc: 'mutation($input: AddCredentialInput!) { addCredential(input: $input) { id } }',
    vars: () => ({ input: { type: 'CRC', number: 'CRC-MATRIX', issuedOn: '2022-01-01', expiresOn: inMonths(12), membershipExpiresOn: inMonths(6) } }),
    expect: 'U O O F F F F',
  },
  renewCredential: {
    doc: 'mutation($id: ID!, $input: RenewCredentialInput!) { renewCredential(id: $id, input: $input) { id } }',
    vars: (w) => ({ id: w.coderCpc, input: { expiresOn: inMonths(20), evidenceDocumentId: w.coderCertificate } }),
    expect: 'U O N F F F F',
  },
  requestApprenticeConversion: {
    doc: 'mutation($id: ID!, $input: RequestApprenticeConversionInput!) { requestApprenticeConversion(id: $id, input: $input) { id } }',
    vars: (w) => ({ id: w.coderApprentice, input: { evidenceDocumentId: w.coderCertificate, note: 'Two years' } }),
    expect: 'U C N F F F F',
  },
  logCeu: {
    doc: 'mutation($input: LogCeuInput!) { logCeu(input: $input) { id } }',
    vars: (_w, actor) => ({ input: { issuer: 'AAPC', title: `Matrix webinar (${actor})`, provider: 'AAPC', completedOn: inMonths(-1), ceus: 1, category: 'CORE_A' } }),
    expect: 'U O O F F F F',
  },
  // The coder's own entry, but the credential's evidence cannot double as a CEU certificate: a state refusal (before deleteCeu removes the entry).
  attachCeuCertificate: {
    doc: 'mutation($id: ID!, $doc: ID!) { attachCeuCertificate(id: $id, certificateDocumentId: $doc) { id } }',
    vars: (w) => ({ id: w.coderCeu, doc: w.coderCertificate }),
    expect: 'U C N F F F F',
  },
  deleteCeu: { doc: 'mutation($id: ID!) { deleteCeu(id: $id) { id } }', vars: (w) => ({ id: w.coderCeu }), expect: 'U O N F F F F' },
  ceuCycles: { doc: 'query($coder: ID) { ceuCycles(coderId: $coder) { issuer } }', vars: (w) => ({ coder: w.coderUserId }), expect: 'U O N F F O F' },
  reviewCredentialChange: { doc: 'mutation($id: ID!) { reviewCredentialChange(id: $id, approve: true) { id } }', vars: (w) => ({ id: w.pendingChange }), expect: 'U F F F F O F' },
  updateCredential: { doc: 'mutation($id: ID!) { updateCredential(id: $id, input: { number: "CPC-NEW-1" }) { id } }', vars: (w) => ({ id: w.coderSpareCredential }), expect: 'U O N F F F F' },
  pendingCredentialChanges: { doc: '{ pendingCredentialChanges(first: 5) { totalCount } }', expect: 'U F F F F O F' },
  verifyCredential: { doc: 'mutation($id: ID!) { verifyCredential(id: $id, approve: true) { id } }', vars: (w) => ({ id: w.pendingCredential }), expect: 'U F F F F O F' },
  screeningHolds: { doc: '{ screeningHolds { totalCount } }', expect: 'U F F F F O F' },
  clearScreeningHold: { doc: 'mutation($id: ID!) { clearScreeningHold(id: $id, note: "x") { id } }', vars: (w) => ({ id: w.holdToClear }), expect: 'U F F F F O F' },
  confirmScreeningHold: { doc: 'mutation($id: ID!) { confirmScreeningHold(id: $id, note: "x") { id } }', vars: (w) => ({ id: w.holdToConfirm }), expect: 'U F F F F O F' },
  verifyOrganization: { doc: 'mutation($id: ID!) { verifyOrganization(id: $id) { id } }', vars: (w) => ({ id: w.practice }), expect: 'U F F F F O F' },
  createJobPosting: { doc: 'mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { id } }', vars: (w) => ({ input: jobInput(w.practice) }), expect: 'U F F O N F O' },
  submitBid: {
    doc: 'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }',
    vars: (w) => ({ input: { jobPostingId: w.jobBidOn.id, rateCents: 400, coverLetter: 'Matrix' } }),
    expect: 'U O O F F F F',
  },
  withdrawBid: { doc: 'mutation($id: ID!) { withdrawBid(id: $id) { id } }', vars: (w) => ({ id: w.coderBid }), expect: 'U O N N N N N' },
  rejectBid: { doc: 'mutation($id: ID!) { rejectBid(id: $id) { id } }', vars: (w) => ({ id: w.otherCoderBid }), expect: 'U N N O N F C' },
  acceptBid: { doc: 'mutation($id: ID!) { acceptBid(id: $id) { id } }', vars: (w) => ({ id: w.acceptableBid }), expect: 'U F F O N F F' },
  inviteCoder: {
    doc: 'mutation($job: ID!, $coder: ID!) { inviteCoder(jobPostingId: $job, coderProfileId: $coder) { id } }',
    vars: (w) => ({ job: w.jobOpen.id, coder: w.otherCoderProfileId }),
    expect: 'U F F O N F C',
  },
  declineInvitation: { doc: 'mutation($id: ID!) { declineInvitation(id: $id) { id } }', vars: (w) => ({ id: w.jobInvitation }), expect: 'U C N F F F F' },
  markNotificationRead: { doc: 'mutation($id: ID!) { markNotificationRead(id: $id) { id } }', vars: (w) => ({ id: w.coderNotification }), expect: 'U O N N N N N' },
  startPayoutOnboarding: { doc: 'mutation { startPayoutOnboarding(returnUrl: "https://app.test/ok", refreshUrl: "https://app.test/retry") }', expect: 'U O O F F F F' },
  startPaymentMethodSetup: { doc: 'mutation($org: ID!) { startPaymentMethodSetup(organizationId: $org) }', vars: (w) => ({ org: w.practice }), expect: 'U F F O N F F' },
  createMilestone: {
    doc: 'mutation($id: ID!) { createMilestone(contractId: $id, input: { title: "Matrix", amountCents: 1000 }) { id } }',
    vars: (w) => ({ id: w.contractFixed }),
    expect: 'U F F O N F F',
  },
  fundMilestone: { doc: 'mutation($id: ID!) { fundMilestone(id: $id) { status } }', vars: (w) => ({ id: w.milestoneToFund }), expect: 'U F F O N F F' },
  cancelMilestone: { doc: 'mutation($id: ID!) { cancelMilestone(id: $id) { status } }', vars: (w) => ({ id: w.milestoneToCancel }), expect: 'U F F O N F F' },
  submitMilestone: { doc: 'mutation($id: ID!) { submitMilestone(id: $id) { id } }', vars: (w) => ({ id: w.milestone }), expect: 'U O N F F F F' },
  // Sent back to FUNDED by the practice, so the approval below still releases it.
  requestMilestoneChanges: {
    doc: 'mutation($id: ID!) { requestMilestoneChanges(id: $id, note: "Matrix") { status } }',
    vars: (w) => ({ id: w.milestone }),
    expect: 'U F F O N F F',
  },
  approveMilestone: { doc: 'mutation($id: ID!) { approveMilestone(id: $id) { id } }', vars: (w) => ({ id: w.milestone }), expect: 'U F F O N F F' },
  refundMilestone: { doc: 'mutation($id: ID!) { refundMilestone(id: $id) { id } }', vars: (w) => ({ id: w.milestone }), expect: 'U F F C N F F' },
  logWork: {
    doc: 'mutation($id: ID!, $day: Date!) { logWork(contractId: $id, input: { workedOn: $day, minutes: 5 }) { id } }',
    vars: (w) => ({ id: w.contractHourly, day: new Date().toISOString().slice(0, 10) }),
    expect: 'U O N F F F F',
  },
  // The provider pauses one contract and resumes another it paused before the matrix ran.
  pauseContract: { doc: 'mutation($id: ID!) { pauseContract(id: $id) { id } }', vars: (w) => ({ id: w.contractToPause }), expect: 'U F N O N F F' },
  resumeContract: { doc: 'mutation($id: ID!) { resumeContract(id: $id) { id } }', vars: (w) => ({ id: w.contractPaused }), expect: 'U F N O N F F' },
  reportCollections: {
    doc: 'mutation($id: ID!) { reportCollections(contractId: $id, periodStart: "2026-01-01", periodEnd: "2026-01-31", collectedCents: 100000) { id } }',
    vars: (w) => ({ id: w.contractPerChart }),
    expect: 'U F F C N F F',
  },
  signBaa: { doc: 'mutation($id: ID!) { signBaa(contractId: $id) { id } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N F F' },
  // The agency's subcontractor BAA: its member `coder` and its OWNER `otherCoder` sign; only the OWNER countersigns the coder's.
  signSubcontractorBaa: { doc: 'mutation($org: ID!) { signSubcontractorBaa(organizationId: $org) { id } }', vars: (w) => ({ org: w.agency }), expect: 'U O O N N F N' },
  countersignSubcontractorBaa: {
    doc: 'mutation($org: ID!, $coder: ID!) { countersignSubcontractorBaa(organizationId: $org, coderId: $coder) { id } }',
    vars: (w) => ({ org: w.agency, coder: w.agencyCoder }),
    expect: 'U F O N N F N',
  },
  submitCodedBatch: {
    doc: 'mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "M-1", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }',
    vars: (w) => ({ id: w.contractFixed }),
    expect: 'U O N F N F F',
  },
  workRequests: { doc: 'query($id: ID!) { workRequests(contractId: $id) { totalCount } }', vars: (w) => ({ id: w.contractPerChart }), expect: 'U O N O N O O' },
  myWorkQueue: { doc: '{ myWorkQueue { totalCount } }', expect: 'U O O F F F F' },
  createWorkRequest: {
    doc: 'mutation($id: ID!, $due: DateTime!) { createWorkRequest(contractId: $id, input: { title: "Matrix", chartCount: 5, dueAt: $due }) { id } }',
    vars: (w) => ({ id: w.contractPerChart, due: new Date(Date.now() + 86_400_000).toISOString() }),
    expect: 'U F N O N F F',
  },
  cancelWorkRequest: { doc: 'mutation($id: ID!) { cancelWorkRequest(id: $id) { id } }', vars: (w) => ({ id: w.workRequest }), expect: 'U F N O N F F' },
  reviewCodedBatch: { doc: 'mutation($id: ID!) { reviewCodedBatch(batchId: $id, input: { accept: true }) { id } }', vars: (w) => ({ id: w.batch }), expect: 'U F N O N F F' },
  auditCodedBatch: { doc: 'mutation($id: ID!) { auditCodedBatch(batchId: $id, input: { sampled: 1, errors: 0 }) { id } }', vars: (w) => ({ id: w.batch }), expect: 'U F N O N F F' },
  rebutAuditFinding: { doc: 'mutation($id: ID!) { rebutAuditFinding(findingId: $id, text: "It is right") { id } }', vars: (w) => ({ id: w.finding }), expect: 'U O N F N F F' },
  answerAuditRebuttal: {
    doc: 'mutation($id: ID!) { answerAuditRebuttal(findingId: $id, text: "It stands", upheld: true) { id } }',
    vars: (w) => ({ id: w.finding }),
    expect: 'U F N O N F F',
  },
  setEncounterClaimData: {
    doc: `mutation($id: ID!) { setEncounterClaimData(batchId: $id, input: { chartRef: "W-1", relationship: SELF, memberId: "M123", payerName: "Payer", payerId: "P01", claimFilingIndicator: "CI",
      patient: { lastName: "Doe", firstName: "Jane", dateOfBirth: "1960-01-01", gender: F, address: { line1: "1 Main St", city: "Austin", state: "TX", zip: "78701" } } }) { supplied } }`,
    vars: (w) => ({ id: w.batch }),
    expect: 'U F N O N F F',
  },
  encounterClaimDataStatus: { doc: 'query($id: ID!) { encounterClaimDataStatus(batchId: $id) { edges { node { supplied } } } }', vars: (w) => ({ id: w.batch }), expect: 'U F N O N F F' },
  encounterClaimData: { doc: 'query($id: ID!) { encounterClaimData(batchId: $id, chartRef: "W-1") { memberId } }', vars: (w) => ({ id: w.batch }), expect: 'U F N O N F F' },
  // The practice may export, but this batch has no CPT lines and the practice no billing profile: CONFLICT.
  codedBatchExport: { doc: 'query($id: ID!) { codedBatchExport(id: $id, format: X12_837P) }', vars: (w) => ({ id: w.batch }), expect: 'U F N C N F F' },
  setPracticeBillingProfile: {
    doc: `mutation($org: ID!) { setPracticeBillingProfile(organizationId: $org, input: { address: { line1: "1 Main St", city: "Austin", state: "TX", zip: "78701" }, ein: "123456789",
      contactName: "Pat", contactPhone: "5125550100", submitterId: "SUB01", clearinghouseName: "Acme", clearinghouseId: "ACME" }) { ein } }`,
    vars: (w) => ({ org: w.practice }),
    expect: 'U N N O N F F',
  },
  practiceBillingProfile: { doc: 'query($org: ID!) { practiceBillingProfile(organizationId: $org) { ein } }', vars: (w) => ({ org: w.practice }), expect: 'U N N O N O O' },
  sendMessage: { doc: 'mutation($id: ID!) { sendMessage(contractId: $id, body: "hello") { id } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U O N O N F O' },
  leaveReview: { doc: 'mutation($id: ID!) { leaveReview(contractId: $id, rating: 5) { id } }', vars: (w) => ({ id: w.contractFixed }), expect: 'U C N C N F F' },
  resolveDispute: { doc: 'mutation($id: ID!) { resolveDispute(id: $id, input: { outcome: REFUND }) { id } }', vars: (w) => ({ id: w.dispute }), expect: 'U F F F F O F' },
  openDispute: { doc: 'mutation($id: ID!) { openDispute(contractId: $id, reason: "Matrix") { id } }', vars: (w) => ({ id: w.contractToEnd }), expect: 'U O N C N F F' },
  // The company's contract (its member `coder` works it; `otherCoder` owns the company): only the company's OWNER or ADMIN gives it to another member (a CODER act: providers and admins are refused by role).
  reassignContractCoder: {
    doc: 'mutation($id: ID!, $coder: ID!) { reassignContractCoder(contractId: $id, coderId: $coder) { id } }',
    vars: (w) => ({ id: w.companyContract, coder: w.companySpareCoder }),
    expect: 'U F O F F F F',
  },
  closeJobPosting: { doc: 'mutation($id: ID!) { closeJobPosting(id: $id) { id } }', vars: (w) => ({ id: w.jobToClose.id }), expect: 'U N N O N F C' },
  endContract: { doc: 'mutation($id: ID!) { endContract(id: $id) { id } }', vars: (w) => ({ id: w.contractPerChart }), expect: 'U O N C N F F' },
  requestEmailVerification: { doc: 'mutation { requestEmailVerification }', expect: 'U C C C C C C' },
  verifyEmail: { doc: 'mutation($t: String!) { verifyEmail(token: $t) { id } }', vars: async (w) => ({ t: await w.freshVerificationToken() }), expect: 'O O O O O O O' },
  requestPasswordReset: { doc: 'mutation($e: String!) { requestPasswordReset(email: $e) }', vars: () => ({ e: `nobody-${randomBytes(5).toString('hex')}@example.test` }), expect: 'O O O O O O O' },
  resetPassword: {
    doc: 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }',
    vars: async (w) => ({ input: { token: await w.freshResetToken(), newPassword: 'a new long password' } }),
    expect: 'O O O O O O O',
  },
  requestEmailChange: {
    doc: 'mutation($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) }',
    vars: (_w, actor) => ({ input: { newEmail: `moved-${randomBytes(5).toString('hex')}@example.test`, currentPassword: actor === 'admin' ? ADMIN_PASSWORD : PASSWORD } }),
    expect: 'U O O O O O O',
  },
  // The caller's own session survives a password change (the matrix goes on with it); the same password again keeps logIn working.
  changePassword: {
    doc: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
    vars: (_w, actor) => ({ input: { currentPassword: actor === 'admin' ? ADMIN_PASSWORD : PASSWORD, newPassword: actor === 'admin' ? ADMIN_PASSWORD : PASSWORD } }),
    expect: 'U O O O O O O',
  },
  // The practice's only OWNER may not leave; its MEMBER may (and does: the last act before logging out).
  leaveOrganization: { doc: 'mutation($org: ID!) { leaveOrganization(organizationId: $org) }', vars: (w) => ({ org: w.practice }), expect: 'U N N C N N O' },
  logOut: { doc: 'mutation { logOut }', expect: 'U O O O O O O' },
};

describe('authorization matrix', () => {
  let app: TestApp;
  let host: string;
  const sessions: Partial<Record<ActorName, Session>> = {};
  const world: World = {};
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    host = await app.listen();
    const a = given(app);
    const c = coders(app);
    const practice = await a.practice();
    const other = await a.practice();
    const coder = await c.verifiedCoder({ credentials: ['CPC'] });
    const otherCoder = await c.verifiedCoder({ credentials: ['CPC'] });
    const practiceMember = await a.provider();
    Object.assign(sessions, { provider: practice.owner, otherProvider: other.owner, coder: coder.coder, otherCoder: otherCoder.coder, admin: await a.admin(), practiceMember });
    const P = practice.owner.accessToken;
    const C = coder.coder.accessToken;
    const O = otherCoder.coder.accessToken;
    Object.assign(world, {
      practice: practice.organization.id,
      coderProfileId: coder.profile.id,
      otherCoderProfileId: otherCoder.profile.id,
      coderEmail: coder.coder.user.email,
      profileInput: undefined,
    });
    world.freshSession = () => a.coder();
    world.freshVerificationToken = async () => mailbox(app).token((await a.coder({ verified: false })).user.email, '/verify-email');
    world.freshResetToken = async () => {
      const email = (await a.coder()).user.email;
      ok(await app.gql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email }));
      return mailbox(app).token(email, '/reset-password');
    };
    const joinPractice = async (member: Session) => {
      const invitation = ok(
        await app.gql(
          `mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`,
          { org: practice.organization.id, email: member.user.email },
          P,
        ),
      ).inviteMember.id;
      ok(await app.gql(`mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`, { id: invitation }, member.accessToken));
      return member.user.id;
    };
    await joinPractice(practiceMember);
    world.removableMember = await joinPractice(await a.provider());
    world.promotableMember = await joinPractice(await a.provider());
    world.memberInvitation = ok(
      await app.gql(`mutation($org: ID!) { inviteMember(organizationId: $org, email: "matrix-invitee@example.test", role: MEMBER) { id } }`, { org: practice.organization.id }, P),
    ).inviteMember.id;
    world.profileInput = {
      headline: 'Matrix coder',
      bio: '',
      yearsExperience: 3,
      timezone: 'UTC',
      weeklyCapacityHours: 10,
      available: true,
      specialties: [],
      codeSets: ['CPT'],
      workTypes: ['CODING'],
      ehrSystems: [],
    };

    const bid = async (token: string, jobId: string, extra: Record<string, unknown> = {}) =>
      ok(await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: jobId, rateCents: 400, coverLetter: 'x', ...extra } }, token)).submitBid
        .id as string;
    const accept = async (bidId: string) => ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: bidId }, P)).acceptBid.id as string;

    world.jobOpen = await postJob(app, practice.owner, practice.organization.id, { positions: 5 });
    world.jobBidOn = await postJob(app, practice.owner, practice.organization.id);
    world.jobToClose = await postJob(app, practice.owner, practice.organization.id);
    world.coderBid = await bid(C, world.jobOpen.id);
    world.otherCoderBid = await bid(O, world.jobOpen.id);
    const spare = await c.verifiedCoder();
    world.acceptableBid = await bid(spare.coder.accessToken, world.jobOpen.id);

    const fixedJob = await postJob(app, practice.owner, practice.organization.id, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000, requiresBaa: true });
    world.contractFixed = await accept(await bid(C, fixedJob.id, { rateCents: 50000 }));
    for (const token of [P, C]) ok(await app.gql(`mutation($id: ID!) { signBaa(contractId: $id) { id } }`, { id: world.contractFixed }, token));
    const milestone = async () =>
      ok(await app.gql(`mutation($id: ID!) { createMilestone(contractId: $id, input: { title: "M", amountCents: 5000 }) { id } }`, { id: world.contractFixed }, P)).createMilestone.id as string;
    world.milestoneToFund = await milestone();
    world.milestoneToCancel = await milestone();
    // Funded before the matrix runs (the simulated gateway confirms a payment a moment later), so each cell is deterministic.
    world.milestone = await milestone();
    ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: world.milestone }, P));
    expect(await eventually(async () => (await app.sql('SELECT status FROM milestones WHERE id = $1', [world.milestone]))[0].status === 'FUNDED', 10_000)).toBe(true);
    world.batch = ok(
      await app.gql(
        `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "W-1", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`,
        { id: world.contractFixed },
        C,
      ),
    ).submitCodedBatch.id;
    const auditedBatch = ok(
      await app.gql(
        `mutation($id: ID!) { submitCodedBatch(contractId: $id, input: { encounters: [{ chartRef: "W-2", serviceDate: "2026-11-02", icd10cm: ["I10"] }] }) { id } }`,
        { id: world.contractFixed },
        C,
      ),
    ).submitCodedBatch.id;
    world.finding = ok(
      await app.gql(
        `mutation($id: ID!) { auditCodedBatch(batchId: $id, input: { sampled: 1, errors: 1, findings: [{ category: WRONG_CODE, chartRef: "W-2" }] }) { auditFindings { id } } }`,
        { id: auditedBatch },
        P,
      ),
    ).auditCodedBatch.auditFindings[0].id;
    ok(await app.gql(`mutation($id: ID!) { sendMessage(contractId: $id, body: "hi") { id } }`, { id: world.contractFixed }, P));
    world.coderNotification = ok(await app.gql(`{ myNotifications(first: 1) { edges { node { id } } } }`, {}, C)).myNotifications.edges[0].node.id;

    world.contractPerChart = await accept(await bid(C, (await postJob(app, practice.owner, practice.organization.id)).id));
    world.workRequest = ok(
      await app.gql(
        `mutation($id: ID!, $due: DateTime!) { createWorkRequest(contractId: $id, input: { title: "W", chartCount: 3, dueAt: $due }) { id } }`,
        { id: world.contractPerChart, due: new Date(Date.now() + 86_400_000).toISOString() },
        P,
      ),
    ).createWorkRequest.id;
    world.contractHourly = await accept(await bid(C, (await postJob(app, practice.owner, practice.organization.id, { payModel: 'HOURLY', rateCents: 6000 })).id, { rateCents: 6000 }));
    world.contractToPause = await accept(await bid(C, (await postJob(app, practice.owner, practice.organization.id)).id));
    world.contractPaused = await accept(await bid(C, (await postJob(app, practice.owner, practice.organization.id)).id));
    ok(await app.gql(`mutation($id: ID!) { pauseContract(id: $id) { id } }`, { id: world.contractPaused }, P));
    world.contractToEnd = await accept(await bid(C, (await postJob(app, practice.owner, practice.organization.id)).id));
    const disputed = await accept(await bid(C, (await postJob(app, practice.owner, practice.organization.id)).id));
    world.dispute = ok(await app.gql(`mutation($id: ID!) { openDispute(contractId: $id, reason: "x") { id } }`, { id: disputed }, P)).openDispute.id;

    world.jobInvitation = ok(
      await app.gql(`mutation($job: ID!, $coder: ID!) { inviteCoder(jobPostingId: $job, coderProfileId: $coder) { id } }`, { job: world.jobBidOn.id, coder: coder.profile.id }, P),
    ).inviteCoder.id;
    const company = ok(await app.gql(`mutation { createOrganization(input: { name: "Matrix Coding", kind: CODING_COMPANY }) { id } }`, {}, O)).createOrganization.id;
    world.companyInvite1 = ok(
      await app.gql(`mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`, { org: company, email: coder.coder.user.email }, O),
    ).inviteMember.id;
    const company2 = ok(await app.gql(`mutation { createOrganization(input: { name: "Matrix Coding 2", kind: CODING_COMPANY }) { id } }`, {}, O)).createOrganization.id;
    world.companyInvite2 = ok(
      await app.gql(`mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`, { org: company2, email: coder.coder.user.email }, O),
    ).inviteMember.id;

    // A contract of a third company owned by otherCoder, bid for its member coder; `companySpareCoder` is another member.
    const agency = ok(await app.gql(`mutation { createOrganization(input: { name: "Matrix Agency", kind: CODING_COMPANY }) { id } }`, {}, O)).createOrganization.id;
    const companySpare = await c.verifiedCoder();
    for (const member of [coder.coder, companySpare.coder]) {
      const invitation = ok(
        await app.gql(`mutation($org: ID!, $email: String!) { inviteMember(organizationId: $org, email: $email, role: MEMBER) { id } }`, { org: agency, email: member.user.email }, O),
      ).inviteMember.id;
      ok(await app.gql(`mutation($id: ID!) { acceptMembershipInvitation(id: $id) { id } }`, { id: invitation }, member.accessToken));
    }
    world.companySpareCoder = companySpare.coder.user.id;
    world.agency = agency;
    world.agencyCoder = coder.coder.user.id;
    world.companyContract = await accept(await bid(O, (await postJob(app, practice.owner, practice.organization.id)).id, { organizationId: agency, assignedCoderId: coder.coder.user.id }));

    world.coderSpareCredential = (await c.addCredential(coder.coder, { type: 'CCS', number: 'CCS-MATRIX', issuedOn: '2021-01-01', expiresOn: inMonths(12) })).id;
    world.pendingCredential = (await c.addCredential(otherCoder.coder, { type: 'CCS', number: 'CCS-PENDING', issuedOn: '2021-01-01', expiresOn: inMonths(12) })).id;
    const cpcOf = async (session: Untyped) => (ok(await app.gql(`{ myCredentials { id type } }`, {}, session.accessToken)).myCredentials as Untyped[]).find((x) => x.type === 'CPC').id;
    world.coderCpc = await cpcOf(coder.coder);
    world.coderCertificate = await c.uploadCertificate(coder.coder);
    world.coderUserId = coder.coder.user.id;
    world.coderCeu = ok(
      await app.gql(
        `mutation($input: LogCeuInput!) { logCeu(input: $input) { id } }`,
        { input: { issuer: 'AAPC', title: 'Matrix course', provider: 'AAPC', completedOn: inMonths(-2), ceus: 2, category: 'CORE_A' } },
        coder.coder.accessToken,
      ),
    ).logCeu.id;
    world.coderApprentice = (await c.addCredential(coder.coder, { type: 'CPC_A', number: 'CPCA-MATRIX', issuedOn: '2021-01-01', expiresOn: inMonths(12) })).id;
    world.pendingChange = ok(
      await app.gql(
        `mutation($id: ID!, $input: RenewCredentialInput!) { renewCredential(id: $id, input: $input) { pendingChange { id } } }`,
        { id: await cpcOf(otherCoder.coder), input: { expiresOn: inMonths(20), evidenceDocumentId: await c.uploadCertificate(otherCoder.coder) } },
        otherCoder.coder.accessToken,
      ),
    ).renewCredential.pendingChange.id;
  });
  // Two coders held by exclusion screening (names on the LEIE fixture): a hold to clear, a hold to confirm.
  beforeAll(async () => {
    const screening = app.app.get(ScreeningService);
    await screening.importLeie(parseLeieCsv(readFileSync(new URL('./fixtures/leie-updated.csv', import.meta.url), 'latin1')), '2026-11-01');
    const heldCoder = async (name: string) => {
      const held = await given(app).coder({ name });
      await screening.screenCoder(held.user.id);
      return (await app.sql<{ id: string }>('SELECT id FROM screening_holds WHERE coder_id = $1', [held.user.id]))[0].id;
    };
    world.holdToClear = await heldCoder('Jane Holden');
    world.holdToConfirm = await heldCoder('Simone Vale');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app?.close();
  });

  it('has an entry for every Query, Mutation and Subscription in schema.graphql', () => {
    const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const operations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => Object.keys((type as GraphQLObjectType).getFields()));
    expect(operations.filter((name) => !MATRIX[name]).sort()).toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !operations.includes(name))).toEqual([]);
  });

  async function outcome(entry: Entry, actor: ActorName): Promise<string> {
    const token = sessions[actor as Exclude<ActorName, 'anonymous'>]?.accessToken;
    const variables = entry.vars ? await entry.vars(world, actor) : {};
    if (entry.ws) return wsOutcome(entry.doc, variables, token);
    const res = await app.gql(entry.doc, variables, token);
    const code = res.errors?.[0]?.extensions.code;
    if (!code) return 'O';
    const letter = Object.entries(CODES).find(([, name]) => name === code)?.[0];
    return letter ?? `${code}: ${res.errors![0].message}`;
  }

  async function wsOutcome(query: string, variables: Record<string, unknown>, token?: string): Promise<string> {
    const client = createClient({ url: `ws://${host}/graphql`, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0 });
    clients.push(client);
    return new Promise((resolve) => {
      // Allowed subscriptions just stay open: no error within the wait means allowed.
      const done = setTimeout(() => resolve('O'), 1500);
      client.subscribe(
        { query, variables },
        {
          next: (value) => {
            const code = value.errors?.[0]?.extensions?.code as string | undefined;
            if (code) {
              clearTimeout(done);
              resolve(Object.entries(CODES).find(([, name]) => name === code)?.[0] ?? String(code));
            }
          },
          error: (error) => {
            clearTimeout(done);
            // Refused at subscribe time: graphql-ws hands over the GraphQL errors; a closed socket means no token.
            const code = Array.isArray(error) ? (error[0]?.extensions?.code as string | undefined) : undefined;
            resolve(code ? (Object.entries(CODES).find(([, name]) => name === code)?.[0] ?? code) : 'U');
          },
          complete: () => undefined,
        },
      );
    });
  }

  it('answers each actor as the matrix says', async () => {
    const mismatches: string[] = [];
    for (const [name, entry] of Object.entries(MATRIX)) {
      const expected = entry.expect.split(' ');
      for (const [i, actor] of ACTORS.entries()) {
        if (name === 'logOut' && actor === 'coder') continue; // checked last, below: it ends the coder's session
        const got = await outcome(entry, actor);
        if (got !== expected[i]) mismatches.push(`${name} as ${actor}: expected ${expected[i]}, got ${got}`);
      }
    }
    expect(await outcome(MATRIX.logOut, 'coder')).toBe('O');
    expect(mismatches).toEqual([]);
    // About 600 calls one after another: 28 s on an idle 2-core machine, past jest's default 30 s under load.
  }, 120_000);
});
