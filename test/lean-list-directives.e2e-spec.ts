import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seed } from '../bench/seed.js';
import { ok } from './support/given.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

// Red team of issue 19 (lean list paths). The directory works out the preloadable fields of its rows
// (user, credentials, screening, publicUrl, accuracy) only when the page selects them, "with no
// statement more than before". Any @skip/@include at the row level made it work out every one of
// them, for every row: a page that selects only ids, and is costed as such, then ran the users and
// the published-accuracy statements as well (and built the values for each row), on either executor.
describe('directory rows with @skip/@include', () => {
  let app: TestApp;
  let statements = 0;

  const counted = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = statements;
    const data = ok(await app.gql<{ coders: { edges: { node: Untyped }[] } }>(query, variables));
    return { data, statements: statements - before };
  };

  beforeAll(async () => {
    app = await TestApp.start();
    const logger = app.app.get(DataSource).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (...args) => {
      statements++;
      return logQuery(...args);
    };
    await seed({ coders: 20, jobs: 0, practices: 0, seed: 23, databaseUrl: app.config.databaseUrl, quiet: true });
  }, 60_000);
  afterAll(() => app?.close());

  it('runs no more statements for an id page whose fields carry a directive than for the plain id page', async () => {
    const plain = await counted('{ coders(first: 20) { edges { node { id } } } }');
    const skipped = await counted('{ coders(first: 20) { edges { node { id @skip(if: false) } } } }');
    const included = await counted('query($all: Boolean!) { coders(first: 20) { edges { node { id headline @include(if: $all) } } } }', { all: false });
    expect(plain.data.coders.edges).toHaveLength(20);
    expect(skipped.data).toEqual(plain.data);
    expect(included.data).toEqual(plain.data);
    expect({ skipped: skipped.statements, included: included.statements }).toEqual({ skipped: plain.statements, included: plain.statements });
  });
});
