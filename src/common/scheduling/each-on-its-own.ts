import { Logger } from '@nestjs/common';

/**
 * Runs `work` for each item in turn, each on its own: a failure is logged with the item's name and
 * the next item goes ahead (one bad row must not hold up the others of a background run). `work`
 * answers whether it did something; returns how many items did.
 */
export async function eachOnItsOwn<T>(items: readonly T[], nameOf: (item: T) => string, work: (item: T) => Promise<boolean>, logger: Logger): Promise<number> {
  let done = 0;
  for (const item of items) {
    try {
      if (await work(item)) done++;
    } catch (error) {
      logger.error({ err: error }, `${nameOf(item)} failed; the others go on`);
    }
  }
  return done;
}
