import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseLeieCsv } from '../src/domain/leie.js';
import { ScreeningService } from '../src/screening/screening.service.js';
import { coders, failed, given, nextYear, ok, PASSWORD, Session, profileInput } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

// Red team of issue 17 (item 6): the ways an excluded person slipped past the screen, each through
// GraphQL. The fixture (official UPDATED.csv layout) lists JANE M HOLDEN (born 1970-03-04, TX),
// NATHAN CROOK (NPI 1987654328), JOHN Q ADAMS, MARIA GARCIA-LOPEZ, DANA PARKS, MARY COX and
// JOHN ROBERT SMITH (born 1965-02-12, TX).
const FIXTURE = new URL('./fixtures/leie-evasion.csv', import.meta.url);
const CROOK_NPI = '1987654328';
const OTHER_NPI = '1765432103';
// Cyrillic lookalikes: О (U+041E), а (U+0430), С (U+0421), о (U+043E), х (U+0445).
const CYRILLIC_O = '\u041e';
const CYRILLIC_A = '\u0430';
const CYRILLIC_COX = '\u0421\u043e\u0445';

const UPSERT = `mutation($input: UpsertCoderProfileInput!) { upsertCoderProfile(input: $input) { id lastScreenedAt screening { onHold } } }`;
const VERIFY = `mutation($id: ID!) { verifyCredential(id: $id, approve: true, note: "Checked on aapc.com") { id status } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`;
const HOLDS = `query($status: ScreeningHoldStatus) { screeningHolds(status: $status, first: 100) { edges { node {
  id coderId matchKind status agreeingDetails differingDetails
  matchedName { firstName middleName lastName source firstNameMatch lastNameMatch swapped }
  entry { lastName firstName middleName npi dateOfBirth } subject { firstName lastName npi dateOfBirth state } } } } }`;
const CLEAR = `mutation($id: ID!, $note: String!) { clearScreeningHold(id: $id, note: $note) { id status } }`;

describe('OIG exclusion screening, as an excluded person tries to evade it', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;
  let admin: Session;
  let screening: ScreeningService;
  let fixture: string;

  beforeAll(async () => {
    app = await TestApp.start();
    a = given(app);
    admin = await a.admin();
    screening = app.app.get(ScreeningService);
    fixture = readFileSync(FIXTURE, 'latin1');
    expect((await screening.importLeie(parseLeieCsv(fixture), '2026-11-01')).rowCount).toBe(7);
  });
  afterAll(() => app?.close());

  const upsert = async (coder: Session, overrides: Record<string, unknown> = {}) =>
    ok(await app.gql<{ upsertCoderProfile: Untyped }>(UPSERT, { input: profileInput(overrides) }, coder.accessToken)).upsertCoderProfile;
  /** A coder (account `name`) with a profile (`overrides`) and a pending CPC. */
  const coderWithPendingCpc = async (name: string, overrides: Record<string, unknown> = {}) => {
    const coder = await a.coder({ name });
    await upsert(coder, overrides);
    const credential = await coders(app).addCredential(coder, { type: 'CPC', number: `CPC-${Date.now() % 1e8}`, issuedOn: '2022-01-15', expiresOn: nextYear() });
    return { coder, credentialId: credential.id as string };
  };
  const holdsOf = async (coderId: string, status = 'OPEN') =>
    ok(await app.gql<{ screeningHolds: Untyped }>(HOLDS, { status }, admin.accessToken))
      .screeningHolds.edges.map((e: Untyped) => e.node)
      .filter((h: Untyped) => h.coderId === coderId);
  /** Approval refused with SCREENING_HOLD, and the open holds of the coder. */
  const heldAtReview = async ({ coder, credentialId }: { coder: Session; credentialId: string }) => {
    expect(failed(await app.gql(VERIFY, { id: credentialId }, admin.accessToken), 'CONFLICT').extensions.reason).toBe('SCREENING_HOLD');
    return holdsOf(coder.user.id);
  };

  describe('self-declared details never clear a name match (attack 1a)', () => {
    it('holds the excluded name with another birth date and state, showing the admin which details differ', async () => {
      const held = await coderWithPendingCpc('Jane Holden', { legalFirstName: 'Jane', legalLastName: 'Holden', dateOfBirth: '1988-06-01', state: 'OR' });
      const [hold, ...others] = await heldAtReview(held);
      expect(others).toEqual([]);
      expect(hold).toMatchObject({
        matchKind: 'NAME_ONLY',
        agreeingDetails: [],
        differingDetails: ['DATE_OF_BIRTH', 'STATE'],
        matchedName: { firstName: 'Jane', lastName: 'Holden', source: 'LEGAL_NAME', firstNameMatch: 'EXACT', lastNameMatch: 'EXACT' },
        entry: { lastName: 'HOLDEN', firstName: 'JANE', dateOfBirth: '1970-03-04' },
        subject: { dateOfBirth: '1988-06-01', state: 'OR' },
      });
    });

    it('holds the excluded name with another NPI, and holds any name with the excluded NPI', async () => {
      const otherNpi = await coderWithPendingCpc('Nathan Crook', { npi: OTHER_NPI });
      const [hold] = await heldAtReview(otherNpi);
      expect(hold).toMatchObject({ matchKind: 'NAME_ONLY', differingDetails: ['NPI'], matchedName: { source: 'ACCOUNT_NAME' } });

      const sameNpi = await coderWithPendingCpc('Nate Brooks', { npi: CROOK_NPI });
      const [npiHold] = await heldAtReview(sameNpi);
      expect(npiHold).toMatchObject({ matchKind: 'NPI', agreeingDetails: ['NPI'], matchedName: null });
    });
  });

  describe('every name the platform knows is screened (attack 1b)', () => {
    it('screens the account name when the profile gives another legal name', async () => {
      const held = await coderWithPendingCpc('Jane Holden', { legalFirstName: 'Janet', legalLastName: 'Smith' });
      const [hold] = await heldAtReview(held);
      expect(hold).toMatchObject({ matchKind: 'NAME_ONLY', matchedName: { firstName: 'Jane', lastName: 'Holden', source: 'ACCOUNT_NAME' } });
    });

    it('screens a rename at once, and keeps screening the previous legal names', async () => {
      // A rename to the excluded name is screened by the profile write itself.
      const renamed = await a.coder({ name: 'Pat Lee' });
      expect((await upsert(renamed, { legalFirstName: 'Pat', legalLastName: 'Lee' })).screening.onHold).toBe(false);
      const afterRename = await upsert(renamed, { legalFirstName: 'Dana', legalLastName: 'Parks' });
      expect(afterRename.screening.onHold).toBe(true);
      expect(afterRename.lastScreenedAt).toEqual(expect.any(String));

      // A coder who renames before the month's list names them is still found under the old name.
      const coder = await a.coder({ name: 'Carla Stone' });
      await upsert(coder, { legalFirstName: 'Carla', legalLastName: 'Rivera' });
      await upsert(coder, { legalFirstName: 'Carla', legalLastName: 'Stone' });
      const december = `${fixture.trimEnd()}\nRIVERA,CARLA,,,OTHER BUSINESS,BILLING/CODING SERVICE,,0000000000,00000000,5 ASH ST,MIAMI,FL,33101,1128b4,20261115,00000000,00000000,\n`;
      await screening.importLeie(parseLeieCsv(december), '2026-12-01');
      const [hold] = await holdsOf(coder.user.id);
      expect(hold).toMatchObject({ matchKind: 'NAME_ONLY', matchedName: { firstName: 'Carla', lastName: 'Rivera', source: 'PREVIOUS_LEGAL_NAME' }, entry: { lastName: 'RIVERA' } });
    });
  });

  describe('middle names, initials and compound last names (attack 1c)', () => {
    it('matches the first word of the first name, with the middle name as evidence', async () => {
      const initial = await coderWithPendingCpc('J. H.', { legalFirstName: 'Jane M', legalLastName: 'Holden' });
      expect((await heldAtReview(initial))[0]).toMatchObject({
        matchKind: 'NAME_ONLY',
        agreeingDetails: ['MIDDLE_NAME'],
        matchedName: { firstName: 'Jane', middleName: 'M', lastName: 'Holden', source: 'LEGAL_NAME', firstNameMatch: 'FIRST_WORD', lastNameMatch: 'EXACT' },
      });
      const fullMiddle = await coderWithPendingCpc('J. A.', { legalFirstName: 'John Quincy', legalLastName: 'Adams' });
      expect((await heldAtReview(fullMiddle))[0]).toMatchObject({ agreeingDetails: ['MIDDLE_NAME'], matchedName: { firstName: 'John', middleName: 'Quincy', firstNameMatch: 'FIRST_WORD' } });
      // Another middle name is a difference shown to the admin, not a reason to let the coder through.
      const otherMiddle = await coderWithPendingCpc('J. A.', { legalFirstName: 'John Robert', legalLastName: 'Adams' });
      expect((await heldAtReview(otherMiddle))[0]).toMatchObject({ differingDetails: ['MIDDLE_NAME'] });
    });

    it('matches a compound last name by any of its parts, either way round', async () => {
      // The list has GARCIA-LOPEZ; the coder gives one part.
      const onePart = await coderWithPendingCpc('M. G.', { legalFirstName: 'Maria', legalLastName: 'Garcia' });
      expect((await heldAtReview(onePart))[0]).toMatchObject({ entry: { lastName: 'GARCIA-LOPEZ' }, matchedName: { lastNameMatch: 'PART' } });
      // The list has PARKS; the coder adds a part, with a hyphen or a space.
      for (const legalLastName of ['Parks-Whitman', 'Whitman Parks']) {
        const added = await coderWithPendingCpc('D. W.', { legalFirstName: 'Dana', legalLastName });
        expect((await heldAtReview(added))[0]).toMatchObject({ entry: { lastName: 'PARKS' }, matchedName: { lastName: legalLastName, lastNameMatch: 'PART' } });
      }
      // The account name's words after the first are each a possible last name.
      const account = await coderWithPendingCpc('Maria Lopez Ruiz');
      expect((await heldAtReview(account))[0]).toMatchObject({ matchedName: { source: 'ACCOUNT_NAME', lastNameMatch: 'PART' } });
    });
  });

  describe('lookalike letters from other scripts (attack 1d)', () => {
    it('refuses a name mixing scripts at sign-up and on the profile, naming the field, writing nothing', async () => {
      const email = `mixed-${Date.now()}@example.test`;
      const signUp = failed(await app.gql(SIGN_UP, { input: { email, password: PASSWORD, name: `J${CYRILLIC_A}ne Holden`, role: 'CODER' } }), 'BAD_USER_INPUT');
      expect(signUp.extensions.fields).toEqual(['input.name']);
      expect(await app.sql('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);

      const coder = await a.coder({ name: 'Plain Name' });
      const first = failed(await app.gql(UPSERT, { input: profileInput({ legalFirstName: `J${CYRILLIC_O}HN`, legalLastName: 'Adams' }) }, coder.accessToken), 'BAD_USER_INPUT');
      expect(first.extensions.fields).toEqual(['input.legalFirstName']);
      const last = failed(await app.gql(UPSERT, { input: profileInput({ legalFirstName: 'Jane', legalLastName: `H${CYRILLIC_O}lden-Smith` }) }, coder.accessToken), 'BAD_USER_INPUT');
      expect(last.extensions.fields).toEqual(['input.legalLastName']);
      expect(await app.sql('SELECT 1 FROM coder_profiles WHERE user_id = $1', [coder.user.id])).toEqual([]);
    });

    it('folds a whole word of lookalike letters to Latin before matching', async () => {
      // "Сох" is all Cyrillic (one script, so accepted): it reads COX.
      const held = await coderWithPendingCpc(`Mary ${CYRILLIC_COX}`);
      expect((await heldAtReview(held))[0]).toMatchObject({ entry: { lastName: 'COX', firstName: 'MARY' }, matchedName: { lastName: CYRILLIC_COX, lastNameMatch: 'EXACT' } });
    });
  });

  describe('digits for letters (issue 17 red team, finding 1)', () => {
    it('screens a sign-up name with digits for letters as those letters, and refuses digits and signs in the legal names, naming the field, writing nothing', async () => {
      // Account names stay free text (a practice's staff, a team account): the screen reads them as letters.
      const disguised = await a.coder({ name: 'J0hn Sm1th' });
      expect((await upsert(disguised, { state: 'TX' })).screening.onHold).toBe(true);
      expect((await holdsOf(disguised.user.id))[0]).toMatchObject({ entry: { lastName: 'SMITH', firstName: 'JOHN' }, matchedName: { source: 'ACCOUNT_NAME' } });

      const coder = await a.coder({ name: 'Plain Name' });
      for (const [field, input] of [
        ['input.legalFirstName', { legalFirstName: 'J0hn', legalLastName: 'Smith' }],
        ['input.legalLastName', { legalFirstName: 'John', legalLastName: 'Sm1th' }],
        ['input.legalLastName', { legalFirstName: 'John', legalLastName: 'Smi$h' }],
      ] as const) {
        const error = failed(await app.gql(UPSERT, { input: profileInput({ ...input, state: 'TX' }) }, coder.accessToken), 'BAD_USER_INPUT');
        expect(error.extensions.fields).toEqual([field]);
      }
      expect(await app.sql('SELECT 1 FROM coder_profiles WHERE user_id = $1', [coder.user.id])).toEqual([]);
    });

    it('still accepts letters of any script, spaces, hyphens, apostrophes and periods', async () => {
      const email = `punctuated-${Date.now()}@example.test`;
      ok(await app.gql(SIGN_UP, { input: { email, password: PASSWORD, name: 'Mary-Jane O\u2019Neil St. Clair', role: 'CODER' } }));
      const coder = await a.coder({ name: "Ren\u0301e D'Arcy" });
      expect((await upsert(coder, { legalFirstName: 'Zo\u00eb A.', legalLastName: "O'Brien-\u0141\u00f3d\u017a" })).screening.onHold).toBe(false);
    });

    it('reads digits in a name stored before the check as the letters they stand for', async () => {
      const coder = await a.coder({ name: 'Plain Name' });
      await app.sql('UPDATE users SET name = $2 WHERE id = $1', [coder.user.id, 'J0hn Sm1th']);
      expect((await upsert(coder, { state: 'TX' })).screening.onHold).toBe(true);
      expect((await holdsOf(coder.user.id))[0]).toMatchObject({
        matchKind: 'NAME_AND_STATE',
        entry: { lastName: 'SMITH', firstName: 'JOHN' },
        matchedName: { firstName: 'J0hn', lastName: 'Sm1th', source: 'ACCOUNT_NAME', firstNameMatch: 'EXACT', lastNameMatch: 'EXACT', swapped: false },
      });
    });
  });

  describe('swapped names, initials, middle and run-together first names (issue 17 red team, finding 2)', () => {
    it('holds first and last names swapped, saying so', async () => {
      const held = await coderWithPendingCpc('S. J.', { legalFirstName: 'Smith', legalLastName: 'John', state: 'TX' });
      expect((await heldAtReview(held))[0]).toMatchObject({
        matchKind: 'NAME_AND_STATE',
        entry: { lastName: 'SMITH', firstName: 'JOHN' },
        matchedName: { firstName: 'John', lastName: 'Smith', source: 'LEGAL_NAME', firstNameMatch: 'EXACT', lastNameMatch: 'EXACT', swapped: true },
      });
    });

    it('holds a first initial, the middle name or a run-together first name when the birth date or the state agrees', async () => {
      const initial = await coderWithPendingCpc('J. S.', { legalFirstName: 'J.', legalLastName: 'Smith', dateOfBirth: '1965-02-12' });
      expect((await heldAtReview(initial))[0]).toMatchObject({ matchKind: 'NAME_AND_DOB', matchedName: { firstName: 'J.', firstNameMatch: 'INITIAL', swapped: false } });
      const initialAndMiddle = await coderWithPendingCpc('J. S.', { legalFirstName: 'J Robert', legalLastName: 'Smith', state: 'TX' });
      expect((await heldAtReview(initialAndMiddle))[0]).toMatchObject({
        matchKind: 'NAME_AND_STATE',
        agreeingDetails: ['STATE', 'MIDDLE_NAME'],
        matchedName: { firstName: 'J', middleName: 'Robert', firstNameMatch: 'INITIAL' },
      });
      const middle = await coderWithPendingCpc('R. S.', { legalFirstName: 'Robert', legalLastName: 'Smith', dateOfBirth: '1965-02-12' });
      expect((await heldAtReview(middle))[0]).toMatchObject({ matchKind: 'NAME_AND_DOB', matchedName: { firstName: 'Robert', firstNameMatch: 'MIDDLE_NAME' } });
      const runTogether = await coderWithPendingCpc('J. S.', { legalFirstName: 'JohnRobert', legalLastName: 'Smith', state: 'TX' });
      expect((await heldAtReview(runTogether))[0]).toMatchObject({ matchKind: 'NAME_AND_STATE', matchedName: { firstName: 'JohnRobert', firstNameMatch: 'RUN_TOGETHER' } });
    });

    it('lets a first initial through when neither the birth date nor the state agrees', async () => {
      const { credentialId } = await coderWithPendingCpc('J. S.', { legalFirstName: 'J.', legalLastName: 'Smith', dateOfBirth: '1990-01-01', state: 'OR' });
      expect(ok(await app.gql<{ verifyCredential: Untyped }>(VERIFY, { id: credentialId }, admin.accessToken)).verifyCredential.status).toBe('VERIFIED');
    });
  });

  describe('a cleared hold and a stronger match of the same entry (item 2)', () => {
    it('raises a new hold when the match gets stronger, once, keeping the cleared one', async () => {
      const { coder } = await coderWithPendingCpc('Jane Holden');
      await screening.screenCoder(coder.user.id);
      const [weak] = await holdsOf(coder.user.id);
      expect(weak.matchKind).toBe('NAME_ONLY');
      ok(await app.gql(CLEAR, { id: weak.id, note: 'Her ID: born 1988, not the excluded Jane Holden' }, admin.accessToken));

      // The same weak match again: no new hold.
      expect((await screening.screenCoder(coder.user.id)).newHolds).toBe(0);
      // Now the birth date on the profile is the excluded person's: a stronger match, held again
      // (two screens racing raise it once).
      await app.sql('UPDATE coder_profiles SET date_of_birth = $2 WHERE user_id = $1', [coder.user.id, '1970-03-04']);
      const raced = await Promise.all([screening.screenCoder(coder.user.id), screening.screenCoder(coder.user.id)]);
      expect(raced.map((r) => r.newHolds).sort()).toEqual([0, 1]);
      expect((await holdsOf(coder.user.id)).map((h: Untyped) => ({ matchKind: h.matchKind, agreeing: h.agreeingDetails }))).toEqual([{ matchKind: 'NAME_AND_DOB', agreeing: ['DATE_OF_BIRTH'] }]);
      expect((await holdsOf(coder.user.id, 'CLEARED')).map((h: Untyped) => h.id)).toEqual([weak.id]);
      expect(ok(await app.gql<{ myCoderProfile: Untyped }>(`{ myCoderProfile { screening { onHold } } }`, {}, coder.accessToken)).myCoderProfile.screening.onHold).toBe(true);

      // Cleared in turn, a weaker match does not come back.
      const [strong] = await holdsOf(coder.user.id);
      ok(await app.gql(CLEAR, { id: strong.id, note: 'Same birth date, other SSN: checked with the OIG' }, admin.accessToken));
      await app.sql('UPDATE coder_profiles SET date_of_birth = NULL, state = $2 WHERE user_id = $1', [coder.user.id, 'TX']);
      expect((await screening.screenCoder(coder.user.id)).newHolds).toBe(0);
    });
  });
});
