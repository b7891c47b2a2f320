import { describe, expect, it } from '@jest/globals';
import { requestId, requestLogFields } from './logger-options.js';

describe(requestLogFields.name, () => {
  const req = { id: 'ours', method: 'POST', url: '/graphql' };

  it("logs the caller's X-Request-Id beside our own id", () => {
    expect(requestLogFields({ ...req, headers: { 'x-request-id': 'trace-123' } })).toEqual({ id: 'ours', clientRequestId: 'trace-123', method: 'POST', url: '/graphql' });
  });

  it('leaves out a caller id that is not a plain token', () => {
    for (const given of ['with spaces', 'x'.repeat(65), 'line\nbreak', '']) expect(requestLogFields({ ...req, headers: { 'x-request-id': given } }).clientRequestId).toBeUndefined();
    expect(requestLogFields({ ...req, headers: {} }).clientRequestId).toBeUndefined();
  });
});

describe(requestId.name, () => {
  it('is a fresh UUID every time', () => {
    expect(requestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestId()).not.toBe(requestId());
  });
});
