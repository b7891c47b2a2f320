import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../common/auth/actor.js';
import { AppConfig } from '../config/app-config.js';
import { UsersService } from '../users/users.service.js';
import { AccessTokenClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './token.service.js';

/** Verifies the bearer token (HS256 only) and resolves the caller; a token from before log-out is refused. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken 9 takes a KeyObject (see AppConfig.jwtKey); passport-jwt passes it through, its types predate that.
      secretOrKey: config.jwtKey as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    const user = await this.users.findById(claims.sub);
    if (!user || user.sessionVersion !== claims.ver) return false;
    return { id: user.id, role: user.role, email: user.email, name: user.name };
  }
}
