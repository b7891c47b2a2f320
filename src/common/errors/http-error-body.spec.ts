import { describe, expect, it } from '@jest/globals';
import { errorBodyOfStatus, errorPayload } from './http-error-body.js';

describe(errorPayload.name, () => {
  it('caps a REST error message as GraphQL errors are capped, whatever a library put in it', () => {
    const body = errorPayload('/documents/x', errorBodyOfStatus(400, `Unexpected field ${'x'.repeat(100_000)}`)) as { message: string; code: string };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.message.length).toBeLessThanOrEqual(1001);
  });

  it('answers the GraphQL endpoint with a GraphQL error body, capped too', () => {
    const payload = errorPayload('/graphql?x=1', errorBodyOfStatus(413, 'y'.repeat(5_000))) as { errors: { message: string; extensions: { code: string } }[] };
    expect(payload.errors).toHaveLength(1);
    expect(payload.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(payload.errors[0].message.length).toBeLessThanOrEqual(1001);
  });
});
