import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../errors/app-error.js';
import { ConnectionArgs, ConnectionShape } from './connection.js';

const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decode(after: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw new BadUserInputError('after is not a valid cursor', ['after']);
  return Number(match[1]);
}

/**
 * Pagination for ranked lists (search relevance, rating) whose order is not a stable key:
 * the opaque cursor carries the position. `readPage(offset, limit)` returns that slice of the
 * ordered list (ties broken by id); `pageOf(query)` does it for an ordered query builder.
 * `count` runs the same filters without ordering, only when the client selects `totalCount`.
 */
export async function paginateByOffset<T extends ObjectLiteral>(
  readPage: (offset: number, limit: number) => Promise<T[]>,
  count: SelectQueryBuilder<T>,
  args: ConnectionArgs,
): Promise<ConnectionShape<T>> {
  const offset = args.after ? decode(args.after) + 1 : 0;
  const rows = await readPage(offset, args.first + 1);
  const edges = rows.slice(0, args.first).map((row, i) => ({ cursor: encode(offset + i), node: row }));
  return {
    edges,
    get totalCount() {
      return count.getCount();
    },
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** Reads a slice of an ordered query as entities, for `paginateByOffset`. */
export const pageOf =
  <T extends ObjectLiteral>(query: SelectQueryBuilder<T>) =>
  (offset: number, limit: number): Promise<T[]> =>
    query.clone().offset(offset).limit(limit).getMany();

/**
 * A page of a list held in memory in a fixed order (a coded batch's encounters, at most 500): the
 * cursor carries the position, as in `paginateByOffset`, and the total is the list's length.
 */
export function paginateList<T>(items: readonly T[], args: ConnectionArgs): ConnectionShape<T> {
  const offset = args.after ? decode(args.after) + 1 : 0;
  const edges = items.slice(offset, offset + args.first).map((node, i) => ({ cursor: encode(offset + i), node }));
  return { edges, totalCount: items.length, pageInfo: { hasNextPage: offset + args.first < items.length, endCursor: edges.at(-1)?.cursor ?? null } };
}
