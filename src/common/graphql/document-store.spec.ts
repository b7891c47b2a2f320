import { describe, expect, it } from '@jest/globals';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { parse } from 'graphql';
import { boundedDocumentStore, retainedDocumentBytes } from './document-store.js';

const spacePadded = (i: number) => `{ __typename }${' '.repeat(250_000)}#${i}`;
const commentPadded = (i: number) => `{ __typename }\n${'#\n'.repeat(82_000)}#${i}`;

describe(retainedDocumentBytes.name, () => {
  it('counts the source text and the tokens a document keeps, which its JSON form leaves out', () => {
    const spaces = parse(spacePadded(1));
    expect(InMemoryLRUCache.sizeCalculation(spaces)).toBeLessThan(1000); // Apollo's default estimate
    expect(retainedDocumentBytes(spaces)).toBeGreaterThan(250_000);
    expect(retainedDocumentBytes(parse(commentPadded(1)))).toBeGreaterThan(82_000 * 50);
  });

  it('counts an ordinary operation in kilobytes', () => {
    const size = retainedDocumentBytes(parse('query Coders($first: Int) { coders(first: $first) { edges { node { id headline } } totalCount } }'));
    expect(size).toBeGreaterThan(2_000);
    expect(size).toBeLessThan(50_000);
  });
});

describe(boundedDocumentStore.name, () => {
  it('keeps at most 16 MiB of documents, and no document too large to be worth keeping', async () => {
    const sut = boundedDocumentStore();
    for (let i = 0; i < 100; i++) await sut.set(`spaces-${i}`, parse(spacePadded(i)));
    await sut.set('comments', parse(commentPadded(0)));
    const kept = sut.keys();
    expect(kept.length).toBeLessThanOrEqual((16 * 1024 * 1024) / 250_000);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).not.toContain('comments');
    expect(await sut.get('spaces-99')).toBeDefined();
  });
});
