import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * One page of a ranked window, joined to `outer` (the table the window's ids come from). `matches`
 * selects a bounded set of rows with `id`, `rank` and whatever else `rankOrder` names; the page is
 * cut from it by `rankOrder` before the join, so only the page's rows are read (joining the whole
 * window made PostgreSQL hash the whole table). Ordered by rank; the caller adds its tie-breaks.
 */
export function joinRankedPage<T extends ObjectLiteral>(
  outer: SelectQueryBuilder<T>,
  matches: SelectQueryBuilder<ObjectLiteral>,
  rankOrder: string,
  offset: number,
  limit: number,
): SelectQueryBuilder<T> {
  return outer
    .addCommonTableExpression(matches, 'matched')
    .addCommonTableExpression(`SELECT id, rank FROM matched ORDER BY ${rankOrder} OFFSET :offset LIMIT :limit`, 'ranked')
    .setParameters({ offset, limit })
    .innerJoin('ranked', 'r', `r.id = ${outer.alias}.id`)
    .orderBy('r.rank', 'DESC');
}
