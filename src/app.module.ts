import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GraphqlRequestRateLimit } from './common/throttling/graphql-request-rate-limit.js';
import { RateLimitGuard } from './common/throttling/throttling.js';
import { RateLimiter } from './common/throttling/rate-limiter.js';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module.js';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard.js';
import { AccessTokenVerifier } from './common/auth/sessions.js';
import { RolesGuard } from './common/auth/roles.guard.js';
import { VerifiedEmailGuard } from './common/auth/verified-email.guard.js';
import { BidsModule } from './bids/bids.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { CodersModule } from './coders/coders.module.js';
import { ContractsModule } from './contracts/contracts.module.js';
import { CommonModule } from './common/common.module.js';
import { DatabaseInputErrorInterceptor } from './common/errors/database-input-error.interceptor.js';
import { HttpAppErrorFilter } from './common/errors/http-app-error.filter.js';
import { graphqlOptions } from './common/graphql/graphql-options.js';
import { PersistedQueries } from './common/graphql/persisted-queries.js';
import { GraphqlWebSocketServer } from './common/graphql/websocket-server.js';
import { InputValidationPipe } from './common/validation/input-validation.pipe.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { loggerOptions } from './config/logger-options.js';
import { typeOrmOptions } from './bootstrap/typeorm-options.js';
import { HealthModule } from './health/health.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { RedisModule } from './common/redis/redis.module.js';
import { TrustedDocuments } from './common/graphql/trusted-documents.js';
import { UsersModule } from './users/users.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { MessagingModule } from './messaging/messaging.module.js';
import { PubSubModule } from './common/pubsub/pubsub.module.js';
import { WorkroomModule } from './workroom/workroom.module.js';
import { ScreeningModule } from './screening/screening.module.js';
import { ReputationModule } from './reputation/reputation.module.js';
import { ExplorerModule } from './explorer/explorer.module.js';
import { PublicProfilesModule } from './public-profiles/public-profiles.module.js';

/** The feature modules; also walked by `scripts/print-schema.ts` to build the schema without a database. */
export const FEATURE_MODULES = [
  CommonModule,
  UsersModule,
  AuthModule,
  OrganizationsModule,
  CodersModule,
  JobsModule,
  NotificationsModule,
  BidsModule,
  MatchingModule,
  PaymentsModule,
  ContractsModule,
  WorkroomModule,
  ReviewsModule,
  MessagingModule,
  ScreeningModule,
  ReputationModule,
  PublicProfilesModule,
];

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot(
          typeOrmOptions(config.databaseUrl, {
            migrationsRun: config.env.MIGRATIONS_RUN,
            timeouts: { lockTimeoutMs: config.env.DATABASE_LOCK_TIMEOUT_MS, statementTimeoutMs: config.env.DATABASE_STATEMENT_TIMEOUT_MS },
          }),
        ),
        // Automatic persisted queries share the Redis connection (RedisModule is global).
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [PersistedQueries, RateLimiter, AccessTokenVerifier],
          useFactory: (persistedQueries: PersistedQueries, limiter: RateLimiter, tokens: AccessTokenVerifier) => graphqlOptions(config, persistedQueries, limiter, tokens),
        }),
        RedisModule,
        PubSubModule,
        HealthModule,
        ...FEATURE_MODULES,
        // The explorer page and its files exist only where it is enabled (development, or EXPLORER_ENABLED=true).
        ...(config.explorerEnabled ? [ExplorerModule] : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_GUARD, useClass: VerifiedEmailGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: HttpAppErrorFilter },
        GraphqlWebSocketServer,
        // Built here, before Nest starts: a missing or malformed manifest stops the start with its own message.
        { provide: TrustedDocuments, useValue: new TrustedDocuments(config) },
        GraphqlRequestRateLimit,
        { provide: APP_INTERCEPTOR, useClass: DatabaseInputErrorInterceptor },
      ],
    };
  }
}
