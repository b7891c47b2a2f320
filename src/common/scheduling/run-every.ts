import { Logger } from '@nestjs/common';

/**
 * Runs `task` every `ms` milliseconds (nothing when `ms` is 0), never two runs at once, logging
 * failures instead of crashing. Returns the function that stops it (call it on shutdown).
 */
export function runEvery(ms: number, task: () => Promise<unknown>, logger: Logger, what: string): () => void {
  if (ms <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => logger.error({ err: error }, `${what} failed`))
      .finally(() => (running = false));
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
