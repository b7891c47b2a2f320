import { Field, Int, ObjectType } from '@nestjs/graphql';
import { User } from '../../users/dto/user.model.js';

@ObjectType({ description: 'Tokens for a session. Send `accessToken` as `Authorization: Bearer ...`; trade `refreshToken` for a new pair before it expires.' })
export class AuthPayload {
  @Field({ description: 'Short-lived JWT.' })
  accessToken: string;

  @Field({ description: 'Opaque, single use: each refresh returns a new one and retires this one.' })
  refreshToken: string;

  @Field(() => Int, { description: 'Seconds until `accessToken` expires.' })
  expiresIn: number;

  @Field(() => User, { description: 'The account the tokens belong to.' })
  user: User;
}
