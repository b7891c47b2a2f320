import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ok } from './support/given.js';
import { acceptedContract, expectLedgerBalanced } from './support/money.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';
import { eventually } from './support/wait.js';

const CREATE = `mutation($c: ID!, $title: String!) { createMilestone(contractId: $c, input: { title: $title, amountCents: 10000 }) { id } }`;
const END = `mutation($id: ID!) { endContract(id: $id) { id status } }`;
const FUND = `mutation($id: ID!) { fundMilestone(id: $id) { status } }`;
const APPROVE = `mutation($id: ID!) { approveMilestone(id: $id) { id status } }`;
const REFUND = `mutation($id: ID!) { refundMilestone(id: $id) { id status } }`;
const MILESTONES = `query($id: ID!) { contract(id: $id) { milestones { id status } } }`;
const RACES = 10;

const outcomeOf = (answer: GraphqlResponse) => (answer.errors ? { code: answer.errors[0].extensions.code, message: answer.errors[0].message } : 'OK');

describe('milestone writes racing on one contract', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterEach(() => expectLedgerBalanced(app));
  afterAll(() => app?.close());

  const fixedPriceContract = () => acceptedContract(app, { payModel: 'FIXED_PRICE', rateCents: null, budgetCents: 100000 }, { rateCents: 80000 });

  it('creates no milestone on a contract once it has ended, when createMilestone races endContract', async () => {
    // A witness in this test's own database: at each milestone's commit, it notes the ones whose contract
    // had already ended (a deferred trigger runs at commit, and reads what is committed by then).
    await app.sql(`CREATE TABLE milestones_committed_after_end (milestone_id uuid NOT NULL)`);
    await app.sql(`CREATE FUNCTION note_milestone_after_end() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT status FROM contracts WHERE id = NEW.contract_id) = 'ENDED' THEN INSERT INTO milestones_committed_after_end VALUES (NEW.id); END IF;
        RETURN NULL;
      END $$`);
    await app.sql(`CREATE CONSTRAINT TRIGGER milestone_committed_after_end AFTER INSERT ON milestones DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_milestone_after_end()`);

    const { owner, contractId } = await fixedPriceContract();
    // Interleaved, so that creates are still on their way in while the ends go through.
    const creates: Promise<GraphqlResponse>[] = [];
    const ends: Promise<GraphqlResponse>[] = [];
    for (let i = 0; i < RACES; i++) {
      creates.push(app.gql(CREATE, { c: contractId, title: `Batch ${i}` }, owner.accessToken));
      ends.push(app.gql(END, { id: contractId }, owner.accessToken));
    }
    const [created, ended] = await Promise.all([Promise.all(creates), Promise.all(ends)]);

    expect(ended.map(outcomeOf).filter((outcome) => outcome === 'OK')).toHaveLength(1);
    for (const outcome of [...created, ...ended].map(outcomeOf)) if (outcome !== 'OK') expect(outcome.code).toBe('CONFLICT');
    for (const outcome of created.map(outcomeOf)) if (outcome !== 'OK') expect(outcome.message).toBe('This contract is ENDED');
    // Every milestone there was acknowledged, and none was written once the contract had ended.
    const stored = await app.sql<{ id: string }>(`SELECT id FROM milestones WHERE contract_id = $1`, [contractId]);
    const acknowledged = created.filter((answer) => !answer.errors).map((answer) => answer.data!.createMilestone.id);
    expect(stored.map((row) => row.id).sort()).toEqual(acknowledged.sort());
    expect(await app.sql(`SELECT milestone_id FROM milestones_committed_after_end`)).toEqual([]);
  }, 60_000);

  it('answers the loser of approve racing refund with the status the winner left, never the one it read before', async () => {
    const { owner, contractId } = await fixedPriceContract();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { createMilestone } = ok(await app.gql(CREATE, { c: contractId, title: `Batch ${i}` }, owner.accessToken));
      ok(await app.gql(FUND, { id: createMilestone.id }, owner.accessToken));
      ids.push(createMilestone.id);
    }
    const statuses = async () => ok(await app.gql(MILESTONES, { id: contractId }, owner.accessToken)).contract.milestones.map((m: { status: string }) => m.status);
    await eventually(async () => (await statuses()).every((status: string) => status === 'FUNDED'), 'milestones funded');

    // Every pair at once, on one contract: its row lock lines them up, so some approvals read FUNDED and then lose.
    const pairs = await Promise.all(ids.map((id) => Promise.all([app.gql(REFUND, { id }, owner.accessToken), app.gql(APPROVE, { id }, owner.accessToken)])));
    const finals = await app.sql<{ id: string; status: string }>(`SELECT id, status FROM milestones WHERE contract_id = $1`, [contractId]);
    for (const [index, [refunded, approved]] of pairs.entries()) {
      const final = finals.find((row) => row.id === ids[index])!.status;
      if (final === 'REFUNDED') {
        expect(ok(refunded).refundMilestone.status).toBe('REFUNDED');
        expect(outcomeOf(approved)).toEqual({ code: 'CONFLICT', message: 'Only a FUNDED or SUBMITTED milestone can be released; this one is REFUNDED' });
      } else {
        expect(final).toBe('RELEASED');
        expect(ok(approved).approveMilestone.status).toBe('RELEASED');
        expect(outcomeOf(refunded)).toEqual({ code: 'CONFLICT', message: 'Only a FUNDED milestone can be refunded; this one is RELEASED' });
      }
    }
  }, 60_000);
});
