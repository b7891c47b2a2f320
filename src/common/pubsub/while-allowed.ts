/** What a guarded subscription emits once its subscriber lost access: the refusal, delivered as that event's error. */
export class AccessEnded {
  constructor(readonly refusal: unknown) {}
}

/**
 * `source`'s events for as long as `check` passes, asked again before each event: the same access
 * gate as the subscription's start, so a subscriber who lost access (a member removed from the
 * organization, a token's user no longer a party) stops receiving at the next event, decided from the
 * rows as they are then, with no signal that could be missed between the check at subscribe time and
 * the listener being in place. When `check` throws (a refusal, or a lookup that failed: never read as
 * allowed), the subscriber gets one `AccessEnded` carrying it, then the iteration ends and the source
 * is released. The cost is one access check per event and subscriber; events here are messages
 * (rate-limited writes), not a firehose.
 *
 * A plain iterator rather than an async generator: a generator waiting inside `source.next()` cannot
 * run `return()` until the next event arrives, so a completed subscription would keep its listener.
 */
export function whileAllowed<T>(source: AsyncIterator<T>, check: () => Promise<unknown>): AsyncIterableIterator<T | AccessEnded> {
  let ended = false;
  const release = async () => {
    ended = true;
    await source.return?.();
  };
  const iterator: AsyncIterableIterator<T | AccessEnded> = {
    async next(): Promise<IteratorResult<T | AccessEnded>> {
      if (ended) return { done: true, value: undefined };
      const event = await source.next();
      if (event.done || ended) return { done: true, value: undefined };
      try {
        await check();
      } catch (refusal) {
        await release();
        return { done: false, value: new AccessEnded(refusal) };
      }
      return event;
    },
    async return(): Promise<IteratorResult<T | AccessEnded>> {
      await release();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown): Promise<IteratorResult<T | AccessEnded>> {
      await release();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** The `resolve` of a subscription fed by `whileAllowed`: the payload's `field`, or the refusal thrown as the event's error. */
export function eventOrRefusal<T>(field: string): (payload: Record<string, T> | AccessEnded) => T {
  return (payload) => {
    if (payload instanceof AccessEnded) throw payload.refusal;
    return payload[field];
  };
}
