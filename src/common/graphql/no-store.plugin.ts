import { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL response says `Cache-Control: no-store`: answers carry private data (credential
 * numbers, messages, money) and must not sit in shared or browser caches. Apollo's cache-control
 * plugin used to send this; it is turned off (no cache hints are used, and it wrapped every resolver).
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
