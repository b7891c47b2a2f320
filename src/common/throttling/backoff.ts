/**
 * How failures counted against one key slow the next attempt: the first `free` failures cost
 * nothing; from then on each attempt waits `baseMs` after the failure before it, then twice that,
 * four times, ... up to `maxMs`.
 */
export interface BackoffRule {
  key: string;
  free: number;
  baseMs: number;
  maxMs: number;
}

/** How long the next attempt must wait after the `failures`-th failure counted against `rule`'s key. */
export function backoffDelayMs(failures: number, rule: Omit<BackoffRule, 'key'>): number {
  if (failures < rule.free) return 0;
  // 2^40 base delays is far past any cap; keeps the power finite.
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(failures - rule.free, 40));
}
