import { expect } from '@jest/globals';
import Stripe from 'stripe';
import { coders, given, ok, postJob, Session } from './given.js';
import { TestApp } from './test-app.js';
import { eventually } from './wait.js';

const stripe = new Stripe('sk_test_unused');

/** Sends Stripe events to POST /webhooks/stripe, signed as Stripe would with `secret`; `envelope` adds top-level fields (`account` for a Connect event). */
export function webhookSender(app: TestApp, secret: string) {
  let counter = 0;
  return async (type: string, object: Record<string, unknown>, id = `evt_test_${Date.now()}_${++counter}`, envelope: Record<string, unknown> = {}) => {
    const payload = JSON.stringify({ id, object: 'event', type, data: { object }, ...envelope });
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
    return app.http().post('/webhooks/stripe').set('content-type', 'application/json').set('stripe-signature', signature).send(payload);
  };
}

interface MoneyRows {
  balances: { account: string; cents: string }[];
  contracts: { id: string; coderId: string; codingCompanyId: string | null; feeBps: number }[];
  milestones: { id: string; contractId: string; cents: number; status: string }[];
  invoices: { id: string; contractId: string; cents: number; status: string; disputeId: string | null }[];
  disputes: { id: string; contractId: string; coderCents: number; heldCents: number }[];
  transfers: { key: string; status: string; payload: { payee: { kind: 'USER' | 'ORGANIZATION'; id: string }; amountCents: number; source: string } }[];
  refunds: { key: string }[];
}

/**
 * The ledger against the objects it stands for, checked after every money scenario. (That each
 * journal sums to zero is the database's job: the `ledger_entries_balanced` trigger.) From the
 * milestones, invoices, resolved disputes and queued transfers and refunds alone, it works out what
 * every account must hold, and compares with the ledger's balances (debits positive):
 * - `escrow:<contract>`: minus its FUNDED/SUBMITTED milestones and PAID invoices (invoices in review,
 *   being charged, FAILED or VOID hold nothing; a dispute over them settles no escrow, and what it
 *   leaves to charge is its coder's share);
 * - `platform_fees`: minus the fee of each released milestone and invoice and of each dispute's coder share;
 * - `coder_payable:<user>`, `company_payable:<organization>`: minus what was released to the payee (net
 *   of fees) and not yet transferred: a coding company for a contract made through one, otherwise the coder;
 * - `stripe_balance`: everything funded, less what was refunded and transferred;
 * and that each transfer queued pays its source's amount net of the fee, to the contract's payee. Read in one statement, so
 * one snapshot, whatever the app's workers are doing meanwhile.
 */
export async function expectLedgerBalanced(app: TestApp): Promise<void> {
  const [rows] = await app.sql<MoneyRows>(`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('account', account, 'cents', cents)), '[]') FROM (SELECT account, sum(amount_cents)::text AS cents FROM ledger_entries GROUP BY account) b) AS balances,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'coderId', coder_id, 'codingCompanyId', coding_company_id, 'feeBps', platform_fee_bps)), '[]') FROM contracts) AS contracts,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'contractId', contract_id, 'cents', amount_cents, 'status', status)), '[]') FROM milestones) AS milestones,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'contractId', contract_id, 'cents', amount_cents, 'status', status, 'disputeId', dispute_id)), '[]') FROM invoices) AS invoices,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'contractId', contract_id, 'coderCents', coder_cents, 'heldCents', held_cents)), '[]') FROM disputes WHERE status = 'RESOLVED') AS disputes,
      (SELECT coalesce(json_agg(json_build_object('key', idempotency_key, 'status', status, 'payload', payload)), '[]') FROM outbox_jobs WHERE kind = 'stripe.transfer') AS transfers,
      (SELECT coalesce(json_agg(json_build_object('key', idempotency_key)), '[]') FROM outbox_jobs WHERE kind = 'stripe.refund') AS refunds`);
  const contracts = new Map(rows.contracts.map((contract) => [contract.id, contract]));
  // The fee rule written out here, not imported, so that a wrong fee in the code shows: basis points
  // of the amount, rounded down to the cent.
  const fee = (cents: number, contractId: string) => Math.floor((cents * contracts.get(contractId)!.feeBps) / 10000);
  // Who a contract pays, written out here too: the coding company it was made through, otherwise its coder.
  const payeeOf = (contractId: string) => {
    const { coderId, codingCompanyId } = contracts.get(contractId)!;
    return codingCompanyId ? { kind: 'ORGANIZATION', id: codingCompanyId } : { kind: 'USER', id: coderId };
  };
  const payable = (payee: { kind: string; id: string }) => `${payee.kind === 'ORGANIZATION' ? 'company' : 'coder'}_payable:${payee.id}`;

  const expected = new Map<string, number>();
  const add = (account: string, cents: number) => expected.set(account, (expected.get(account) ?? 0) + cents);
  const payouts = new Map<string, { payee: { kind: string; id: string }; amountCents: number }>();
  /** `cents` leave the contract's escrow: `coderCents` of them to the coder less the fee, the rest refunded. */
  const settle = (source: string, contractId: string, cents: number, coderCents: number) => {
    const net = coderCents - fee(coderCents, contractId);
    add(`escrow:${contractId}`, cents);
    add('platform_fees', -fee(coderCents, contractId));
    add(payable(payeeOf(contractId)), -net);
    add('stripe_balance', -(cents - coderCents));
    if (net > 0) payouts.set(source, { payee: payeeOf(contractId), amountCents: net });
  };

  const transferSources = new Set(rows.transfers.map((t) => t.payload.source));
  const refundKeys = new Set(rows.refunds.map((r) => r.key));
  // Every milestone past FUNDING and every invoice PAID or RELEASED was paid into escrow (an invoice in
  // review, being charged, declined or VOID has moved no money); so was a CANCELLED milestone whose
  // payment arrived anyway (and was refunded at once, with its own refund queued).
  const paidMilestone = (m: MoneyRows['milestones'][number]) => !['CREATED', 'FUNDING', 'CANCELLED'].includes(m.status) || (m.status === 'CANCELLED' && refundKeys.has(`refund:milestone:${m.id}`));
  const paid = [...rows.milestones.filter(paidMilestone), ...rows.invoices.filter((i) => ['PAID', 'RELEASED'].includes(i.status))];
  for (const { contractId, cents } of paid) {
    add('stripe_balance', cents);
    add(`escrow:${contractId}`, -cents);
  }
  // Out of escrow: a milestone released (its own transfer queued) or refunded (its own refund queued),
  // a released invoice, or all the milestones a dispute held, settled at once.
  const settledByDisputes = new Map<string, number>();
  for (const m of rows.milestones) {
    if (m.status === 'RELEASED' && transferSources.has(`milestone:${m.id}`)) settle(`milestone:${m.id}`, m.contractId, m.cents, m.cents);
    else if (['REFUNDED', 'CANCELLED'].includes(m.status) && refundKeys.has(`refund:milestone:${m.id}`)) settle(`milestone:${m.id}`, m.contractId, m.cents, 0);
    else if (m.status === 'RELEASED' || m.status === 'REFUNDED') settledByDisputes.set(m.contractId, (settledByDisputes.get(m.contractId) ?? 0) + m.cents);
  }
  for (const i of rows.invoices.filter((invoice) => invoice.status === 'RELEASED')) settle(`invoice:${i.id}`, i.contractId, i.cents, i.cents);
  // A dispute over invoices not charged yet held no escrow: it decided what is charged (the invoices
  // it settled, less the VOID ones, add up to the coder's share), which the ledger sees once paid.
  const invoiceDisputes = new Set(rows.invoices.map((i) => i.disputeId).filter((id) => id !== null));
  for (const d of rows.disputes.filter((dispute) => invoiceDisputes.has(dispute.id))) {
    const charged = rows.invoices.filter((i) => i.disputeId === d.id && i.status !== 'VOID').reduce((sum, i) => sum + i.cents, 0);
    expect({ dispute: d.id, charged }).toEqual({ dispute: d.id, charged: d.coderCents });
  }
  const heldByDisputes = new Map<string, number>();
  for (const d of rows.disputes.filter((dispute) => dispute.heldCents > 0 && !invoiceDisputes.has(dispute.id))) {
    heldByDisputes.set(d.contractId, (heldByDisputes.get(d.contractId) ?? 0) + d.heldCents);
    settle(`dispute:${d.id}`, d.contractId, d.heldCents, d.coderCents);
  }
  // The milestones that left escrow with neither their own transfer nor their own refund are exactly those the disputes held.
  expect(Object.fromEntries(settledByDisputes)).toEqual(Object.fromEntries(heldByDisputes));
  // Each transfer queued pays what its source released, to the contract's payee; once made, it leaves the payee's payable and the Stripe balance.
  expect(Object.fromEntries(rows.transfers.map((t) => [t.payload.source, { payee: t.payload.payee, amountCents: t.payload.amountCents }]))).toEqual(Object.fromEntries(payouts));
  for (const t of rows.transfers.filter((transfer) => transfer.status === 'DONE')) {
    add(payable(t.payload.payee), t.payload.amountCents);
    add('stripe_balance', -t.payload.amountCents);
  }

  const nonZero = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, cents]) => cents !== 0));
  expect(nonZero(rows.balances.map((b) => [b.account, Number(b.cents)]))).toEqual(nonZero([...expected]));
}

const SIGN_BAA = `mutation($id: ID!) { signBaa(contractId: $id) { id } }`;

/** The given parties sign the contract's BAA (required on every contract whose work reads PHI: all of them). */
export async function signBaa(app: TestApp, contractId: string, ...parties: Session[]): Promise<void> {
  for (const party of parties) ok(await app.gql(SIGN_BAA, { id: contractId }, party.accessToken));
}

/** A coding company's coder signs its subcontractor BAA and one of its OWNERs or ADMINs countersigns it. */
export async function subcontractorBaa(app: TestApp, organizationId: string, coder: Session, manager: Session): Promise<void> {
  ok(await app.gql(`mutation($o: ID!) { signSubcontractorBaa(organizationId: $o) { id } }`, { o: organizationId }, coder.accessToken));
  ok(await app.gql(`mutation($o: ID!, $c: ID!) { countersignSubcontractorBaa(organizationId: $o, coderId: $c) { id } }`, { o: organizationId, c: coder.user.id }, manager.accessToken));
}

/**
 * A practice posts a job, a verified coder bids, the practice accepts: the contract and both parties.
 * The BAA is required whatever the posting says; a `job` that says `requiresBaa: false` (tests written
 * when that turned it off, about something else than the BAA) gets both parties' signatures here.
 */
export async function acceptedContract(
  app: TestApp,
  job: Record<string, unknown>,
  bid: Record<string, unknown>,
): Promise<{ owner: Session; coder: Session; organizationId: string; contractId: string }> {
  const { owner, organization } = await given(app).practice();
  const posting = await postJob(app, owner, organization.id, job);
  const { coder } = await coders(app).verifiedCoder();
  const { submitBid } = ok(
    await app.gql(`mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }`, { input: { jobPostingId: posting.id, coverLetter: 'Ready to start.', ...bid } }, coder.accessToken),
  );
  const { acceptBid } = ok(await app.gql(`mutation($id: ID!) { acceptBid(id: $id) { id } }`, { id: submitBid.id }, owner.accessToken));
  if (job.requiresBaa === false) await signBaa(app, acceptBid.id, owner, coder);
  return { owner, coder, organizationId: organization.id, contractId: acceptBid.id };
}

/**
 * Money reaches the coder of a contract paying by milestone: the practice's OWNER creates a milestone,
 * funds it (simulated gateway: apps without STRIPE_SECRET_KEY confirm a moment later) and approves it,
 * which releases it. Returns the milestone's id.
 */
export async function releasedMilestone(app: TestApp, owner: Session, contractId: string, amountCents = 20000): Promise<string> {
  const { createMilestone } = ok(
    await app.gql(
      `mutation($c: ID!, $input: CreateMilestoneInput!) { createMilestone(contractId: $c, input: $input) { id } }`,
      { c: contractId, input: { title: 'Paid milestone', amountCents } },
      owner.accessToken,
    ),
  );
  ok(await app.gql(`mutation($id: ID!) { fundMilestone(id: $id) { status } }`, { id: createMilestone.id }, owner.accessToken));
  await eventually(async () => (await app.sql<{ status: string }>('SELECT status FROM milestones WHERE id = $1', [createMilestone.id]))[0].status === 'FUNDED', 'milestone funded (simulated gateway)');
  ok(await app.gql(`mutation($id: ID!) { approveMilestone(id: $id) { status } }`, { id: createMilestone.id }, owner.accessToken));
  return createMilestone.id as string;
}

/**
 * A FIXED_PRICE contract on which money reached the coder: a milestone funded, approved and released
 * (with the simulated gateway, which confirms a payment a moment later: apps without STRIPE_SECRET_KEY).
 */
export async function paidContract(app: TestApp, amountCents = 20000): Promise<Awaited<ReturnType<typeof acceptedContract>> & { milestoneId: string }> {
  const parties = await acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 50000 });
  return { ...parties, milestoneId: await releasedMilestone(app, parties.owner, parties.contractId, amountCents) };
}

/**
 * Moves a contract's start `days` back (and, when given, its end `endedDaysAgo` back), as if it had
 * been accepted then: work can only be logged within a contract's life.
 */
export async function backdateContract(app: TestApp, contractId: string, days: number, endedDaysAgo?: number): Promise<void> {
  await app.sql(`UPDATE contracts SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [contractId, days]);
  if (endedDaysAgo !== undefined) await app.sql(`UPDATE contracts SET ended_at = now() - make_interval(days => $2) WHERE id = $1`, [contractId, endedDaysAgo]);
}
