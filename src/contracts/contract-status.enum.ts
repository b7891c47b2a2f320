import { registerEnumType } from '@nestjs/graphql';

export enum ContractStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
  DISPUTED = 'DISPUTED',
}

registerEnumType(ContractStatus, { name: 'ContractStatus', description: 'ACTIVE while work runs; PAUSED; ENDED by either party; DISPUTED while an admin resolves a dispute (releases frozen).' });
