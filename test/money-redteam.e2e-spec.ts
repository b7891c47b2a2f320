import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { FakeStripe, fakeStripeEnv } from './support/fake-stripe.js';
import { failed, ok } from './support/given.js';
import { acceptedContract, expectLedgerBalanced } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const WEBHOOK_SECRET = 'whsec_test_money_redteam';
const SUBMIT = `mutation($id: ID!, $input: SubmitCodedBatchInput!) { submitCodedBatch(contractId: $id, input: $input) { id encounterCount } }`;
const REVIEW = `mutation($id: ID!, $accept: Boolean!, $comments: [EncounterCommentInput!]!) { reviewCodedBatch(batchId: $id, input: { accept: $accept, comments: $comments }) { id status } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;
const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { id quantity amountCents status lines { codedBatchId charts } } }`;

const encounters = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ chartRef: `${prefix}-${i + 1}`, icd10cm: ['I10'] }));

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
});
