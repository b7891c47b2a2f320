import { isIP } from 'node:net';

/** Fastify's `trustProxy`: off, a list of trusted proxy addresses / CIDRs, or a trust function. */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

// proxy-addr's names for the loopback, link-local and private ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Parses `TRUST_PROXY`: unset, empty or `0` trusts no proxy (the peer address is the client); a hop
 * count `n` trusts the last `n` hops (the client is the n-th X-Forwarded-For entry from the right); a
 * comma-separated list of IPs, CIDRs and `loopback` / `linklocal` / `uniquelocal` trusts those
 * addresses only. Returns null when the value is none of these.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  const text = value?.trim() ?? '';
  if (text === '') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) return null;
    // Fastify refuses a bare hop count (it cannot tell a proxy from a client that reaches the app
    // directly), so the count is a function here: only sound when the app is reachable through the
    // proxies alone; a list of proxy addresses is the safer setting.
    return hops === 0 ? false : (_address, hop) => hop < hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrCidr) ? entries : null;
}
