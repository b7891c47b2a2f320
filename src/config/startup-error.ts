/**
 * A reason start-up cannot go on that the operator can act on (an unreachable database, a data
 * folder in use): `main.ts` prints its message as one line, without a stack trace, and exits 1.
 */
export class StartupError extends Error {}
