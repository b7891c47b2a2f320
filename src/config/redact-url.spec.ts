import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './redact-url.js';

describe(redactUrl.name, () => {
  it('keeps scheme, host, port and path', () => {
    expect(redactUrl('postgresql://127.0.0.1:5432/chartbridge')).toBe('postgresql://127.0.0.1:5432/chartbridge');
    expect(redactUrl('redis://[::1]:6379')).toBe('redis://[::1]:6379');
  });

  it('hides the user, the password and the query string', () => {
    expect(redactUrl('postgresql://nobody:TOPSECRET@db.internal:5432/x')).toBe('postgresql://***@db.internal:5432/x');
    expect(redactUrl('postgresql://nobody@127.0.0.1:5432/x?password=TOPSECRETQS&sslmode=require')).toBe('postgresql://***@127.0.0.1:5432/x?***');
    expect(redactUrl('rediss://:TOPSECRET@cache.internal:6380/0#TOPSECRET')).toBe('rediss://***@cache.internal:6380/0');
  });

  it('shows nothing of a value that is not a URL with a host', () => {
    for (const value of ['postgresql://nobody:TOPSECRET@[::1:5432/x', 'postgresql:nobody:TOPSECRET@host/x', 'TOPSECRET', '']) {
      expect(redactUrl(value)).toBe('(not shown: not a valid URL)');
    }
  });
});
