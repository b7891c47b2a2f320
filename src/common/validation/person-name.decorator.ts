import { Matches, ValidationOptions } from 'class-validator';

/**
 * The characters a person's name may hold: letters (any script), combining marks, spaces, hyphens,
 * apostrophes (' and ’) and periods. Digits and signs are refused: `J0hn Sm1th` would read JHN SMTH
 * to the OIG exclusion screen and slip past it.
 */
export const PERSON_NAME_CHARACTERS = /^[\p{L}\p{M} .'\u2019\u2010\u2011-]*$/u;

/** A person's name of `PERSON_NAME_CHARACTERS` only (sign-up's name, the coder profile's legal names). */
export function PersonName(options?: ValidationOptions): PropertyDecorator {
  return Matches(PERSON_NAME_CHARACTERS, { message: '$property may contain only letters, spaces, hyphens, apostrophes and periods', ...options });
}
