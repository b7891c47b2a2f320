import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../errors/app-error.js';
import { ConnectionArgs, ConnectionShape } from './connection.js';

interface KeysetCursor {
  /** Sort value (ISO date or number) followed by the row id, the tie-breaker. */
  v: string | number;
  id: string;
}

const encodeCursor = (cursor: KeysetCursor) => Buffer.from(JSON.stringify([cursor.v, cursor.id])).toString('base64url');

function decodeCursor(after: string): KeysetCursor {
  try {
    const [v, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    if ((typeof v === 'string' || typeof v === 'number') && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { v, id };
  } catch {
    // falls through to the error below
  }
  throw new BadUserInputError('after is not a valid cursor', ['after']);
}

export interface KeysetOptions<T> {
  /** Column to sort on, as `alias.column` in the query builder (e.g. `m.createdAt`). */
  sortColumn: string;
  /** Column with the row's unique id (e.g. `m.id`), used to break ties. */
  idColumn: string;
  direction: 'ASC' | 'DESC';
  /** Reads the sort value back from an entity, to build its cursor. */
  sortValue: (row: T) => Date | number;
  idValue: (row: T) => string;
}

/**
 * Keyset pagination over a query builder: one extra row tells whether a next page exists; the
 * count (same filters, no cursor) runs only if the client selects `totalCount`.
 */
export async function paginate<T extends ObjectLiteral, N = T>(
  query: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  options: KeysetOptions<T>,
  toNode: (row: T) => N = (row) => row as unknown as N,
): Promise<ConnectionShape<N>> {
  const counter = query.clone();
  const page = query.clone();
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const op = options.direction === 'DESC' ? '<' : '>';
    page.andWhere(`(${options.sortColumn}, ${options.idColumn}) ${op} (:cursorValue, :cursorId)`, { cursorValue: cursor.v, cursorId: cursor.id });
  }
  const rows = await page
    .orderBy(options.sortColumn, options.direction)
    .addOrderBy(options.idColumn, options.direction)
    .take(args.first + 1)
    .getMany();
  const hasNextPage = rows.length > args.first;
  const edges = rows.slice(0, args.first).map((row) => {
    const value = options.sortValue(row);
    return { cursor: encodeCursor({ v: value instanceof Date ? value.toISOString() : value, id: options.idValue(row) }), node: toNode(row) };
  });
  return {
    edges,
    get totalCount() {
      return counter.getCount();
    },
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
