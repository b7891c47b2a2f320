import { describe, expect, it } from '@jest/globals';
import { assertSignedNotInFuture, InvalidWebhookError, toReceivedEvent } from './webhook-event.js';

const event = (overrides: Record<string, unknown> = {}) => ({
  id: 'evt_1',
  object: 'event',
  type: 'payment_intent.succeeded',
  data: { object: { id: 'pi_1', object: 'payment_intent', amount: 100, amount_received: 100, currency: 'usd', metadata: { kind: 'milestone', milestoneId: 'm1' } } },
  ...overrides,
});
const withObject = (type: string, object: Record<string, unknown>) => event({ type, data: { object } });

describe(toReceivedEvent.name, () => {
  it('keeps the payload as it came, and reads an event we handle into the fields its handler reads', () => {
    const valid = event();
    const received = toReceivedEvent(valid);
    expect(received.payload).toBe(valid);
    expect(received).toMatchObject({ id: 'evt_1', type: 'payment_intent.succeeded', objectId: 'pi_1', account: null });
    expect(received.event).toEqual({
      id: 'evt_1',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_1', amount: 100, amount_received: 100, currency: 'usd', metadata: { kind: 'milestone', milestoneId: 'm1' } } },
    });
    expect(toReceivedEvent(withObject('setup_intent.succeeded', { id: 'seti_1', customer: { id: 'cus_1', object: 'customer' }, payment_method: 'pm_1', usage: 'off_session' })).event).toEqual({
      id: 'evt_1',
      type: 'setup_intent.succeeded',
      data: { object: { id: 'seti_1', customer: 'cus_1', payment_method: 'pm_1' } },
    });
    expect(toReceivedEvent(withObject('account.updated', { id: 'acct_1', payouts_enabled: true })).event).toEqual({ id: 'evt_1', type: 'account.updated', data: { object: { id: 'acct_1' } } });
  });

  it('says which connected account an event came from (Connect webhooks)', () => {
    expect(toReceivedEvent(event({ account: 'acct_other' }))).toMatchObject({ account: 'acct_other', objectId: 'pi_1' });
    expect(toReceivedEvent(event({ account: null })).account).toBeNull();
  });

  it('stores an event of another type without reading it', () => {
    const received = toReceivedEvent(event({ type: 'balance.available', data: { object: { object: 'balance', available: [] } } }));
    expect(received).toMatchObject({ id: 'evt_1', type: 'balance.available', event: null });
  });

  it.each([
    ['a payment without an id', withObject('payment_intent.succeeded', { amount: 100, currency: 'usd', metadata: {} })],
    ['a payment with a fractional amount', withObject('payment_intent.succeeded', { id: 'pi_1', amount: 10.5, currency: 'usd', metadata: {} })],
    ['a payment with a string amount', withObject('payment_intent.succeeded', { id: 'pi_1', amount: '100', currency: 'usd', metadata: {} })],
    ['a payment without a currency', withObject('payment_intent.succeeded', { id: 'pi_1', amount: 100, metadata: {} })],
    ['a payment with metadata that is not strings', withObject('payment_intent.succeeded', { id: 'pi_1', amount: 100, currency: 'usd', metadata: { kind: ['milestone'] } })],
    ['a setup intent with a numeric customer', withObject('setup_intent.succeeded', { id: 'seti_1', customer: 7, payment_method: 'pm_1' })],
    ['an account without an id', withObject('account.updated', { object: 'account' })],
  ])('stores, without reading, %s', (_, payload) => {
    expect(toReceivedEvent(payload).event).toBeNull();
  });

  it.each([
    ['not an object', null],
    ['an array', [event()]],
    ['no id', { ...event(), id: undefined }],
    ['an empty id', event({ id: '' })],
    ['a numeric id', event({ id: 1 })],
    ['a huge id', event({ id: 'e'.repeat(256) })],
    ['no type', event({ type: undefined })],
    ['no data', event({ data: undefined })],
    ['no data.object', event({ data: {} })],
    ['an array data.object', event({ data: { object: [] } })],
    ['a non-string data.object.id', event({ data: { object: { id: 7 } } })],
    ['a numeric account', event({ account: 7 })],
    ['an empty account', event({ account: '' })],
    ['a NUL in a value', event({ data: { object: { id: 'pi_1', note: '\u0000' } } })],
    ['a NUL in a key', event({ data: { object: { id: 'pi_1', ['\u0000']: 1 } } })],
    ['an unpaired surrogate', event({ type: 'x\uD800' })],
    ['nesting beyond 32 levels', event({ data: { object: { id: 'pi_1', deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) } } })],
  ])('refuses %s', (_, payload) => {
    expect(() => toReceivedEvent(payload)).toThrow(InvalidWebhookError);
  });
});

describe(assertSignedNotInFuture.name, () => {
  const now = Date.UTC(2026, 0, 1);
  const at = (offsetSeconds: number) => `t=${now / 1000 + offsetSeconds},v1=abc`;

  it('accepts timestamps up to the tolerance ahead (and any past one: the SDK checks those)', () => {
    for (const offset of [-3600, 0, 299, 300]) expect(() => assertSignedNotInFuture(at(offset), 300, now)).not.toThrow();
  });

  it('refuses timestamps further ahead, and headers without a readable one', () => {
    for (const header of [at(301), at(600), 'v1=abc', 't=soon,v1=abc', `t=${now / 1000},t=${now / 1000 + 600},v1=abc`])
      expect(() => assertSignedNotInFuture(header, 300, now)).toThrow(InvalidWebhookError);
  });
});
