import { registerDecorator, ValidationOptions } from 'class-validator';
import { mixesScripts } from '../../domain/unicode-scripts.js';

// Longer input is refused by the field's MaxLength; not worth scanning letter by letter.
const CHECK_AT_MOST = 1000;

/**
 * A person's name whose every word (split on spaces) is written in one script: `JОHN` with a
 * Cyrillic О, or `Hоlden-Smith`, is refused (a lookalike letter hides a name from exclusion
 * screening), while `Иван Petrov` or `Zhang 张伟` pass word by word. For every input carrying a
 * person's name (sign-up, the coder profile's legal names).
 */
export function SingleScriptName(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'singleScriptName',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must not mix scripts within a word (e.g. Latin with Cyrillic or Greek lookalike letters)', ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || (value.length <= CHECK_AT_MOST && !value.split(/\s+/).some(mixesScripts)) },
    });
}
