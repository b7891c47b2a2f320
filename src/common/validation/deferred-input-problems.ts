import type { ValidationError } from 'class-validator';

export interface InputProblem {
  path: string;
  message: string;
}

const deferringTypes = new WeakSet<object>();
const problemsOf = new WeakMap<object, InputProblem[]>();

// Failures that still answer at once, before the handler runs: sizes that bound the work done on the input.
const PROTECTIVE_CONSTRAINTS = new Set(['arrayMaxSize', 'whitelistValidation']);

/**
 * Marks an input type whose class-validator failures the global pipe hands to the handler instead of
 * throwing them: the handler reads them with `deferredInputProblems(input)`, adds its own (code tables,
 * pointers into the same input) and answers ONE BAD_USER_INPUT naming every path. The handler MUST call
 * `deferredInputProblems`: an input of a deferring type reaches it even when it is invalid. Array sizes
 * (and unknown properties) still fail at once, so no handler ever works through an oversized input.
 */
export function DefersValidationProblems(): ClassDecorator {
  return (target) => {
    deferringTypes.add(target);
  };
}

/** True when `value` is an instance of a type marked `@DefersValidationProblems()`. */
export const defersValidationProblems = (value: object): boolean => deferringTypes.has(value.constructor);

/** True when any error of the tree fails a protective constraint (see `PROTECTIVE_CONSTRAINTS`). */
export function hasProtectiveFailure(errors: ValidationError[]): boolean {
  return errors.some((error) => Object.keys(error.constraints ?? {}).some((name) => PROTECTIVE_CONSTRAINTS.has(name)) || hasProtectiveFailure(error.children ?? []));
}

/** Records the problems the pipe found on `input` (paths under the argument's name, `input.encounters.0.cpt.0.units`). */
export function deferInputProblems(input: object, problems: InputProblem[]): void {
  problemsOf.set(input, problems);
}

/** The class-validator problems the global pipe found on `input` and left to the handler (empty when valid). */
export function deferredInputProblems(input: object): InputProblem[] {
  return problemsOf.get(input) ?? [];
}
