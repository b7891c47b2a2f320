import { PayModel } from './work.enums.js';

/**
 * Every rounding rule for money. Amounts are integer cents; rates in basis points (1/100 of a
 * percent). Each rule rounds once, on the final amount, so a total is never built from rounded parts.
 */
const BPS = 10_000;

/** Platform fee of an amount: basis points, rounded down to the cent (the coder keeps the rounding). */
export const feeOf = (amountCents: number, feeBps: number): number => Math.floor((amountCents * feeBps) / BPS);

/** A period of logged work: minutes at an hourly rate, to the nearest cent; charts at a per-chart rate (exact). */
export const workAmount = (payModel: PayModel, quantity: number, rateCents: number): number => (payModel === PayModel.HOURLY ? Math.round((quantity * rateCents) / 60) : quantity * rateCents);

/** The coder's share of collections at a percent-of-collections rate, to the nearest cent. */
export const collectionsShare = (collectedCents: number, percentBps: number): number => Math.round((collectedCents * percentBps) / BPS);

/**
 * The smallest amount Stripe charges in our currency (USD: 50 cents; a smaller PaymentIntent is refused
 * with `amount_too_small`). No invoice is issued or charged below it: smaller work waits for more.
 */
export const MIN_CHARGE_CENTS = 50;

/**
 * Caps on money a user types in (docs/payments.md, "Amount caps"). Each is far above real work, and far below
 * what a sum of many of them could reach in a 53-bit integer: totals are `bigint` in the database and `SafeInt`
 * in the API.
 */
/** One fixed-price milestone: at most $10M. */
export const MAX_MILESTONE_CENTS = 1_000_000_000;
