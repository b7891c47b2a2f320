import { registerEnumType } from '@nestjs/graphql';

export enum UserRole {
  PROVIDER = 'PROVIDER',
  CODER = 'CODER',
  ADMIN = 'ADMIN',
}

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user does on ChartBridge. ADMIN cannot be chosen at sign-up.',
  valuesMap: {
    PROVIDER: { description: 'Works for practices: posts jobs, hires and pays.' },
    CODER: { description: 'A coder: profile, credentials, bids and coding work.' },
    ADMIN: { description: 'ChartBridge staff: reviews credentials, resolves disputes and screening holds. Never chosen at sign-up.' },
  },
});

/** The roles a user may choose at sign-up. */
export enum SignUpRole {
  PROVIDER = 'PROVIDER',
  CODER = 'CODER',
}

registerEnumType(SignUpRole, {
  name: 'SignUpRole',
  description: 'Roles open to self sign-up.',
  valuesMap: { PROVIDER: { description: 'Works for practices: posts jobs, hires and pays.' }, CODER: { description: 'A coder: profile, credentials, bids and coding work.' } },
});
