import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes and one denormalized column for the directory and matching at 100k+ coders (issue 7):
 * - `credentials (coder_id)`: loading a coder's credentials was a sequential scan (the only index
 *   starting with coder_id is partial, on live credentials);
 * - `coder_profiles.verified_credential_types`: the types of the coder's VERIFIED credentials, kept by
 *   statement-level triggers on `credentials` (bulk inserts refresh each coder once), with a GIN index,
 *   so "holds every required credential" is an indexed `@>` instead of an anti-join over all
 *   credentials. Expiry depends on the date, so queries still recheck `expires_on` for the rows found;
 * - `credentials (type, expires_on)` on verified credentials: that recheck, when the planner hashes it;
 * - `coder_profiles (available, rating, rating_count, id)`: matching walks coders in its candidate order and stops
 *   at the limit, so its cost follows the share of coders who qualify, not their number; the directory
 *   walks it for `availableOnly` in its rating order;
 * - `coder_profiles_derive` (specialties and the search document) fires only when the columns it
 *   reads are written: a rating, an audit or a credential no longer rebuilds the tsvector.
 */
export class MatchingAtScale1795800000000 implements MigrationInterface {
  name = 'MatchingAtScale1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER coder_profiles_derive ON coder_profiles`);
    await queryRunner.query(
      `CREATE TRIGGER coder_profiles_derive BEFORE INSERT OR UPDATE OF headline, bio, specialty_years, ehr_systems ON coder_profiles FOR EACH ROW EXECUTE FUNCTION coder_profiles_derive()`,
    );
    await queryRunner.query(`CREATE INDEX "credentials_coder_id_idx" ON "credentials" ("coder_id")`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" ADD "verified_credential_types" "credential_type" array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      CREATE FUNCTION coder_verified_credentials(coder uuid) RETURNS credential_type[] LANGUAGE sql STABLE AS $$
        SELECT ARRAY(SELECT type FROM credentials WHERE coder_id = coder AND status = 'VERIFIED' ORDER BY type)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION coder_profiles_verified_credentials() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The coder's user row serializes this with credential changes (see credentials_refresh_profiles).
        PERFORM 1 FROM users WHERE id = NEW.user_id FOR NO KEY UPDATE;
        NEW.verified_credential_types := coder_verified_credentials(NEW.user_id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER coder_profiles_verified_credentials BEFORE INSERT ON coder_profiles FOR EACH ROW EXECUTE FUNCTION coder_profiles_verified_credentials()`);
    await queryRunner.query(`
      CREATE FUNCTION credentials_refresh_profiles() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        coders uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          coders := ARRAY(SELECT DISTINCT coder_id FROM changed_new);
        ELSIF TG_OP = 'DELETE' THEN
          coders := ARRAY(SELECT DISTINCT coder_id FROM changed_old);
        ELSE
          -- Only a change of holder, type or status matters (not numbers, notes or reminders).
          coders := ARRAY(
            SELECT DISTINCT unnest(ARRAY[n.coder_id, o.coder_id]) FROM changed_new n JOIN changed_old o ON o.id = n.id
             WHERE (n.coder_id, n.type, n.status) IS DISTINCT FROM (o.coder_id, o.type, o.status));
        END IF;
        IF cardinality(coders) = 0 THEN
          RETURN NULL;
        END IF;
        -- Lock the coders' user rows first (in one order), as a profile insert does: two transactions
        -- changing one coder's credentials, or one creating the profile, then take turns, and the
        -- UPDATE below, a new statement with a new snapshot, sees what the other committed. Without
        -- the lock each would write the types it alone could see.
        PERFORM 1 FROM users WHERE id = ANY(coders) ORDER BY id FOR NO KEY UPDATE;
        UPDATE coder_profiles p SET verified_credential_types = coder_verified_credentials(p.user_id)
         WHERE p.user_id = ANY(coders) AND p.verified_credential_types IS DISTINCT FROM coder_verified_credentials(p.user_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER credentials_refresh_profiles_insert AFTER INSERT ON credentials REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION credentials_refresh_profiles()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER credentials_refresh_profiles_update AFTER UPDATE ON credentials REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION credentials_refresh_profiles()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER credentials_refresh_profiles_delete AFTER DELETE ON credentials REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION credentials_refresh_profiles()`,
    );
    await queryRunner.query(`UPDATE coder_profiles SET verified_credential_types = coder_verified_credentials(user_id)`);
    await queryRunner.query(`CREATE INDEX "coder_profiles_verified_credential_types_idx" ON "coder_profiles" USING gin ("verified_credential_types")`);
    await queryRunner.query(`CREATE INDEX "credentials_verified_expiry_idx" ON "credentials" ("type", "expires_on") WHERE status = 'VERIFIED' AND expires_on IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "coder_profiles_available_rating_idx" ON "coder_profiles" (available DESC, (rating_total::float / NULLIF(rating_count, 0)) DESC NULLS LAST, rating_count DESC, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "coder_profiles_available_rating_idx"`);
    await queryRunner.query(`DROP INDEX "credentials_verified_expiry_idx"`);
    await queryRunner.query(`DROP TRIGGER credentials_refresh_profiles_delete ON credentials`);
    await queryRunner.query(`DROP TRIGGER credentials_refresh_profiles_update ON credentials`);
    await queryRunner.query(`DROP TRIGGER credentials_refresh_profiles_insert ON credentials`);
    await queryRunner.query(`DROP FUNCTION credentials_refresh_profiles()`);
    await queryRunner.query(`DROP TRIGGER coder_profiles_verified_credentials ON coder_profiles`);
    await queryRunner.query(`DROP FUNCTION coder_profiles_verified_credentials()`);
    await queryRunner.query(`DROP FUNCTION coder_verified_credentials(uuid)`);
    await queryRunner.query(`ALTER TABLE "coder_profiles" DROP COLUMN "verified_credential_types"`);
    await queryRunner.query(`DROP INDEX "credentials_coder_id_idx"`);
    await queryRunner.query(`DROP TRIGGER coder_profiles_derive ON coder_profiles`);
    await queryRunner.query(`CREATE TRIGGER coder_profiles_derive BEFORE INSERT OR UPDATE ON coder_profiles FOR EACH ROW EXECUTE FUNCTION coder_profiles_derive()`);
  }
}
