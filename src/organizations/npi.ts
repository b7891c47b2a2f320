import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * True for a 10-digit National Provider Identifier whose last digit is the Luhn check digit
 * computed over "80840" followed by the first nine digits (the NPI's ISO card-issuer prefix).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

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
