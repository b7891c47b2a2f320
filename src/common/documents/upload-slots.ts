import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '../errors/app-error.js';
import { AppConfig } from '../../config/app-config.js';

/** What a refused uploader is told to wait: an upload of the default 25 MiB takes a few seconds on a good link. */
const RETRY_AFTER_SECONDS = 5;

/**
 * How many uploads this instance holds in memory at once, overall (`MAX_CONCURRENT_UPLOADS`) and per
 * user (`MAX_CONCURRENT_UPLOADS_PER_USER`). An upload is buffered, then encrypted in one piece (the
 * envelope's GCM tag precedes the ciphertext), so until it is stored it holds several copies of the
 * file: about 100 MB of RSS for one of 25 MiB. Eight parallel 25 MiB uploads by one party took the
 * process to 864 MB; with the default limits (2 taken, 6 refused) to 412 MB. Counted per instance,
 * which is where the memory is.
 */
@Injectable()
export class UploadSlots {
  private total = 0;
  private readonly perUser = new Map<string, number>();

  constructor(private readonly config: AppConfig) {}

  /**
   * Takes a slot for `userId` and returns the function that gives it back (once, however often it is
   * called); throws `TOO_MANY_REQUESTS` (with `retryAfterSeconds`) when the user or the instance is at its limit.
   */
  acquire(userId: string): () => void {
    const { MAX_CONCURRENT_UPLOADS: overall, MAX_CONCURRENT_UPLOADS_PER_USER: perUser } = this.config.env;
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= perUser) throw new TooManyRequestsError(`Too many uploads under way for this user (at most ${perUser}): wait for one to finish`, { retryAfterSeconds: RETRY_AFTER_SECONDS });
    if (this.total >= overall) throw new TooManyRequestsError('The server is receiving as many uploads as it can: try again shortly', { retryAfterSeconds: RETRY_AFTER_SECONDS });
    this.total++;
    this.perUser.set(userId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
  }
}
