import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidNpi } from '../../domain/npi.js';

/** A 10-digit National Provider Identifier with a valid Luhn check digit (`isValidNpi`). */
export function IsNpi(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNpi',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a 10-digit NPI with a valid check digit', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidNpi(value) },
    });
}
