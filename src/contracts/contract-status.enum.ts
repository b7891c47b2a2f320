import { registerEnumType } from '@nestjs/graphql';

export enum ContractStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
  DISPUTED = 'DISPUTED',
}

/** Why a contract is PAUSED. */
export enum ContractPauseReason {
  /** The practice paused it (pauseContract); it resumes it (resumeContract). */
  PROVIDER = 'PROVIDER',
  /** An invoice's charge was declined on every try of the retry schedule; paying it (a new card) resumes the contract. */
  PAYMENT_FAILED = 'PAYMENT_FAILED',
}

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description:
    'ACTIVE while work runs; PAUSED (no work logged or submitted; see pauseReason); ENDED by either party; DISPUTED while an admin resolves a dispute (nothing held is released or charged).',
  valuesMap: {
    ACTIVE: { description: 'Work runs: logs, batches, milestones and invoices.' },
    PAUSED: { description: 'No work is logged or submitted until it resumes (see pauseReason).' },
    ENDED: { description: 'Ended by either party; money still held may be disputed.' },
    DISPUTED: { description: 'An admin is resolving a dispute; nothing held is released or charged.' },
  },
});
registerEnumType(ContractPauseReason, {
  name: 'ContractPauseReason',
  description: 'PROVIDER: the practice paused the contract; PAYMENT_FAILED: an invoice could not be charged after every retry (paying it resumes the contract).',
  valuesMap: {
    PROVIDER: { description: 'The practice paused it (pauseContract); it resumes it (resumeContract).' },
    PAYMENT_FAILED: { description: 'An invoice could not be charged after every retry; paying it resumes the contract.' },
  },
});
