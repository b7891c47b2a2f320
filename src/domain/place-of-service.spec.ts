import { describe, expect, it } from '@jest/globals';
import { isPlaceOfService, PLACES_OF_SERVICE } from './place-of-service.js';

describe(isPlaceOfService.name, () => {
  it('knows the assigned codes by their two digits', () => {
    expect(PLACES_OF_SERVICE['11']).toBe('Office');
    for (const code of ['01', '02', '10', '11', '21', '22', '23', '27', '58', '81', '99']) expect(isPlaceOfService(code)).toBe(true);
  });

  it('refuses unassigned numbers, one-digit and padded forms, and inherited object keys', () => {
    for (const code of ['00', '28', '30', '35', '40', '43', '59', '63', '67', '73', '80', '82', '98', '1', '011', ' 11', 'constructor', 'toString']) expect(isPlaceOfService(code)).toBe(false);
  });
});
