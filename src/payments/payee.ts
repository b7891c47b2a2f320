/** Who receives a contract's money: the coder personally, or the coding company the coder works through. */
export enum PayeeKind {
  USER = 'USER',
  ORGANIZATION = 'ORGANIZATION',
}

/** A payee: a user (`id` the user's) or a coding company (`id` the organization's). Plain JSON, so it travels in outbox payloads. */
export interface Payee {
  kind: PayeeKind;
  id: string;
}

/**
 * The payee of a contract: a contract made through a coding company (its bid placed by the company
 * for a member) pays the company, whoever of its members works it; any other pays its coder.
 */
export function payeeOf(contract: { coderId: string; codingCompanyId: string | null }): Payee {
  return contract.codingCompanyId ? { kind: PayeeKind.ORGANIZATION, id: contract.codingCompanyId } : { kind: PayeeKind.USER, id: contract.coderId };
}
