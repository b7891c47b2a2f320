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
 * the opaque cursor carries the position. The query must already be ordered, ties broken by id.
 * `count` runs the same filters without ordering, only when the client selects `totalCount`.
 * `fetch` reads `limit` rows from `offset` of the query (default: entities); a caller may read extra
 * selected columns with it, or find the page another way.
 */
export async function paginateByOffset<T extends ObjectLiteral, N>(
  query: SelectQueryBuilder<T>,
  count: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  toNode: (row: T) => N,
  fetch: (query: SelectQueryBuilder<T>, offset: number, limit: number) => Promise<T[]> = (q, offset, limit) => q.offset(offset).limit(limit).getMany(),
): Promise<ConnectionShape<N>> {
  const offset = args.after ? decode(args.after) + 1 : 0;
  const rows = await fetch(query.clone(), offset, args.first + 1);
  const edges = rows.slice(0, args.first).map((row, i) => ({ cursor: encode(offset + i), node: toNode(row) }));
  return {
    edges,
    get totalCount() {
      return count.getCount();
    },
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
