import { PayoutAccount, PayoutAccountStatus } from './dto/payout.models.js';
import { PayoutAccountEntity } from './payout-account.entity.js';

/** NOT_STARTED before the payee's first onboarding link, ONBOARDING until Stripe enables payouts. */
export function toPayoutAccount(account: PayoutAccountEntity | null): PayoutAccount {
  if (!account) return { status: PayoutAccountStatus.NOT_STARTED, payoutsEnabled: false };
  return { status: account.payoutsEnabled ? PayoutAccountStatus.ENABLED : PayoutAccountStatus.ONBOARDING, payoutsEnabled: account.payoutsEnabled };
}
