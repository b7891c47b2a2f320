import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

// Bytes of heap per token a parsed document keeps alive through its nodes' `loc` (graphql-js links
// every token, comments included, into one list), and per character of its JSON form (the nodes
// themselves). Measured on Node 20: `{ __typename }` followed by 125,000 `#` comment lines keeps
// 11.25 MB; a 200-character directory query with 43 tokens keeps 17.5 KB.
const BYTES_PER_TOKEN = 90;
const BYTES_PER_JSON_CHARACTER = 4;

/** All the cached documents together: a few hundred ordinary operations. */
const MAX_CACHED_BYTES = 16 * 1024 * 1024;
/** A document that keeps more than this alive is parsed again for each request, never cached. */
const MAX_CACHED_DOCUMENT_BYTES = 512 * 1024;

/**
 * What a parsed document keeps alive in the heap, estimated: its nodes, its source text and its
 * token list (`loc` holds both). Apollo's default sizes an entry by `JSON.stringify(document)`,
 * which leaves both out: `{ __typename }` padded with 250 KB of spaces counted as 400 bytes while it
 * kept 250 KB, so ~840 distinct ones ran a 256 MB heap out; padded with comments, 11 MB each.
 */
export function retainedDocumentBytes(document: DocumentNode): number {
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) tokens++;
  const source = document.loc?.source.body.length ?? 0;
  return source + tokens * BYTES_PER_TOKEN + InMemoryLRUCache.sizeCalculation(document) * BYTES_PER_JSON_CHARACTER;
}

/**
 * Apollo's cache of parsed and validated documents (`documentStore`), bounded by what its entries
 * keep alive rather than by their JSON size; documents too large to be worth keeping are not kept.
 */
export function boundedDocumentStore(): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({ maxSize: MAX_CACHED_BYTES, maxEntrySize: MAX_CACHED_DOCUMENT_BYTES, sizeCalculation: retainedDocumentBytes });
}
