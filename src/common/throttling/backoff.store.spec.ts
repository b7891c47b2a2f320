import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs } from './backoff.js';
import { MemoryBackoffStore } from './backoff.store.js';

const rule = { free: 3, baseMs: 1000, maxMs: 8000 };
const DAY = 86_400_000;

describe('back-off', () => {
  describe(backoffDelayMs.name, () => {
    it('costs nothing for the free failures, then doubles from the base delay up to the cap', () => {
      expect([0, 1, 2, 3, 4, 5, 6, 7, 100, 10_000].map((failures) => backoffDelayMs(failures, rule))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
    });
  });

  describe(MemoryBackoffStore.name, () => {
    it('lets the free failures through, then answers the wait without counting the refused attempt', async () => {
      const sut = new MemoryBackoffStore();
      const waits = [];
      for (let i = 0; i < 5; i++) waits.push(await sut.reserve([{ key: 'k', ...rule }], DAY));
      expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
      // The third failure set a 1 s wait; refused attempts count nothing, so the wait does not grow.
      expect(waits[3]).toBeGreaterThan(900);
      expect(waits[4]).toBeLessThanOrEqual(1000);
    });

    it('answers the longest wait among the keys and counts against none of them while one must wait', async () => {
      const sut = new MemoryBackoffStore();
      for (let i = 0; i < 3; i++) await sut.reserve([{ key: 'slow', ...rule }], DAY);
      expect(
        await sut.reserve(
          [
            { key: 'fresh', ...rule },
            { key: 'slow', ...rule },
          ],
          DAY,
        ),
      ).toBeGreaterThan(0);
      // 'fresh' was not counted: three free failures are still ahead of it.
      for (let i = 0; i < 3; i++) expect(await sut.reserve([{ key: 'fresh', ...rule }], DAY)).toBe(0);
    });

    it('takes back a released failure and forgets a cleared key', async () => {
      const sut = new MemoryBackoffStore();
      for (let i = 0; i < 2; i++)
        await sut.reserve(
          [
            { key: 'a', ...rule },
            { key: 'b', ...rule },
          ],
          DAY,
        );
      await sut.settle(['a'], ['b']);
      // a: 1 failure left, so 2 more are free; b: 3 free again.
      expect([await sut.reserve([{ key: 'a', ...rule }], DAY), await sut.reserve([{ key: 'a', ...rule }], DAY)]).toEqual([0, 0]);
      expect(await sut.reserve([{ key: 'a', ...rule }], DAY)).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) expect(await sut.reserve([{ key: 'b', ...rule }], DAY)).toBe(0);
    });

    it('forgets a counter once its time is up', async () => {
      const sut = new MemoryBackoffStore();
      for (let i = 0; i < 3; i++) await sut.reserve([{ key: 'k', ...rule, baseMs: 0 }], 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (let i = 0; i < 3; i++) await sut.reserve([{ key: 'k', ...rule }], DAY);
      // Counted from zero again: the third failure is the first with a wait.
      expect(await sut.reserve([{ key: 'k', ...rule }], DAY)).toBeGreaterThan(0);
    });

    it('remembers a marked key until its time is up, and nothing else', async () => {
      const sut = new MemoryBackoffStore();
      await sut.mark('known', DAY);
      await sut.mark('brief', 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect([await sut.isMarked('known'), await sut.isMarked('brief'), await sut.isMarked('never')]).toEqual([true, false, false]);
    });
  });
});
