/**
 * JSON a test reads back whose shape the compiler cannot see (a GraphQL answer, an object of the
 * fake Stripe): the test's assertions check it. `no-explicit-any` is on everywhere; this is the one
 * opening the tests keep, named so that each use is visible.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Untyped = any;
