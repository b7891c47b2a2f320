import { isUUID } from 'class-validator';
import { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../errors/app-error.js';
import { groupByKeys } from '../loaders/request-loaders.js';
import { ConnectionArgs, ConnectionShape } from './connection.js';

interface KeysetCursor {
  /** The sort value, an ISO timestamp (`toISOString`), followed by the row id, the tie-breaker. */
  v: string;
  id: string;
}

const encodeCursor = (cursor: KeysetCursor) => Buffer.from(JSON.stringify([cursor.v, cursor.id])).toString('base64url');

// The timestamps our cursors carry: `toISOString` of a row's date (years 1000-2999, which
// PostgreSQL also reads). Anything else would reach SQL and fail there as an internal error.
const CURSOR_TIMESTAMP = /^[12]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
function isCursorTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !CURSOR_TIMESTAMP.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && new Date(time).toISOString() === value; // no February 30th
}

/** The client's `after`, checked to be one of our cursors (BAD_USER_INPUT naming `after` otherwise). */
function decodeCursor(after: string): KeysetCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [v, id] = decoded as unknown[];
    if (isCursorTimestamp(v) && typeof id === 'string' && isUUID(id)) return { v, id };
  }
  throw new BadUserInputError('after is not a valid cursor', ['after']);
}

export interface KeysetOptions<T> {
  /** Column to sort on, as `alias.column` in the query builder (e.g. `m.createdAt`). */
  sortColumn: string;
  /** Column with the row's unique id (e.g. `m.id`), used to break ties. */
  idColumn: string;
  direction: 'ASC' | 'DESC';
  /** Reads the sort value (a timestamp) back from an entity, to build its cursor. */
  sortValue: (row: T) => Date;
  idValue: (row: T) => string;
}

/** Keyset options for the usual order: `createdAt`, ties broken by `id`, on the query's `alias` (e.g. `m`). */
export function byCreatedAt<T extends { id: string; createdAt: Date }>(alias: string, direction: 'ASC' | 'DESC'): KeysetOptions<T> {
  return { sortColumn: `${alias}.createdAt`, idColumn: `${alias}.id`, direction, sortValue: (row) => row.createdAt, idValue: (row) => row.id };
}

/**
 * Keyset pagination over a query builder: one extra row tells whether a next page exists; the
 * count (same filters, no cursor) runs only if the client selects `totalCount`.
 */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: ConnectionArgs, options: KeysetOptions<T>): Promise<ConnectionShape<T>> {
  const counter = query.clone();
  const rows = await afterCursor(query.clone(), args, options)
    .orderBy(options.sortColumn, options.direction)
    .addOrderBy(options.idColumn, options.direction)
    .take(args.first + 1)
    .getMany();
  return toConnection(rows, args, options, () => counter.getCount());
}

/**
 * `paginate` for the same field of many parents (the bids of each posting on a page) in one
 * statement: `query` selects the rows of every parent in `group.keys`, `group.column` (e.g.
 * `b.jobPostingId`) tells them apart, and each parent gets its own page (same `first` and `after`),
 * in the order of `group.keys`. The counts, one grouped statement for all parents, run only if a
 * client selects `totalCount`.
 */
export async function paginateEach<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  group: { column: string; of: (row: T) => string; keys: readonly string[] },
  args: ConnectionArgs,
  options: KeysetOptions<T>,
): Promise<ConnectionShape<T>[]> {
  const order = `${options.sortColumn} ${options.direction}, ${options.idColumn} ${options.direction}`;
  const rows = await firstOfEachGroup(afterCursor(query.clone(), args, options), group.column, order, args.first + 1)
    .orderBy(options.sortColumn, options.direction)
    .addOrderBy(options.idColumn, options.direction)
    .getMany();
  let counts: Promise<Map<string, number>> | undefined;
  const countOf = async (key: string) => {
    counts ??= query
      .clone()
      .select(group.column, 'parent')
      .addSelect('count(*)::int', 'n')
      .groupBy(group.column)
      .getRawMany<{ parent: string; n: number }>()
      .then((found) => new Map(found.map((row) => [row.parent, row.n])));
    return (await counts).get(key) ?? 0;
  };
  return groupByKeys(group.keys, rows, group.of).map((found, i) => toConnection(found, args, options, () => countOf(group.keys[i])));
}

/**
 * Narrows `query` to the first `limit` rows of each group (`partitionBy`, e.g. `r.coderId`) in
 * `orderBy` order, ranked with a window function: the lists of many parents in one statement,
 * each bounded. The caller orders the outer query.
 */
export function firstOfEachGroup<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, partitionBy: string, orderBy: string, limit: number): SelectQueryBuilder<T> {
  const alias = query.alias;
  const ranked = query.clone().select(`${alias}.id`, 'id').addSelect(`row_number() OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`, 'position');
  return query
    .createQueryBuilder()
    .select(alias)
    .from(query.expressionMap.mainAlias!.target as EntityTarget<T>, alias)
    .where(`${alias}.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.position <= :groupLimit)`)
    .setParameters({ ...ranked.getParameters(), groupLimit: limit });
}

function afterCursor<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: ConnectionArgs, options: KeysetOptions<T>): SelectQueryBuilder<T> {
  if (!args.after) return query;
  const cursor = decodeCursor(args.after);
  const op = options.direction === 'DESC' ? '<' : '>';
  return query.andWhere(`(${options.sortColumn}, ${options.idColumn}) ${op} (:cursorValue, :cursorId)`, { cursorValue: cursor.v, cursorId: cursor.id });
}

/** One page from `rows` (up to `first + 1`, in order): edges, cursors, and a lazy total. */
function toConnection<T>(rows: T[], args: ConnectionArgs, options: KeysetOptions<T>, count: () => Promise<number>): ConnectionShape<T> {
  const hasNextPage = rows.length > args.first;
  const edges = rows.slice(0, args.first).map((row) => ({ cursor: encodeCursor({ v: options.sortValue(row).toISOString(), id: options.idValue(row) }), node: row }));
  return {
    edges,
    get totalCount() {
      return count();
    },
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
