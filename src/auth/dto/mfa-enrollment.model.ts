import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A pending TOTP enrollment: add it to an authenticator app, then confirm with a code (`confirmMfaEnrollment`). Not active until confirmed.' })
export class MfaEnrollment {
  @Field({ description: 'The shared secret, base32 (for typing into an app by hand). Shown once; stored encrypted.' })
  secret: string;

  @Field({ description: '`otpauth://totp/ChartBridge:<email>?secret=...&issuer=ChartBridge` (SHA-1, 6 digits, 30 s), for a QR code.' })
  otpauthUrl: string;
}
