import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, ValidationContext } from 'graphql';
import { AppConfig } from '../../config/app-config.js';
import { AppRequest } from '../auth/request-from-context.js';
import { formatGraphqlError } from '../errors/format-graphql-error.js';
import { RequestLoaders } from '../loaders/request-loaders.js';
import { complexityLimitPlugin } from './complexity-limit.plugin.js';

export interface GraphqlContext {
  req: AppRequest;
  loaders: RequestLoaders;
}

// graphql-armor's rules throw by default, which Apollo treats as an internal error: report the
// violation as an ordinary validation error instead, without armor's misleading "Syntax Error" prefix.
const reportLimit = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))],
};

/**
 * The GraphQL server, configured once: code-first schema, the request limits (tokens, depth,
 * aliases, directives, cost; one operation per request; CSRF prevention), error formatting,
 * and development conveniences (GraphiQL, introspection, suggestions) that production turns off.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const { env } = config;
  const development = !config.isProduction;
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: development,
    introspection: development,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    autoTransformHttpErrors: false,
    parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
    validationRules: [
      maxDepthRule({ n: env.GRAPHQL_MAX_DEPTH, ...reportLimit }),
      maxAliasesRule({ n: env.GRAPHQL_MAX_ALIASES, allowList: [], ...reportLimit }),
      maxDirectivesRule({ n: env.GRAPHQL_MAX_DIRECTIVES, ...reportLimit }),
    ],
    plugins: [complexityLimitPlugin(env.GRAPHQL_MAX_COST)],
    formatError: (formatted, error) => formatGraphqlError(formatted, error, { hideSuggestions: !development }),
    context: ({ req }: { req: AppRequest }): GraphqlContext => ({ req, loaders: new RequestLoaders() }),
  };
}
