import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { BadUserInputError } from '../errors/app-error.js';
import { deferInputProblems, deferredInputProblems, defersValidationProblems, hasProtectiveFailure } from './deferred-input-problems.js';
import { pathsOfStringsMatching, UNSAFE_TEXT } from './unsafe-text.js';

// What the client sends: GraphQL arguments reach pipes as 'body' too (GqlParamtype.ARGS is BODY's number).
const CLIENT_INPUT = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/** Flattens class-validator's error tree into `path: message` pairs (`input.specialties.0.yearsExperience`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): { path: string; message: string }[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message: message.replace(error.property, path) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * The global pipe: class-validator on every argument, unknown properties refused, and failures
 * turned into BAD_USER_INPUT listing each offending path under the argument's name (`input.email`).
 * Before that, every string of every client argument (scalar arguments too, which class-validator
 * never sees) is refused when it holds a control character such as NUL (see `UNSAFE_TEXT`).
 * An input type marked `@DefersValidationProblems()` reaches its handler with its problems recorded
 * instead (`deferredInputProblems`), so the handler answers them together with its own.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: false,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => {
        const problems = flattenValidationErrors(errors);
        return new BadUserInputError(problems.map((p) => p.message).join('; '), [...new Set(problems.map((p) => p.path))]);
      },
    });
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Parents and custom decorators' values (the caller, the request's loaders) are ours, not client
    // input; answering them at once spares every field resolver call of a list an async validation.
    if (metadata.type === 'custom') return Promise.resolve(value);
    if (CLIENT_INPUT.has(metadata.type)) {
      const paths = pathsOfStringsMatching(value, UNSAFE_TEXT, metadata.data ?? '');
      if (paths.length)
        return Promise.reject(new BadUserInputError(`${paths.join(', ')} must be text without control characters (NUL and the like; tab and line breaks are fine) or unpaired surrogates`, paths));
    }
    return this.validateInput(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    if (!errors.length || !defersValidationProblems(object) || hasProtectiveFailure(errors)) return errors;
    deferInputProblems(object, flattenValidationErrors(errors));
    return [];
  }

  private async validateInput(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      const input = await super.transform(value, metadata);
      const deferred = input !== null && typeof input === 'object' ? deferredInputProblems(input) : [];
      if (deferred.length && metadata.data) {
        const argument = metadata.data;
        deferInputProblems(
          input as object,
          deferred.map((p) => ({ path: `${argument}.${p.path}`, message: p.message.startsWith(p.path) ? `${argument}.${p.message}` : p.message })),
        );
      }
      return input;
    } catch (error) {
      if (!(error instanceof BadUserInputError) || !metadata.data) throw error;
      const argument = metadata.data;
      const fields = [...new Set(error.fields.map((field) => `${argument}.${field}`))];
      const message = error.message.replace(/(^|; )/g, `$1${argument}.`);
      throw new BadUserInputError(message, fields);
    }
  }
}
