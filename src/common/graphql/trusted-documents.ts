import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse } from 'graphql';
import { AppConfig } from '../../config/app-config.js';
import { StartupError } from '../../config/startup-error.js';
import { ErrorCode } from '../errors/app-error.js';
import { GRAPHQL_PATH, isGraphqlRoute } from './graphql-options.js';

/** `extensions.persistedQuery` as APQ clients send it. */
interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

/** What a client asked to run: the text and/or `extensions.persistedQuery`. */
export interface RequestedDocument {
  query?: unknown;
  extensions?: Record<string, unknown> | null;
}

/** The manifest's text for a request, or why it is refused. */
export type TrustedDocumentDecision = { query: string } | { refusal: TrustedDocumentRefusal };

export interface TrustedDocumentRefusal {
  /** 200 for a hash the manifest lacks (the APQ protocol's "not found": a client may send the text), 403 for text it lacks. */
  status: 200 | 403;
  message: string;
  extensions: Record<string, unknown>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * TRUSTED_DOCUMENTS=only: the API runs only the operations of a manifest generated from the
 * clients' own documents (client/generated/persisted-documents.json from `npm run codegen`, or a
 * team's own, TRUSTED_DOCUMENTS_MANIFEST), the strongest defence against abusive queries: nobody
 * can send a query the clients were not built with. A request names its document by the manifest's
 * sha256 (`extensions.persistedQuery.sha256Hash`, no text needed) or sends its text, accepted when it
 * is a manifest entry as written or once printed the way codegen prints it (field order, spacing).
 * Either way the manifest's own text is what runs. The manifest is read once, at start-up: a missing
 * or malformed one stops the start with one line naming it.
 */
@Injectable()
export class TrustedDocuments {
  /** null: TRUSTED_DOCUMENTS=off, every document is let through. */
  private readonly byHash: ReadonlyMap<string, string> | null;
  private readonly maxTokens: number;

  constructor(config: AppConfig) {
    this.maxTokens = config.env.GRAPHQL_MAX_TOKENS;
    this.byHash = config.env.TRUSTED_DOCUMENTS === 'only' ? loadManifest(config.env.TRUSTED_DOCUMENTS_MANIFEST) : null;
  }

  get enabled(): boolean {
    return this.byHash !== null;
  }

  /** The text to run for `requested`; with TRUSTED_DOCUMENTS=off, the client's own (undefined: Apollo decides, APQ included). */
  decide(requested: RequestedDocument): TrustedDocumentDecision | undefined {
    if (!this.byHash) return undefined;
    const hash = (requested.extensions?.persistedQuery as PersistedQueryExtension | undefined)?.sha256Hash;
    if (typeof requested.query === 'string' && requested.query !== '') {
      const query = this.byHash.get(sha256(requested.query)) ?? this.byHash.get(this.canonicalHash(requested.query) ?? '');
      return query ? { query } : { refusal: UNTRUSTED_TEXT };
    }
    if (typeof hash === 'string') {
      const query = this.byHash.get(hash.toLowerCase());
      return query ? { query } : { refusal: UNKNOWN_HASH };
    }
    return { refusal: UNTRUSTED_TEXT };
  }

  /**
   * A Fastify `preValidation` hook on /graphql (POST body or GET URL): a trusted document's
   * text goes on to Apollo in place of what was sent (and without the persisted-query extension, so
   * nothing is registered as an automatic persisted query); anything else is answered here, before it
   * is parsed or counted by any resolver.
   */
  readonly preValidation = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!this.byHash || !isGraphqlRoute(request) || (request.method !== 'POST' && request.method !== 'GET')) return undefined;
    const carrier = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown> | null | undefined;
    if (!carrier || typeof carrier !== 'object' || Array.isArray(carrier)) return undefined; // Apollo refuses it as a bad request.
    const extensions = typeof carrier.extensions === 'string' ? parseJsonObject(carrier.extensions) : carrier.extensions;
    const decision = this.decide({ query: carrier.query, extensions: extensions as RequestedDocument['extensions'] });
    if (!decision) return undefined;
    if ('query' in decision) {
      const { persistedQuery: _persistedQuery, ...rest } = extensions && typeof extensions === 'object' ? (extensions as Record<string, unknown>) : {};
      if (request.method === 'POST') Object.assign(carrier, { query: decision.query, extensions: rest });
      else request.raw.url = withQuery(request.raw.url ?? GRAPHQL_PATH, decision.query, rest);
      return undefined;
    }
    const { status, message, extensions: errorExtensions } = decision.refusal;
    if (status === 200) reply.header('cache-control', 'private, no-cache, must-revalidate');
    return reply.code(status).send({ errors: [{ message, extensions: errorExtensions }] });
  };

  /** sha256 of the text as codegen prints it, or null when it is not a document within the token limit. */
  private canonicalHash(query: string): string | null {
    try {
      return sha256(printExecutableGraphQLDocument(parse(query, { maxTokens: this.maxTokens, noLocation: true })));
    } catch {
      return null;
    }
  }
}

/** The answer Apollo gives an unknown APQ hash: an APQ client sends the text next, which is then checked. */
const UNKNOWN_HASH: TrustedDocumentRefusal = { status: 200, message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } };

const UNTRUSTED_TEXT: TrustedDocumentRefusal = {
  status: 403,
  message: 'Only the operations of the trusted-documents manifest are accepted here: send one by its sha256 hash (extensions.persistedQuery.sha256Hash) or as its text.',
  extensions: { code: ErrorCode.Forbidden, reason: 'UNTRUSTED_DOCUMENT' },
};

/** A GET request's URL with the trusted text as `query` and the persisted-query extension left out (Apollo reads GET requests from the URL). */
function withQuery(url: string, query: string, extensions: Record<string, unknown>): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set('query', query);
  if (Object.keys(extensions).length > 0) parsed.searchParams.set('extensions', JSON.stringify(extensions));
  else parsed.searchParams.delete('extensions');
  return `${parsed.pathname}${parsed.search}`;
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The manifest as hash -> text, each hash checked against its text (a stale or hand-edited entry stops the start). */
export function loadManifest(path: string): Map<string, string> {
  const file = resolve(path);
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StartupError(`TRUSTED_DOCUMENTS_MANIFEST: cannot read ${file} as JSON (${(error as Error).message})`, { cause: error });
  }
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) throw new StartupError(`TRUSTED_DOCUMENTS_MANIFEST: ${file} must be a JSON object of sha256 hash -> document`);
  const byHash = new Map<string, string>();
  for (const [hash, text] of Object.entries(entries)) {
    if (typeof text !== 'string' || sha256(text) !== hash.toLowerCase())
      throw new StartupError(`TRUSTED_DOCUMENTS_MANIFEST: the entry ${hash.slice(0, 16)}… of ${file} is not the sha256 of its document`);
    byHash.set(hash.toLowerCase(), text);
  }
  if (byHash.size === 0) throw new StartupError(`TRUSTED_DOCUMENTS_MANIFEST: ${file} lists no documents`);
  return byHash;
}
