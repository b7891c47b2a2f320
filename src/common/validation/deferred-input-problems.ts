import type { ValidationError } from 'class-validator';

export interface InputProblem {
  path: string;
  message: string;
}

const deferringTypes = new WeakSet<object>();
const problemsOf = new WeakMap<object, InputProblem[]>();

/**
 * The `context` of a constraint that bounds the server's work on an input (`@ArrayMaxSize(500, { context: BOUNDS_WORK })`):
 * its failure answers at once, before the handler runs, even on a type that defers its problems.
 */
export const BOUNDS_WORK = Object.freeze({ boundsWork: true });

/**
 * Marks an input type whose class-validator failures the global pipe hands to the handler instead of
 * throwing them: the handler reads them with `deferredInputProblems(input)`, adds its own (code tables,
 * pointers into the same input) and answers ONE BAD_USER_INPUT naming every path. The handler MUST call
 * `deferredInputProblems`: an input of a deferring type reaches it even when it is invalid. Constraints
 * marked `BOUNDS_WORK` (the sizes of big arrays) and unknown properties still fail at once, so no handler
 * ever works through an oversized input.
 */
export function DefersValidationProblems(): ClassDecorator {
  return (target) => {
    deferringTypes.add(target);
  };
}

/** True when `value` is an instance of a type marked `@DefersValidationProblems()`. */
export const defersValidationProblems = (value: object): boolean => deferringTypes.has(value.constructor);

/** True when any error of the tree fails a `BOUNDS_WORK` constraint or names an unknown property. */
export function hasProtectiveFailure(errors: ValidationError[]): boolean {
  return errors.some(
    (error) => Object.keys(error.constraints ?? {}).some((name) => name === 'whitelistValidation' || error.contexts?.[name]?.boundsWork === true) || hasProtectiveFailure(error.children ?? []),
  );
}

/** Records the problems the pipe found on `input` (paths under the argument's name, `input.encounters.0.cpt.0.units`). */
export function deferInputProblems(input: object, problems: InputProblem[]): void {
  problemsOf.set(input, problems);
}

/** The class-validator problems the global pipe found on `input` and left to the handler (empty when valid). */
export function deferredInputProblems(input: object): InputProblem[] {
  return problemsOf.get(input) ?? [];
}
