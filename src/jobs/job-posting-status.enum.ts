import { registerEnumType } from '@nestjs/graphql';

export enum JobPostingStatus {
  OPEN = 'OPEN',
  FILLED = 'FILLED',
  CLOSED = 'CLOSED',
}

registerEnumType(JobPostingStatus, {
  name: 'JobPostingStatus',
  description: 'OPEN for bids; FILLED when every position has a contract; CLOSED by the provider.',
  valuesMap: { OPEN: { description: 'Taking bids.' }, FILLED: { description: 'Every position has a contract; no more bids.' }, CLOSED: { description: 'Closed by the practice; no more bids.' } },
});
