import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { CoderLegalNameEntity } from './coder-legal-name.entity.js';
import { CoderProfileEntity } from './coder-profile.entity.js';
import { CoderProfilesService } from './coder-profiles.service.js';
import { CodersResolver } from './coders.resolver.js';
import { CredentialEntity } from './credential.entity.js';
import { CredentialChangesResolver, CredentialsResolver } from './credentials.resolver.js';
import { CredentialChangeEntity } from './credential-change.entity.js';
import { CredentialDocumentEntity } from './credential-document.entity.js';
import { CredentialDocumentsController } from './credential-documents.controller.js';
import { CredentialsService } from './credentials.service.js';
import { CeuEntryEntity } from './ceus/ceu-entry.entity.js';
import { CeuReminderEntity } from './ceus/ceu-reminder.entity.js';
import { CeusResolver } from './ceus/ceus.resolver.js';
import { CeusService } from './ceus/ceus.service.js';
import { MailModule } from '../mail/mail.module.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CoderProfileEntity, CoderLegalNameEntity, CredentialEntity, CredentialDocumentEntity, CredentialChangeEntity, CeuEntryEntity, CeuReminderEntity]),
    UsersModule,
    NotificationsModule,
    MailModule,
  ],
  controllers: [CredentialDocumentsController],
  providers: [CoderProfilesService, CredentialsService, CodersResolver, CredentialsResolver, CredentialChangesResolver, CeusService, CeusResolver],
  exports: [CoderProfilesService, CredentialsService],
})
export class CodersModule {}
