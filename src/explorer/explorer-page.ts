import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { isGraphqlRoute } from '../common/graphql/graphql-options.js';

/** Where the explorer's files are served (see ExplorerAssetsController). */
export const EXPLORER_ASSETS_PATH = '/explorer';

/**
 * Only our own origin may run scripts or be fetched from: GraphiQL, React and the mount script are
 * files of ours, the schema and the answers come from /graphql. GraphiQL's stylesheet embeds its fonts
 * as data: URLs, and CodeMirror and GraphiQL set style attributes at run time (hence 'unsafe-inline' for styles only).
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>ChartBridge API explorer</title>
    <link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}/graphiql.min.css" />
    <style>
      body { margin: 0; height: 100vh; overflow: hidden; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading the explorer...</div>
    <script src="${EXPLORER_ASSETS_PATH}/react.production.min.js"></script>
    <script src="${EXPLORER_ASSETS_PATH}/react-dom.production.min.js"></script>
    <script src="${EXPLORER_ASSETS_PATH}/graphiql.min.js"></script>
    <script src="${EXPLORER_ASSETS_PATH}/explorer.js"></script>
  </body>
</html>
`;

/** The media types Apollo weighs against text/html (its `prefersHTML`), so a GraphQL GET is never taken for a page view. */
const MEDIA_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'];

/**
 * Answers `GET /graphql` with the explorer page when the client prefers HTML (a browser), before Apollo
 * sees the request; every other request to /graphql goes on to Apollo. Registered as a Fastify
 * `onRequest` hook by `createApp` only when the explorer is enabled (see AppConfig.explorerEnabled).
 */
@Injectable()
export class ExplorerPage {
  readonly onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method !== 'GET' || !isGraphqlRoute(request) || !prefersHtml(request.headers.accept)) return undefined;
    return reply
      .code(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', EXPLORER_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .send(PAGE);
  };
}

export const prefersHtml = (accept: string | undefined): boolean => !!accept && new Negotiator({ headers: { accept } }).mediaType(MEDIA_TYPES) === 'text/html';
