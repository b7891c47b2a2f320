import { describe, expect, it } from '@jest/globals';
import { collectionsShare, feeOf, workAmount } from './money.js';
import { PayModel } from './work.enums.js';

describe('money', () => {
  describe(feeOf.name, () => {
    it('takes basis points of the amount, rounded down so the coder keeps the fraction of a cent', () => {
      expect(feeOf(100_000, 1000)).toBe(10_000);
      expect(feeOf(1999, 1000)).toBe(199);
      expect(feeOf(1, 1000)).toBe(0);
      expect(feeOf(0, 1000)).toBe(0);
    });
  });

  describe(workAmount.name, () => {
    it('bills minutes at an hourly rate to the nearest cent, rounding once on the total', () => {
      expect(workAmount(PayModel.HOURLY, 60, 4500)).toBe(4500);
      expect(workAmount(PayModel.HOURLY, 1, 4500)).toBe(75);
      // 7 minutes at $33.33/h is 388.85 cents; one minute at a time would give 7 x 56 = 392.
      expect(workAmount(PayModel.HOURLY, 7, 3333)).toBe(389);
      expect(workAmount(PayModel.HOURLY, 1, 3330)).toBe(56); // 55.5 rounds up
    });

    it('bills charts at a per-chart rate exactly', () => {
      expect(workAmount(PayModel.PER_CHART, 37, 250)).toBe(9250);
    });
  });

  describe(collectionsShare.name, () => {
    it('takes the percent-of-collections rate of what was collected, to the nearest cent', () => {
      expect(collectionsShare(100_000, 600)).toBe(6000);
      expect(collectionsShare(12_345, 750)).toBe(926); // 925.875
      expect(collectionsShare(10, 450)).toBe(0); // 0.45
    });
  });
});
