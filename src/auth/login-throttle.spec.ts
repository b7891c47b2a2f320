import { describe, expect, it } from '@jest/globals';
import { addressBlockOf } from './login-throttle.js';

describe(addressBlockOf.name, () => {
  it('keeps an IPv4 address, also when IPv4-mapped', () => {
    expect(addressBlockOf('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBlockOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    expect(addressBlockOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBlockOf('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBlockOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlockOf('::1')).toBe('0:0:0:0::/64');
  });

  it('passes anything else through', () => {
    expect(addressBlockOf('unknown')).toBe('unknown');
  });
});
