import { describe, expect, it } from '@jest/globals';
import { deserializeEvent, serializeEvent } from './pubsub.module.js';

describe('events over Redis', () => {
  it('bring Dates back as Dates, and leave text that looks like a date (or a tag) as text', () => {
    const createdAt = new Date('2026-11-30T16:00:00.000Z');
    const event = { messageAdded: { id: 'm1', body: '2026-11-30T16:00:00.000Z', createdAt, meta: { nested: [createdAt] }, note: { $date: 'x', other: 1 } } };
    const back = deserializeEvent(serializeEvent(event)) as typeof event;
    expect(back.messageAdded.createdAt).toEqual(createdAt);
    expect(back.messageAdded.createdAt).toBeInstanceOf(Date);
    expect(back.messageAdded.meta.nested[0]).toBeInstanceOf(Date);
    expect(back.messageAdded.body).toBe('2026-11-30T16:00:00.000Z');
    expect(back.messageAdded.note).toEqual({ $date: 'x', other: 1 });
  });
});
