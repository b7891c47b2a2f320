import { ApolloServerPlugin } from '@apollo/server';
import { recordGraphqlOutcome } from '../../config/logger-options.js';
import type { GraphqlContext } from './graphql-options.js';

/**
 * Tells the request's log line (pino-http, see logger-options.ts) which operation ran and how it
 * ended: the operation's name and the `extensions.code` of every error answered (the formatted ones,
 * the codes the client saw). Over HTTP only: a subscription's socket has no request line.
 */
export function requestLogPlugin(): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, request, operationName, response }) {
          const raw = (contextValue.req as { raw?: object } | undefined)?.raw;
          if (!raw) return;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const errorCodes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          recordGraphqlOutcome(raw, { operationName: operationName ?? request.operationName ?? null, errorCodes });
        },
      };
    },
  };
}
