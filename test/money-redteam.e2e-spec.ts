import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { todayUtc } from '../src/common/scalars/local-date.scalar.js';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { addDays, previousWeek } from '../src/domain/work-days.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, given, ok, postJob, Session } from './support/given.js';
import { acceptedContract, backdateContract, expectLedgerBalanced } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_money_redteam';
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id encounterCount } }`;
const REVIEW = `mutation($id: ID!, $accept: Boolean!, $comments: [EncounterCommentInput!]!) { reviewCodedBatch(batchId: $id, input: { accept: $accept, comments: $comments }) { id status } }`;
const LOG = `mutation($contract: ID!, $input: LogWorkInput!) { logWork(contractId: $contract, input: $input) { id workedOn minutes } }`;
const COLLECTIONS = `mutation($id: ID!, $from: Date!, $to: Date!, $cents: Int!) { reportCollections(contractId: $id, periodStart: $from, periodEnd: $to, collectedCents: $cents) { id amountCents } }`;
const DISPUTE = `mutation($id: ID!) { openDispute(contractId: $id, reason: "Too many hours") { id } }`;
const RESOLVE = `mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { id status coderCents } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;
const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { id quantity amountCents status lines { codedBatchId charts } } }`;

const encounters = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ chartRef: `${prefix}-${i + 1}`, serviceDate: '2026-11-02', icd10cm: ['I10'] }));

describe('money red team: what a dishonest party tries', () => {
  const fake = new FakeStripe();
  let app: TestApp;

  beforeAll(async () => {
    const port = await fake.start();
    app = await TestApp.start({ ...fakeStripeEnv(port, WEBHOOK_SECRET) });
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    await app?.close();
    await fake.stop();
  });

  async function perChartContract() {
    const parties = await acceptedContract(app, { requiresBaa: false }, { rateCents: 400 });
    const submit = (prefix: string, count: number) => app.gql(SUBMIT, { id: parties.contractId, input: { encounters: encounters(prefix, count) } }, parties.coder.accessToken);
    return { ...parties, submit };
  }

  describe('delivered per-chart work cannot be escaped by ending the contract', () => {
    it('refuses to end a contract while coded batches await the practice review, from either side; the batches are then reviewed and billed', async () => {
      const { owner, coder, contractId, submit } = await perChartContract();
      const batchId = ok(await submit('P', 40)).submitCodedBatch.id as string;
      // The practice has the codes (it can read and export the batch) and ends the contract without judging it.
      const refused = failed(await app.gql(END, { id: contractId }, owner.accessToken), 'CONFLICT');
      expect(refused.message).toMatch(/await the practice's review/);
      failed(await app.gql(END, { id: contractId }, coder.accessToken), 'CONFLICT');
      const [{ status }] = await app.sql<{ status: string }>('SELECT status FROM contracts WHERE id = $1', [contractId]);
      expect(status).toBe('ACTIVE');

      // Once judged, the contract ends and the accepted batch is billed all the same.
      ok(await app.gql(REVIEW, { id: batchId, accept: true, comments: [] }, owner.accessToken));
      expect(ok(await app.gql(END, { id: contractId }, owner.accessToken)).endContract.status).toBe('ENDED');
      expect(await app.app.get(InvoicesService).generateWeeklyInvoices(new Date(Date.now() + 7 * 86_400_000))).toBeGreaterThanOrEqual(1);
      const invoices = ok(await app.gql(INVOICES, { contract: contractId }, coder.accessToken)).invoices as Untyped[];
      expect(invoices).toEqual([expect.objectContaining({ quantity: 40, amountCents: 16000, status: 'IN_REVIEW', lines: [{ codedBatchId: batchId, charts: 40 }] })]);
    });

    it('never lets a batch land on a contract ending at the same moment: exactly one of the two goes through', async () => {
      for (let round = 0; round < 3; round++) {
        const { owner, contractId, submit } = await perChartContract();
        const [submitted, ended] = await Promise.all([submit(`S${round}`, 3), app.gql(END, { id: contractId }, owner.accessToken)]);
        const codes = [submitted, ended].map((response) => (response.errors ? response.errors[0].extensions.code : 'OK'));
        expect(codes.sort()).toEqual(['CONFLICT', 'OK']);
        const [{ status }] = await app.sql<{ status: string }>('SELECT status FROM contracts WHERE id = $1', [contractId]);
        const waiting = await app.sql<{ id: string }>(`SELECT id FROM coded_batches WHERE contract_id = $1 AND status = 'SUBMITTED'`, [contractId]);
        // Never an ENDED contract with a batch nobody can review any more.
        expect(status === 'ENDED' ? waiting : []).toEqual([]);
      }
    });
  });

  describe("no invoice below Stripe's minimum charge (a few cents would stay OPEN forever, or open reviews for pennies)", () => {
    it('carries hourly work worth less than 50 cents forward until it adds up to a chargeable invoice', async () => {
      // The lowest hourly rate there is: 100 cents an hour.
      const { owner, coder, contractId } = await acceptedContract(app, { payModel: 'HOURLY', rateCents: 6000 }, { payModel: 'HOURLY', rateCents: 100 });
      await backdateContract(app, contractId, 21);
      const twoWeeksAgo = previousWeek(new Date(Date.now() - 7 * 86_400_000));
      const lastWeek = previousWeek(new Date());
      // 20 minutes at 100 cents an hour: 33 cents, which no card can be charged.
      ok(await app.gql(LOG, { contract: contractId, input: { workedOn: twoWeeksAgo.start, minutes: 20 } }, coder.accessToken));
      expect(await app.app.get(InvoicesService).generateWeeklyInvoices(new Date(Date.now() - 7 * 86_400_000))).toBe(0);
      expect(ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices).toEqual([]);
      // Ten minutes more the next week: 30 minutes, 50 cents, billed on one invoice with both days.
      ok(await app.gql(LOG, { contract: contractId, input: { workedOn: lastWeek.start, minutes: 10 } }, coder.accessToken));
      expect(await app.app.get(InvoicesService).generateWeeklyInvoices(new Date())).toBe(1);
      const invoices = ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices as Untyped[];
      expect(invoices).toEqual([expect.objectContaining({ quantity: 30, amountCents: 50, status: 'IN_REVIEW' })]);
      expect(invoices[0].lines).toHaveLength(2);
    });

    it('refuses a dispute split that would charge an invoice less than 50 cents, naming input.coderCents', async () => {
      const { owner, coder, contractId } = await acceptedContract(app, { payModel: 'HOURLY', rateCents: 6000 }, { payModel: 'HOURLY', rateCents: 6000 });
      await backdateContract(app, contractId, 14);
      ok(await app.gql(LOG, { contract: contractId, input: { workedOn: previousWeek(new Date()).start, minutes: 60 } }, coder.accessToken));
      expect(await app.app.get(InvoicesService).generateWeeklyInvoices(new Date())).toBe(1);
      const disputeId = ok(await app.gql(DISPUTE, { id: contractId }, owner.accessToken)).openDispute.id;
      const admin = await given(app).admin();
      // 30 cents would be an OPEN invoice Stripe refuses to charge, forever.
      const refused = failed(await app.gql(RESOLVE, { id: disputeId, input: { outcome: 'SPLIT', coderCents: 30 } }, admin.accessToken), 'BAD_USER_INPUT');
      expect(refused.extensions.fields).toEqual(['input.coderCents']);
      expect(ok(await app.gql(RESOLVE, { id: disputeId, input: { outcome: 'SPLIT', coderCents: 3000 } }, admin.accessToken)).resolveDispute).toMatchObject({ status: 'RESOLVED', coderCents: 3000 });
      const invoices = ok(await app.gql(INVOICES, { contract: contractId }, owner.accessToken)).invoices as Untyped[];
      expect(invoices).toEqual([expect.objectContaining({ amountCents: 3000, status: 'OPEN' })]);
    });

    it('refuses collections whose share is below 50 cents, naming collectedCents', async () => {
      const { owner, contractId } = await acceptedContract(
        app,
        { payModel: 'PERCENT_OF_COLLECTIONS', rateCents: null, percentOfCollectionsBps: 600, workType: 'BILLING' },
        { payModel: 'PERCENT_OF_COLLECTIONS', percentOfCollectionsBps: 500 },
      );
      const period = { id: contractId, from: addDays(todayUtc(), -30), to: addDays(todayUtc(), -1) };
      // 5% of 980 cents: 49 cents.
      expect(failed(await app.gql(COLLECTIONS, { ...period, cents: 980 }, owner.accessToken), 'BAD_USER_INPUT').extensions.fields).toEqual(['collectedCents']);
      expect(ok(await app.gql(COLLECTIONS, { ...period, cents: 1000 }, owner.accessToken)).reportCollections.amountCents).toBe(50);
    });
  });

  describe('a coder cannot bill more than 24 hours of one day across their contracts', () => {
    /** A second practice hires the same coder on an HOURLY contract. */
    async function anotherContract(coder: Session): Promise<string> {
      const { owner, organization } = await given(app).practice();
      const posting = await postJob(app, owner, organization.id, { payModel: 'HOURLY', rateCents: 6000 });
      const { submitBid } = ok(
        await app.gql(
          `mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`,
          { input: { jobPostingId: posting.id, coverLetter: 'Ready.', payModel: 'HOURLY', rateCents: 6000 } },
          coder.accessToken,
        ),
      );
      return ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken)).acceptBid.id as string;
    }

    it('refuses a day over 1440 minutes on all the contracts together, also when logged concurrently', async () => {
      const first = await acceptedContract(app, { payModel: 'HOURLY', rateCents: 6000 }, { payModel: 'HOURLY', rateCents: 6000 });
      const { coder } = first;
      const second = await anotherContract(coder);
      const third = await anotherContract(coder);
      const today = todayUtc();
      const log = (contractId: string, minutes: number) => app.gql(LOG, { contract: contractId, input: { workedOn: today, minutes } }, coder.accessToken);
      // The whole day on one practice's contract, then the same day again on another: each practice sees only its own invoice.
      ok(await log(first.contractId, 900));
      expect(failed(await log(second, 600), 'BAD_USER_INPUT').extensions.fields).toEqual(['input.minutes']);
      ok(await log(second, 540));
      // Logging a day again replaces it: the contract's own minutes count once.
      ok(await log(first.contractId, 800));
      ok(await log(second, 640));
      // Two contracts at once: never both.
      ok(await log(first.contractId, 400));
      const results = await Promise.all([log(second, 1000), log(third, 1000)]);
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      const [{ minutes }] = await app.sql<{ minutes: number }>(
        `SELECT sum(w.minutes)::int AS minutes FROM work_logs w JOIN contracts k ON k.id = w.contract_id WHERE k.coder_id = $1 AND w.worked_on = $2`,
        [coder.user.id, today],
      );
      expect(minutes).toBeLessThanOrEqual(1440);
    });
  });
});
