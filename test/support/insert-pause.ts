import pg from 'pg';
import { TestApp } from './test-app.js';
import { eventually } from './wait.js';

/**
 * Holds the app's INSERTs into one table right before they write: a BEFORE INSERT trigger (in this
 * test file's own database) waits for an advisory lock while the test holds it. A race can then be
 * played in the one order that matters: a transaction stopped at its insert, another act running
 * meanwhile, then the insert let go. Nothing else of the app is changed.
 */
export async function insertPause(app: TestApp, table: string, key: number) {
  const name = `test_pause_${table}`;
  await app.sql(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(${key}); RETURN NEW; END $$`);
  await app.sql(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  const paused = async () => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`, [key]))[0].n > 0;
  const waitingOnARow = async () =>
    (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event <> 'advisory'`))[0].n > 0;

  return {
    /**
     * Starts `first` and holds it at its insert into the table; runs `second` until it is done or
     * waits for a lock (`first`'s transaction); then lets `first` go on. Answers both.
     */
    async race<F, S>(first: () => Promise<F>, second: () => Promise<S>): Promise<{ first: F; second: S }> {
      const holder = new pg.Client({ connectionString: app.config.databaseUrl });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [key]);
        const firstDone = first();
        await eventually(paused, `an insert into ${table} waits`);
        let done = false;
        const secondDone = second().finally(() => (done = true));
        await eventually(async () => done || (await waitingOnARow()), 'the second act ran, or waits for the first');
        await holder.query('SELECT pg_advisory_unlock($1)', [key]);
        return { first: await firstDone, second: await secondDone };
      } finally {
        await holder.end();
      }
    },
  };
}
