import { describe, expect, it } from '@jest/globals';
import { ForbiddenError, NotFoundError } from '../errors/app-error.js';
import { decide, PermissionTable } from './access-gate.js';

const TABLE: PermissionTable<'thing.read' | 'thing.change', 'owner' | 'viewer'> = {
  'thing.read': { holders: ['owner', 'viewer'], refusal: 'Only its owner and viewers read it' },
  'thing.change': { holders: ['owner'], refusal: 'Only its owner changes it' },
};

describe(decide.name, () => {
  it('answers NOT_FOUND naming the subject to a caller without standing, whatever the permission', () => {
    for (const permission of ['thing.read', 'thing.change'] as const) {
      expect(() => decide(TABLE, null, permission, 'Thing')).toThrow(new NotFoundError('Thing'));
    }
  });

  it("answers FORBIDDEN with the permission's refusal to a standing that does not hold it", () => {
    expect(() => decide(TABLE, 'viewer', 'thing.change', 'Thing')).toThrow(ForbiddenError);
    expect(() => decide(TABLE, 'viewer', 'thing.change', 'Thing')).toThrow('Only its owner changes it');
  });

  it('returns the standing that holds the permission', () => {
    expect(decide(TABLE, 'viewer', 'thing.read', 'Thing')).toBe('viewer');
    expect(decide(TABLE, 'owner', 'thing.change', 'Thing')).toBe('owner');
  });
});
