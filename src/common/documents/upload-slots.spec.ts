import { describe, expect, it } from '@jest/globals';
import { TooManyRequestsError } from '../errors/app-error.js';
import { AppConfig } from '../../config/app-config.js';
import { loadEnvironment } from '../../config/environment.js';
import { UploadSlots } from './upload-slots.js';

const slots = (overall: number, perUser: number) =>
  new UploadSlots(new AppConfig(loadEnvironment({ MAX_CONCURRENT_UPLOADS: String(overall), MAX_CONCURRENT_UPLOADS_PER_USER: String(perUser) }), '', 'x'.repeat(32), Buffer.alloc(32)));

describe(UploadSlots.name, () => {
  describe('acquire', () => {
    it('refuses a user over their own limit while others go ahead', () => {
      const sut = slots(10, 2);
      sut.acquire('ann');
      sut.acquire('ann');
      expect(() => sut.acquire('ann')).toThrow(TooManyRequestsError);
      expect(() => sut.acquire('bob')).not.toThrow();
    });

    it('refuses everyone once the instance is at its limit, and lets one in per slot given back', () => {
      const sut = slots(2, 2);
      const release = sut.acquire('ann');
      sut.acquire('bob');
      expect(() => sut.acquire('cid')).toThrow(expect.objectContaining({ extensions: { retryAfterSeconds: 5 } }));
      release();
      expect(() => sut.acquire('cid')).not.toThrow();
      expect(() => sut.acquire('dan')).toThrow(TooManyRequestsError);
    });

    it('gives a slot back once however often its release is called', () => {
      const sut = slots(2, 1);
      const release = sut.acquire('ann');
      sut.acquire('bob');
      release();
      release();
      sut.acquire('ann');
      expect(() => sut.acquire('cid')).toThrow(TooManyRequestsError);
      expect(() => sut.acquire('ann')).toThrow(TooManyRequestsError);
    });
  });
});
