import { registerEnumType } from '@nestjs/graphql';

/** How an access to PHI recorded in the audit log ended. */
export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  DENIED = 'DENIED',
  FAILED = 'FAILED',
}

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an access to PHI ended.',
  valuesMap: {
    ALLOWED: { description: 'The access happened (a document read or written, a batch submitted, PHI destroyed).' },
    DENIED: { description: 'Refused: the caller had no right to it (or it did not exist).' },
    FAILED: { description: 'Allowed but did not complete (a refused file, an unreadable document).' },
  },
});
