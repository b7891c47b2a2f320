import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserRole } from '../../domain/user-role.enum.js';

@ObjectType({ description: 'A person using ChartBridge. `email` is shown only to the user themself and to admins.' })
export class User {
  @Field(() => ID, { description: 'Stable id of the user.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Login email; null when the viewer is neither this user nor an admin.' })
  email: string | null;

  @Field({
    description:
      'Whether the account proved it reads its email (a link mailed to it was used). Until then documents, coded batches, payments and membership invitations answer FORBIDDEN (reason EMAIL_NOT_VERIFIED).',
  })
  emailVerified: boolean;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => UserRole, { description: 'PROVIDER, CODER or ADMIN.' })
  role: UserRole;

  @Field({ description: 'Whether the account has a confirmed second factor (TOTP). Shown to the user themself and to admins; false for other viewers, so accounts without MFA cannot be picked out.' })
  mfaEnabled: boolean;

  @Field({ description: 'When the account was created.' })
  createdAt: Date;
}
