import { describe, expect, it } from '@jest/globals';
import { ConnectionShape, mapConnection } from './connection.js';

describe(mapConnection.name, () => {
  it('maps every node and keeps the cursors and page info', () => {
    const page: ConnectionShape<{ id: string }> = {
      edges: [
        { cursor: 'c1', node: { id: 'a' } },
        { cursor: 'c2', node: { id: 'b' } },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c2' },
      totalCount: 7,
    };
    const mapped = mapConnection(page, (row) => row.id.toUpperCase());
    expect(mapped.edges).toEqual([
      { cursor: 'c1', node: 'A' },
      { cursor: 'c2', node: 'B' },
    ]);
    expect(mapped.pageInfo).toEqual({ hasNextPage: true, endCursor: 'c2' });
    expect(mapped.totalCount).toBe(7);
  });

  it('counts only when totalCount is read', () => {
    let counted = 0;
    const page: ConnectionShape<number> = {
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      get totalCount() {
        counted++;
        return Promise.resolve(0);
      },
    };
    const mapped = mapConnection(page, (n) => n);
    expect(counted).toBe(0);
    void mapped.totalCount;
    expect(counted).toBe(1);
  });
});
