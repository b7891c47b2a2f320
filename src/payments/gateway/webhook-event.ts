import { nestsDeeperThan, pathsOfStringsMatching, UNSTORABLE_IN_JSONB } from '../../common/validation/unsafe-text.js';
import type { GatewayEvent, GatewayEventType, ReceivedEvent } from './payments-gateway.js';

/** A webhook refused before anything is stored; `message` is safe to send back to the caller. */
export class InvalidWebhookError extends Error {}

// Stripe's objects nest a handful of levels; the limit keeps a signed but hostile body from
// overflowing the stack when it is serialized for storage.
const MAX_DEPTH = 32;
const MAX_ID_LENGTH = 255;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
const isCents = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isMetadata = (value: unknown): value is Record<string, string> => isObject(value) && Object.values(value).every((item) => typeof item === 'string');
/** An expandable reference (an id, the object itself, or nothing) as its id. */
const idOf = (value: unknown): string | null | undefined => (value === null || typeof value === 'string' ? value : isObject(value) && isName(value.id) ? value.id : undefined);

/**
 * For each type we handle, `data.object` reduced to the fields its handler reads, or null when
 * one of them is missing or of the wrong type (the event is then stored, not applied).
 */
const READERS: { [T in GatewayEventType]: (object: JsonObject) => Extract<GatewayEvent, { type: T }>['data']['object'] | null } = {
  'payment_intent.succeeded': ({ id, amount, amount_received: received = amount, currency, metadata = {} }) =>
    isName(id) && isCents(amount) && isCents(received) && isName(currency) && isMetadata(metadata) ? { id, amount, amount_received: received, currency, metadata } : null,
  'setup_intent.succeeded': ({ id, customer, payment_method: method }) => {
    const [customerId, methodId] = [idOf(customer ?? null), idOf(method ?? null)];
    return isName(id) && customerId !== undefined && methodId !== undefined ? { id, customer: customerId, payment_method: methodId } : null;
  },
  'account.updated': ({ id }) => (isName(id) ? { id } : null),
};

/**
 * The verified payload as a `ReceivedEvent`, or InvalidWebhookError: `id` and `type` non-empty
 * strings, `data.object` an object (its `id`, when present, a string), `account` (set on the events
 * of a connected account) absent, null or an id, no NUL or unpaired surrogate
 * in any string or key (PostgreSQL's jsonb cannot store them), nesting within MAX_DEPTH. An event
 * of a type we handle is also read into its `GatewayEvent` (null when it lacks what its handler reads).
 */
export function toReceivedEvent(payload: unknown): ReceivedEvent {
  if (!isObject(payload)) throw new InvalidWebhookError('The event must be a JSON object');
  const { id, type, data, account = null } = payload;
  if (!isName(id)) throw new InvalidWebhookError('The event needs an id');
  if (!isName(type)) throw new InvalidWebhookError('The event needs a type');
  if (!isObject(data) || !isObject(data.object)) throw new InvalidWebhookError('The event needs data.object');
  if ('id' in data.object && typeof data.object.id !== 'string') throw new InvalidWebhookError('data.object.id must be a string');
  if (account !== null && !isName(account)) throw new InvalidWebhookError("The event's account must be an account id");
  if (nestsDeeperThan(payload, MAX_DEPTH)) throw new InvalidWebhookError(`The event nests deeper than ${MAX_DEPTH} levels`);
  if (pathsOfStringsMatching(payload, UNSTORABLE_IN_JSONB, '', 1).length) throw new InvalidWebhookError('The event holds a NUL character or an unpaired surrogate');
  const objectId = typeof data.object.id === 'string' ? data.object.id : null;
  return { id, type, payload, objectId, account, event: readHandled(id, type, data.object) };
}

function readHandled(id: string, type: string, object: JsonObject): GatewayEvent | null {
  if (!Object.hasOwn(READERS, type)) return null;
  const handled = type as GatewayEventType;
  const reduced = READERS[handled](object);
  // The reader of `handled` made `reduced`: together they are that member of the union.
  return reduced ? ({ id, type: handled, data: { object: reduced } } as GatewayEvent) : null;
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
