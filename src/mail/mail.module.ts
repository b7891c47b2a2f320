import { Logger, Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { FileMailTransport, MailTransport, SmtpMailTransport } from './mail-transport.js';
import { MailService } from './mail.service.js';

@Module({
  imports: [OutboxModule],
  providers: [
    MailService,
    {
      provide: MailTransport,
      inject: [AppConfig],
      // SMTP when SMTP_URL is set; otherwise the loudly logged offline default: files under $DATA_DIR/mail.
      useFactory: (config: AppConfig) => {
        if (config.env.SMTP_URL) return new SmtpMailTransport(config.env.SMTP_URL);
        const dir = join(config.env.DATA_DIR, 'mail');
        if (config.isProduction) new Logger('Mail').error(`SMTP_URL is not set in production: no mail leaves this server, each is written to ${dir}`);
        return new FileMailTransport(dir);
      },
    },
  ],
  exports: [MailService],
})
export class MailModule {}
