import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { print } from 'graphql';
import {
  AcceptBidDocument,
  AddCredentialDocument,
  ApproveMilestoneDocument,
  ContractDocument,
  ContractDocumentsDocument,
  CreateJobPostingDocument,
  CreateMilestoneDocument,
  CreateOrganizationDocument,
  FundMilestoneDocument,
  JobPostingWithBidsDocument,
  LogInDocument,
  MeDocument,
  MessageAddedDocument,
  MessagesDocument,
  RefreshTokenDocument,
  ReviewCodedBatchDocument,
  SearchCodersDocument,
  SearchJobPostingsDocument,
  SendMessageDocument,
  SignBaaDocument,
  SignUpDocument,
  SubmitBidDocument,
  SubmitCodedBatchDocument,
  SubmitMilestoneDocument,
  UpsertCoderProfileDocument,
  VerifyCredentialDocument,
  VerifyEmailDocument,
} from '../client/generated/graphql.js';
import type { CreateJobPostingInput, UpsertCoderProfileInput } from '../client/generated/graphql.js';
import { CERTIFICATE_PDF, inMonths, jobInput, nextYear, PASSWORD, profileInput } from './support/given.js';
import { GraphqlSocket } from './support/graphql-socket.js';
import { mailbox } from './support/mailbox.js';
import { sendOk } from './support/operations.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

/**
 * The documented flow driven only through the operations clients get (client/operations, typed by
 * `npm run codegen`) and the REST upload endpoints: when an operation drifts from the schema or from
 * what the server does, this fails, as a client built on them would.
 */
describe('client operations: the documented flow through the generated documents', () => {
  let app: TestApp;
  let host: string;

  beforeAll(async () => {
    app = await TestApp.start();
    host = await app.listen();
  });
  afterAll(() => app?.close());

  const signUp = async (role: 'PROVIDER' | 'CODER', name: string) => {
    const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.test`;
    const { signUp } = await sendOk(app, SignUpDocument, { input: { email, password: PASSWORD, name, role } });
    const token = await mailbox(app).token(email, '/verify-email');
    const { verifyEmail } = await sendOk(app, VerifyEmailDocument, { token });
    expect(verifyEmail.emailVerified).toBe(true);
    return signUp;
  };

  it('signs up, logs in, refreshes, then posts, bids, contracts, pays, works and talks', async () => {
    // Identity: sign up, log in, refresh (rotating), me.
    const provider = await signUp('PROVIDER', 'Dr. Rivera');
    const coderSignUp = await signUp('CODER', 'Casey Coder');
    const { logIn } = await sendOk(app, LogInDocument, { input: { email: coderSignUp.user.email!, password: PASSWORD } });
    const { refreshToken: coder } = await sendOk(app, RefreshTokenDocument, { refreshToken: logIn.refreshToken });
    expect(coder.refreshToken).not.toBe(logIn.refreshToken);
    const { me } = await sendOk(app, MeDocument, {}, coder.accessToken);
    expect(me).toMatchObject({ id: coderSignUp.user.id, role: 'CODER', emailVerified: true });

    // The coder's profile and a credential with its certificate, verified by an admin.
    const { upsertCoderProfile: profile } = await sendOk(
      app,
      UpsertCoderProfileDocument,
      { input: profileInput({ headline: 'Cardiology coder, client-operations flow' }) as unknown as UpsertCoderProfileInput },
      coder.accessToken,
    );
    const upload = await app
      .http()
      .post('/credential-documents')
      .set('authorization', `Bearer ${coder.accessToken}`)
      .attach('file', CERTIFICATE_PDF, { filename: 'cpc.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    const { addCredential } = await sendOk(
      app,
      AddCredentialDocument,
      { input: { type: 'CPC', number: 'CPC-01234567', issuedOn: '2022-01-15', expiresOn: nextYear(), membershipExpiresOn: inMonths(11), evidenceDocumentId: upload.body.id } },
      coder.accessToken,
    );
    expect(addCredential.status).toBe('PENDING');
    const { logIn: admin } = await sendOk(app, LogInDocument, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    const { verifyCredential } = await sendOk(app, VerifyCredentialDocument, { id: addCredential.id, approve: true, note: 'Checked on aapc.com' }, admin.accessToken);
    expect(verifyCredential).toMatchObject({ status: 'VERIFIED', active: true });

    // The public directory finds the coder (no token).
    const { coders } = await sendOk(app, SearchCodersDocument, { filter: { credentialTypes: ['CPC'], specialties: ['CARDIOLOGY'] }, first: 100 });
    const listed = coders.edges.find((edge) => edge.node.id === profile.id);
    expect(listed?.node.credentials).toEqual([expect.objectContaining({ type: 'CPC', status: 'VERIFIED' })]);

    // The practice posts; the posting is found; the coder bids; the practice sees the bid and accepts it.
    const { createOrganization: practice } = await sendOk(app, CreateOrganizationDocument, { input: { name: 'Lakeside Family Practice', kind: 'PROVIDER_PRACTICE' } }, provider.accessToken);
    const input = jobInput(practice.id, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }) as unknown as CreateJobPostingInput;
    const { createJobPosting: posting } = await sendOk(app, CreateJobPostingDocument, { input }, provider.accessToken);
    expect(posting).toMatchObject({ status: 'OPEN', organization: { id: practice.id } });
    const { jobPostings } = await sendOk(app, SearchJobPostingsDocument, { filter: { specialties: ['CARDIOLOGY'] }, first: 100 });
    expect(jobPostings.edges.map((edge) => edge.node.id)).toContain(posting.id);
    const { submitBid } = await sendOk(app, SubmitBidDocument, { input: { jobPostingId: posting.id, rateCents: 50000, coverLetter: 'Ready to start.' } }, coder.accessToken);
    const { jobPosting } = await sendOk(app, JobPostingWithBidsDocument, { id: posting.id }, provider.accessToken);
    expect(jobPosting?.bids?.edges.map((edge) => edge.node.id)).toEqual([submitBid.id]);
    const { acceptBid: contract } = await sendOk(app, AcceptBidDocument, { id: submitBid.id }, provider.accessToken);
    expect(contract).toMatchObject({ status: 'ACTIVE', payModel: 'FIXED_PRICE', baa: { required: true, complete: false } });

    // Both sign the BAA; a milestone is funded (simulated gateway), submitted and approved.
    await sendOk(app, SignBaaDocument, { contractId: contract.id }, provider.accessToken);
    const { signBaa } = await sendOk(app, SignBaaDocument, { contractId: contract.id }, coder.accessToken);
    expect(signBaa.baa.complete).toBe(true);
    const { createMilestone: milestone } = await sendOk(app, CreateMilestoneDocument, { contractId: contract.id, input: { title: 'First 100 charts', amountCents: 20000 } }, provider.accessToken);
    const { fundMilestone } = await sendOk(app, FundMilestoneDocument, { id: milestone.id }, provider.accessToken);
    expect(fundMilestone.milestoneId).toBe(milestone.id);
    await eventually(async () => (await sendOk(app, ContractDocument, { id: contract.id }, provider.accessToken)).contract.milestones[0].status === 'FUNDED', 'milestone funded');
    const { submitMilestone } = await sendOk(app, SubmitMilestoneDocument, { id: milestone.id, note: 'Done' }, coder.accessToken);
    expect(submitMilestone.status).toBe('SUBMITTED');
    const { approveMilestone } = await sendOk(app, ApproveMilestoneDocument, { id: milestone.id }, provider.accessToken);
    expect(approveMilestone.status).toBe('RELEASED');

    // Workroom: a document uploaded over REST is listed; a coded batch is submitted and accepted.
    const document = await app
      .http()
      .post(`/contracts/${contract.id}/documents`)
      .set('authorization', `Bearer ${provider.accessToken}`)
      .attach('file', Buffer.from('chart 0042'), { filename: 'chart-0042.txt', contentType: 'text/plain' });
    expect(document.status).toBe(201);
    const { documents } = await sendOk(app, ContractDocumentsDocument, { contractId: contract.id }, coder.accessToken);
    expect(documents).toEqual([expect.objectContaining({ id: document.body.id, filename: 'chart-0042.txt' })]);
    const { submitCodedBatch: batch } = await sendOk(
      app,
      SubmitCodedBatchDocument,
      { contractId: contract.id, input: { encounters: [{ chartRef: 'CHART-0042', serviceDate: inMonths(0, -3), icd10cm: ['I10'] }] } },
      coder.accessToken,
    );
    expect(batch.encounterCount).toBe(1);
    const { reviewCodedBatch } = await sendOk(app, ReviewCodedBatchDocument, { batchId: batch.id, input: { accept: true } }, provider.accessToken);
    expect(reviewCodedBatch.id).toBe(batch.id);
    expect(reviewCodedBatch.status).not.toBe(batch.status);

    // Messages: the provider follows the contract's messages over graphql-ws; the coder writes.
    const socket = await GraphqlSocket.connect(host, provider.accessToken);
    try {
      socket.subscribe('messages', print(MessageAddedDocument), { contractId: contract.id });
      // The subscription is live once the server has it: a message sent before would be missed.
      await eventually(async () => {
        await sendOk(app, SendMessageDocument, { contractId: contract.id, body: 'Batch 1 is in.' }, coder.accessToken);
        return (await socket.waitFor((m) => m.type === 'next' && m.id === 'messages', 200)) !== undefined;
      }, 'a message pushed over the socket');
      const pushed = await socket.waitFor((m) => m.type === 'next' && m.id === 'messages');
      expect(pushed?.payload).toEqual({ data: { messageAdded: expect.objectContaining({ contractId: contract.id, senderId: coder.user.id, body: 'Batch 1 is in.' }) } });
    } finally {
      socket.terminate();
    }
    const { messages } = await sendOk(app, MessagesDocument, { contractId: contract.id }, provider.accessToken);
    expect(messages.edges.map((edge) => edge.node.body)).toContain('Batch 1 is in.');
    expect(messages.pageInfo.hasNextPage).toBe(false);
  });
});
