import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { MilestonesService } from '../src/contracts/milestones.service.js';
import { OutboxService } from '../src/outbox/outbox.service.js';
import { ok } from './support/given.js';
import { acceptedContract, expectLedgerBalanced } from './support/money.js';
import { TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const CONTRACT = `query($id: ID!) { contract(id: $id) { milestones { id status } } }`;
const EARNINGS = `{ myEarnings { pendingCents availableCents paidOutCents } }`;

describe('fixed-price escrow offline (simulated gateway, no STRIPE_SECRET_KEY)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ PLATFORM_FEE_BPS: '1500' });
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(() => app?.close());

  async function fundedContract() {
    const { owner, coder, contractId } = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 80000 });
    const { createMilestone } = ok(
      await app.gql(`mutation($c: ID!) { createMilestone(contractId: $c, input: { title: "All charts", amountCents: 80000 }) { id } }`, { c: contractId }, owner.accessToken),
    );
    const { fundMilestone } = ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { clientSecret status } }`, { id: createMilestone.id }, owner.accessToken));
    expect(fundMilestone.clientSecret).toMatch(/^pi_sim_/);
    await eventually(async () => ok(await app.gql(CONTRACT, { id: contractId }, owner.accessToken)).contract.milestones[0].status === 'FUNDED', 'milestone funded');
    return { owner, coder, contractId, milestoneId: createMilestone.id };
  }

  it('runs fund -> funded -> approve -> payout with no network, coder paid the amount minus the fee', async () => {
    const { owner, coder, milestoneId } = await fundedContract();
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 68000, availableCents: 0, paidOutCents: 0 });
    expect(ok(await app.gql(`mutation { startPayoutOnboarding(returnUrl: "https://app.test/done", refreshUrl: "https://app.test/retry") }`, {}, coder.accessToken)).startPayoutOnboarding).toMatch(
      /simulated_onboarding=acct_sim_/,
    );
    await eventually(async () => ok(await app.gql(`{ payoutAccount { payoutsEnabled } }`, {}, coder.accessToken)).payoutAccount.payoutsEnabled, 'payouts enabled');
    ok(await app.gql(`mutation($id: ID!) { approveMilestone(id: $id) { status } }`, { id: milestoneId }, owner.accessToken));
    await app.app.get(OutboxService).drain();
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings).toEqual({ pendingCents: 0, availableCents: 0, paidOutCents: 68000 });
  });

  it('releases a submitted milestone by itself once the review window has passed', async () => {
    const { coder, contractId, milestoneId } = await fundedContract();
    const submitted = ok(await app.gql(`mutation($id: ID!) { submitMilestone(id: $id) { status autoReleaseAt } }`, { id: milestoneId }, coder.accessToken)).submitMilestone;
    const days = (new Date(submitted.autoReleaseAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const service = app.app.get(MilestonesService);
    expect(await service.releaseOverdue()).toBe(0);
    await app.sql(`UPDATE milestones SET auto_release_at = now() - interval '1 minute' WHERE id = $1`, [milestoneId]);
    expect(await service.releaseOverdue()).toBe(1);
    expect(await service.releaseOverdue()).toBe(0);
    expect(ok(await app.gql(CONTRACT, { id: contractId }, coder.accessToken)).contract.milestones[0].status).toBe('RELEASED');
    expect(ok(await app.gql(EARNINGS, {}, coder.accessToken)).myEarnings.availableCents).toBe(68000);
  });
});
