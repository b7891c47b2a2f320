import { describe, expect, it } from '@jest/globals';
import { utcOffsetHours } from './timezone.js';

describe('utcOffsetHours', () => {
  it('follows daylight saving transitions to the minute, though offsets are remembered per quarter hour', () => {
    // America/Chicago springs forward at 08:00 UTC on 2026-03-08.
    expect(utcOffsetHours('America/Chicago', new Date('2026-03-08T07:59:59Z'))).toBe(-6);
    expect(utcOffsetHours('America/Chicago', new Date('2026-03-08T08:00:00Z'))).toBe(-5);
    expect(utcOffsetHours('America/Chicago', new Date('2026-03-08T07:59:00Z'))).toBe(-6);
    // Australia/Adelaide (+10:30 in summer) falls back at 16:30 UTC on 2026-04-04.
    expect(utcOffsetHours('Australia/Adelaide', new Date('2026-04-04T16:29:59Z'))).toBe(10.5);
    expect(utcOffsetHours('Australia/Adelaide', new Date('2026-04-04T16:30:00Z'))).toBe(9.5);
  });

  it('reads whole, half and quarter-hour zones', () => {
    const at = new Date('2026-07-01T12:00:00Z');
    expect(utcOffsetHours('UTC', at)).toBe(0);
    expect(utcOffsetHours('Asia/Kolkata', at)).toBe(5.5);
    expect(utcOffsetHours('Asia/Kathmandu', at)).toBe(5.75);
    expect(utcOffsetHours('America/New_York', at)).toBe(-4);
  });
});
