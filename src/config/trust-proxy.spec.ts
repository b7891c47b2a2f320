import { describe, expect, it } from '@jest/globals';
import { parseTrustProxy } from './trust-proxy.js';

describe(parseTrustProxy.name, () => {
  it('trusts no proxy when unset, empty or 0', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
  });

  it('turns a hop count into a trust function over the last hops', () => {
    const trust = parseTrustProxy('2') as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('203.0.113.9', hop))).toEqual([true, true, false]);
  });

  it('passes a list of addresses, CIDRs and named ranges on, trimmed', () => {
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1 , fd00::/8,loopback')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else, trusting everyone included', () => {
    for (const value of ['true', '*', '11', '-1', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', 'example.com', '10.0.0.1,', '1.2.3']) expect(parseTrustProxy(value)).toBeNull();
  });
});
