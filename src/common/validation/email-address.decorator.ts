import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, ValidateBy } from 'class-validator';
import { EMAIL_MAX_LENGTH, EMAIL_PROBLEMS, normalizeEmail } from '../../domain/email-address.js';
import { BadUserInputError } from '../errors/app-error.js';

// Longer input is not worth normalizing: it cannot fit EMAIL_MAX_LENGTH, and MaxLength refuses it.
const NORMALIZE_AT_MOST = 4 * EMAIL_MAX_LENGTH;

/**
 * An email argument: replaced by its normal form (`normalizeEmail`) before validation, or refused
 * with BAD_USER_INPUT naming the field and the problem (invisible characters, quoted local part,
 * mixed scripts, not an address). For every input that carries an email (sign-up, log-in, invitations).
 */
export const EmailAddress = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string' || value.length > NORMALIZE_AT_MOST) return value;
      const verdict = normalizeEmail(value);
      return verdict.ok ? verdict.email : value;
    }),
    IsString(),
    MaxLength(EMAIL_MAX_LENGTH),
    ValidateBy({
      name: 'isNormalEmail',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= NORMALIZE_AT_MOST && normalizeEmail(value).ok,
        defaultMessage: (args) => {
          const verdict = typeof args?.value === 'string' && args.value.length <= NORMALIZE_AT_MOST ? normalizeEmail(args.value) : null;
          return `${args?.property} ${EMAIL_PROBLEMS[verdict && !verdict.ok ? verdict.problem : 'INVALID']}`;
        },
      },
    }),
  );

/** `raw` in its normal form, or BAD_USER_INPUT naming `field`: for emails that did not come through `@EmailAddress()`. */
export function normalEmailOrThrow(raw: string, field: string): string {
  const verdict = normalizeEmail(raw);
  if (!verdict.ok) throw new BadUserInputError(`${field} ${EMAIL_PROBLEMS[verdict.problem]}`, [field]);
  return verdict.email;
}
