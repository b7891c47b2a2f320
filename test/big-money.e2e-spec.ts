import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { InvoicesService } from '../src/contracts/invoices.service.js';
import { previousWeek } from '../src/domain/work-days.js';
import { failed, given, ok } from './support/given.js';
import { acceptedContract, backdateContract, expectLedgerBalanced } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';
import { eventually } from './support/wait.js';

const CREATE_MILESTONE = `mutation($contract: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $contract, input: $input) { id amountCents } }`;
const FUND = `mutation($id: ID!) { fundMilestone(id: $id) { status } }`;
const APPROVE = `mutation($id: ID!) { approveMilestone(id: $id) { id status amountCents } }`;
const EARNINGS = `{ myEarnings { pendingCents availableCents paidOutCents } }`;
const OPEN_DISPUTE = `mutation($contract: ID!, $reason: String!) { openDispute(contractId: $contract, reason: $reason) { id status } }`;
const RESOLVE = `mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { id status } }`;
const DISPUTES = `query($id: ID!) { contract(id: $id) { milestones { id amountCents status } disputes { id status outcome heldCents coderCents practiceCents } } }`;

const LOG = `mutation($contract: ID!, $input: LogWorkInput!) { logWork(contractId: $contract, input: $input) { id } }`;
const INVOICES = `query($contract: ID!) { invoices(contractId: $contract) { kind periodStart periodEnd quantity amountCents status } }`;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** $10M, the cap on one milestone: a few of them pass 2^31 cents (about $21.5M). */
const BIG = 1_000_000_000;

describe('money beyond 2^31 cents (bigint columns, SafeInt totals)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ PLATFORM_FEE_BPS: '1000' });
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(async () => {
    await app?.close();
  });

  const fixedPriceContract = () => acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100_000_000 }, { rateCents: 10_000_000 });

  /** A milestone of BIG cents funded through the simulated gateway (which confirms a moment later). */
  async function fundedMilestone(ownerToken: string, contractId: string, title: string): Promise<string> {
    const { createMilestone } = ok(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title, amountCents: BIG } }, ownerToken));
    expect(createMilestone.amountCents).toBe(BIG);
    ok(await app.gql(FUND, { id: createMilestone.id }, ownerToken));
    await eventually(async () => (await app.sql<{ status: string }>('SELECT status FROM milestones WHERE id = $1', [createMilestone.id]))[0].status === 'FUNDED', 'milestone funded');
    return createMilestone.id as string;
  }

  it('pays out, holds and settles a dispute over more than 2^31 cents on one contract, the ledger balanced', async () => {
    const { owner, coder, contractId } = await fixedPriceContract();
    const released: string[] = [];
    for (let i = 1; i <= 3; i++) released.push(await fundedMilestone(owner.accessToken, contractId, `Backlog part ${i}`));
    for (const id of released) expect(ok(await app.gql(APPROVE, { id }, owner.accessToken)).approveMilestone).toEqual({ id, status: 'RELEASED', amountCents: BIG });
    // 3 x $10M released, net of the 10% fee: 2.7e9 cents, beyond 2^31.
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 2_700_000_000, paidOutCents: 0 });

    for (let i = 4; i <= 6; i++) await fundedMilestone(owner.accessToken, contractId, `Backlog part ${i}`);
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 2_700_000_000, availableCents: 2_700_000_000, paidOutCents: 0 });

    // A dispute over 3e9 cents held, settled with a coder share that does not fit a GraphQL Int.
    const { openDispute } = ok(await app.gql(OPEN_DISPUTE, { contract: contractId, reason: 'Part of the backlog was coded to the wrong year' }, owner.accessToken));
    const admin = await given(app).admin();
    ok(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT', coderCents: 2_500_000_000, note: 'Most of it was right' } }, admin.accessToken));
    const { contract } = ok(await app.gql(DISPUTES, { id: contractId }, coder.accessToken));
    expect(contract.disputes).toEqual([{ id: openDispute.id, status: 'RESOLVED', outcome: 'SPLIT', heldCents: 3_000_000_000, coderCents: 2_500_000_000, practiceCents: 500_000_000 }]);
    expect((contract.milestones as Untyped[]).every((m) => m.amountCents === BIG)).toBe(true);
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 2_700_000_000 + 2_250_000_000, paidOutCents: 0 });
  });

  it('refuses a milestone above the $10M cap with BAD_USER_INPUT naming the field', async () => {
    const { owner, contractId } = await fixedPriceContract();
    const error = failed(await app.gql(CREATE_MILESTONE, { contract: contractId, input: { title: 'Too big', amountCents: BIG + 1 } }, owner.accessToken), 'BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual(['input.amountCents']);
    expect(await app.sql('SELECT 1 FROM milestones WHERE contract_id = $1', [contractId])).toEqual([]);
  });

  it('refuses a SafeInt beyond 2^53 - 1 with BAD_USER_INPUT naming the field, nothing settled', async () => {
    const { owner, contractId } = await fixedPriceContract();
    await fundedMilestone(owner.accessToken, contractId, 'Held');
    const { openDispute } = ok(await app.gql(OPEN_DISPUTE, { contract: contractId, reason: 'Wrong codes' }, owner.accessToken));
    const admin = await given(app).admin();
    for (const coderCents of [2 ** 53, 1.5, '12']) {
      const error = failed(await app.gql(RESOLVE, { id: openDispute.id, input: { outcome: 'SPLIT', coderCents } }, admin.accessToken), 'BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual(['input.coderCents']);
    }
    // Inline in the document too (a literal, not a variable).
    const literal = await app.gql(`mutation($id: ID!) { resolveDispute(id: $id, input: { outcome: SPLIT, coderCents: 9007199254740992 }) { id } }`, { id: openDispute.id }, admin.accessToken);
    expect(literal.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(ok(await app.gql(DISPUTES, { id: contractId }, owner.accessToken)).contract.disputes).toEqual([
      { id: openDispute.id, status: 'OPEN', outcome: null, heldCents: null, coderCents: null, practiceCents: null },
    ]);
  });

  it('invoices two weeks of round-the-clock work at the top hourly rate (3.36e9 cents) and still invoices the other contracts of the run', async () => {
    const big = await acceptedContract(app, { payModel: 'HOURLY', rateCents: 100_000, weeklyHourLimit: 168 }, { payModel: 'HOURLY', rateCents: 10_000_000, weeklyHourLimit: 168 });
    const small = await acceptedContract(app, { payModel: 'HOURLY', rateCents: 6000 }, { payModel: 'HOURLY', rateCents: 6000 });
    await backdateContract(app, big.contractId, 21);
    await backdateContract(app, small.contractId, 21);
    const week = previousWeek(new Date());
    const start = addDays(week.start, -7);
    for (let day = 0; day < 14; day++) ok(await app.gql(LOG, { contract: big.contractId, input: { workedOn: addDays(start, day), minutes: 1440 } }, big.coder.accessToken));
    ok(await app.gql(LOG, { contract: small.contractId, input: { workedOn: week.start, minutes: 120 } }, small.coder.accessToken));

    expect(await app.app.get(InvoicesService).generateWeeklyInvoices(new Date())).toBeGreaterThanOrEqual(2);
    expect(ok(await app.gql(INVOICES, { contract: big.contractId }, big.owner.accessToken)).invoices).toEqual([
      { kind: 'WORK', periodStart: week.start, periodEnd: week.end, quantity: 14 * 1440, amountCents: 14 * 24 * 10_000_000, status: 'IN_REVIEW' },
    ]);
    expect(ok(await app.gql(INVOICES, { contract: small.contractId }, small.owner.accessToken)).invoices).toEqual([
      { kind: 'WORK', periodStart: week.start, periodEnd: week.end, quantity: 120, amountCents: 12000, status: 'IN_REVIEW' },
    ]);
  });
});
