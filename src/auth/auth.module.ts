import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { AccessTokenVerifier } from '../common/auth/sessions.js';
import { MailModule } from '../mail/mail.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountTokenEntity } from './account-token.entity.js';
import { AccountTokensService } from './account-tokens.service.js';
import { AccountResolver } from './account.resolver.js';
import { AccountService } from './account.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { BootstrapAdmin } from './bootstrap-admin.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginThrottle } from './login-throttle.js';
import { MfaFactorEntity } from './mfa-factor.entity.js';
import { MfaResolver } from './mfa.resolver.js';
import { MfaService } from './mfa.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEvents } from './session-events.js';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, TokenService } from './token.service.js';

@Module({
  imports: [
    UsersModule,
    MailModule,
    OutboxModule,
    PassportModule,
    TypeOrmModule.forFeature([RefreshTokenEntity, AccountTokenEntity, MfaFactorEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtKey,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.env.JWT_ACCESS_TTL_SECONDS, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  providers: [
    AuthService,
    AuthResolver,
    AccountService,
    AccountResolver,
    AccountTokensService,
    MfaService,
    MfaResolver,
    TokenService,
    PasswordHasher,
    JwtStrategy,
    BootstrapAdmin,
    SessionEvents,
    LoginThrottle,
    { provide: AccessTokenVerifier, useExisting: TokenService },
  ],
  exports: [PasswordHasher, SessionEvents, AccessTokenVerifier],
})
export class AuthModule {}
