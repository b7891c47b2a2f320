import { describe, expect, it } from '@jest/globals';
import { assertSignedNotInFuture, InvalidWebhookError, toGatewayEvent } from './webhook-event.js';

const event = (overrides: Record<string, unknown> = {}) => ({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1', amount: 100 } }, ...overrides });

describe(toGatewayEvent.name, () => {
  it('passes a well-formed event through as it is', () => {
    const valid = event();
    expect(toGatewayEvent(valid)).toBe(valid);
    expect(toGatewayEvent(event({ data: { object: { object: 'balance', available: [] } } }))).toBeTruthy();
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
    ['a NUL in a value', event({ data: { object: { id: 'pi_1', note: '\u0000' } } })],
    ['a NUL in a key', event({ data: { object: { id: 'pi_1', ['\u0000']: 1 } } })],
    ['an unpaired surrogate', event({ type: 'x\uD800' })],
    ['nesting beyond 32 levels', event({ data: { object: { id: 'pi_1', deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) } } })],
  ])('refuses %s', (_, payload) => {
    expect(() => toGatewayEvent(payload)).toThrow(InvalidWebhookError);
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
