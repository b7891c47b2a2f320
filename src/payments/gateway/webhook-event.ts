import { nestsDeeperThan, pathsOfStringsMatching, UNSTORABLE_IN_JSONB } from '../../common/validation/unsafe-text.js';
import type { GatewayEvent } from './payments-gateway.js';

/** A webhook refused before anything is stored; `message` is safe to send back to the caller. */
export class InvalidWebhookError extends Error {}

// Stripe's objects nest a handful of levels; the limit keeps a signed but hostile body from
// overflowing the stack when it is serialized for storage.
const MAX_DEPTH = 32;
const MAX_ID_LENGTH = 255;

/**
 * The verified payload as a `GatewayEvent`, or InvalidWebhookError: `id` and `type` non-empty
 * strings, `data.object` an object (its `id`, when present, a string), no NUL or unpaired surrogate
 * in any string or key (PostgreSQL's jsonb cannot store them), nesting within MAX_DEPTH.
 */
export function toGatewayEvent(payload: unknown): GatewayEvent {
  const event = payload as Partial<GatewayEvent> | null;
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
  if (!isObject(event)) throw new InvalidWebhookError('The event must be a JSON object');
  if (!isName(event.id)) throw new InvalidWebhookError('The event needs an id');
  if (!isName(event.type)) throw new InvalidWebhookError('The event needs a type');
  if (!isObject(event.data) || !isObject(event.data.object)) throw new InvalidWebhookError('The event needs data.object');
  if ('id' in event.data.object && typeof event.data.object.id !== 'string') throw new InvalidWebhookError('data.object.id must be a string');
  if (nestsDeeperThan(event, MAX_DEPTH)) throw new InvalidWebhookError(`The event nests deeper than ${MAX_DEPTH} levels`);
  if (pathsOfStringsMatching(event, UNSTORABLE_IN_JSONB, '', 1).length) throw new InvalidWebhookError('The event holds a NUL character or an unpaired surrogate');
  return event as GatewayEvent;
}

/**
 * Refuses a `Stripe-Signature` whose timestamp is more than `toleranceSeconds` ahead of our clock.
 * The SDK's `constructEvent` refuses only old timestamps, so a signature dated in the future
 * would keep a captured request replayable until then.
 */
export function assertSignedNotInFuture(header: string, toleranceSeconds: number, nowMs = Date.now()): void {
  // Like the SDK, the last `t=` element counts.
  const timestamp = Number(
    header
      .split(',')
      .filter((element) => element.startsWith('t='))
      .at(-1)
      ?.slice(2),
  );
  if (!Number.isInteger(timestamp) || timestamp - Math.floor(nowMs / 1000) > toleranceSeconds) {
    throw new InvalidWebhookError('Timestamp outside the tolerance zone');
  }
}
