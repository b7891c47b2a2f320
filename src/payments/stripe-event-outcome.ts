/** What applying a Stripe event did, stored with the event (`stripe_events.outcome`). */
export enum StripeEventOutcome {
  /** It moved one of our objects: a milestone or invoice funded, a card saved, an account's flags read again. */
  APPLIED = 'APPLIED',
  /** It is about one of our objects, already where the event would take it (the same payment, delivered under another event id). */
  UNCHANGED = 'UNCHANGED',
  /**
   * Not about an object of ours: an unknown id, another Stripe account's object, a kind nobody here
   * owns, or a payment whose intent we have not recorded (applied later if it turns out to be ours).
   */
  IGNORED = 'IGNORED',
  /**
   * About one of our objects, but not what we asked for: another PaymentIntent than the one we
   * recorded, or another amount or currency. Logged as an error and left for a human; the object stays where it was.
   */
  MISMATCH = 'MISMATCH',
  /** A type we do not handle, or a handled type lacking a field its handler reads. */
  UNHANDLED = 'UNHANDLED',
}

/** A handler's answer: the outcome, and for anything but APPLIED why (stored and logged). */
export interface StripeEventResult {
  outcome: StripeEventOutcome;
  detail?: string;
}

export const applied = (): StripeEventResult => ({ outcome: StripeEventOutcome.APPLIED });
export const unchanged = (detail: string): StripeEventResult => ({ outcome: StripeEventOutcome.UNCHANGED, detail });
export const ignored = (detail: string): StripeEventResult => ({ outcome: StripeEventOutcome.IGNORED, detail });
export const mismatch = (detail: string): StripeEventResult => ({ outcome: StripeEventOutcome.MISMATCH, detail });
