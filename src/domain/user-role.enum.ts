import { registerEnumType } from '@nestjs/graphql';

export enum UserRole {
  PROVIDER = 'PROVIDER',
  CODER = 'CODER',
  ADMIN = 'ADMIN',
}

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user does on ChartBridge. ADMIN cannot be chosen at sign-up.',
});

/** The roles a user may choose at sign-up. */
export enum SignUpRole {
  PROVIDER = 'PROVIDER',
  CODER = 'CODER',
}

registerEnumType(SignUpRole, { name: 'SignUpRole', description: 'Roles open to self sign-up.' });
