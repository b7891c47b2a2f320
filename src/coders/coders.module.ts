import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { CoderProfileEntity } from './coder-profile.entity.js';
import { CoderProfilesService } from './coder-profiles.service.js';
import { CodersResolver } from './coders.resolver.js';
import { CredentialEntity } from './credential.entity.js';
import { CredentialsResolver } from './credentials.resolver.js';
import { CredentialsService } from './credentials.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CoderProfileEntity, CredentialEntity]), UsersModule, NotificationsModule],
  providers: [CoderProfilesService, CredentialsService, CodersResolver, CredentialsResolver],
  exports: [CoderProfilesService, CredentialsService],
})
export class CodersModule {}
