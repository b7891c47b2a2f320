import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ok } from './given.js';
import { GraphqlResponse, TestApp } from './test-app.js';

/** A generated document (client/generated) with the sha256 that codegen wrote into its persisted-documents manifest. */
type GeneratedDocument<R, V> = TypedDocumentNode<R, V> & { __meta__?: { hash?: string } };

/** Sends one of the clients' operations (client/operations, as generated) as its text: typed variables in, typed data out. */
export function send<R, V>(app: TestApp, document: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<GraphqlResponse<R>> {
  return app.gql<R>(print(document), (variables ?? {}) as Record<string, unknown>, token);
}

/** `send`, expecting no error: the data. */
export async function sendOk<R, V>(app: TestApp, document: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<R> {
  return ok(await send(app, document, variables, token));
}

/** The sha256 of a generated document, as in client/generated/persisted-documents.json. */
export function hashOf<R, V>(document: GeneratedDocument<R, V>): string {
  const hash = document.__meta__?.hash;
  if (!hash) throw new Error('a generated document carries its hash (codegen persistedDocuments)');
  return hash;
}

/** Sends an operation by hash only (`extensions.persistedQuery`, no text), with its typed variables; the raw answer. */
export async function sendByHash<V>(app: TestApp, hash: string, variables: V, token?: string) {
  const req = app.http().post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.send({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
}
