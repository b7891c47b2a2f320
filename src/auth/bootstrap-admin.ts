import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { EMAIL_PROBLEMS, normalizeEmail } from '../domain/email-address.js';
import { UserRole } from '../domain/user-role.enum.js';
import { UsersService } from '../users/users.service.js';
import { PasswordHasher } from './password-hasher.js';

/** Creates the admin named by BOOTSTRAP_ADMIN_EMAIL/PASSWORD at start-up when no user has that email. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = this.config.env;
    if (!email || !password) return;
    const verdict = normalizeEmail(email);
    if (!verdict.ok) {
      this.logger.error(`BOOTSTRAP_ADMIN_EMAIL ${EMAIL_PROBLEMS[verdict.problem]}: no bootstrap admin created`);
      return;
    }
    // The operator chose this address: it counts as verified.
    const created = await this.users.createIfEmailFree({ email, name: 'Administrator', role: UserRole.ADMIN, passwordHash: await this.passwords.hash(password), emailVerifiedAt: new Date() });
    if (created) this.logger.log(`bootstrap admin ${created.email} created`);
  }
}
