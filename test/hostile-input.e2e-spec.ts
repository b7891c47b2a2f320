import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { TestApp } from './support/test-app.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const CODERS = `query($first: Int, $filter: CoderFilterInput) { coders(filter: $filter, first: $first) { edges { node { id } } } }`;
const SECRET = 'S3cret-hunter2-never-echo';

/** Sends an anonymous GraphQL request and keeps what a client can measure: status, body size, errors, time. */
async function send(app: TestApp, query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const res = await app.http().post('/graphql').set('content-type', 'application/json').send({ query, variables });
  return { status: res.status, text: res.text, errors: (res.body.errors ?? []) as { message: string; extensions: { code: string; fields?: string[] } }[], ms: performance.now() - started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

// Worst case for the old error formatting: each repetition is a place where its suggestion and
// "was not provided" patterns start over and scan to the end of the message.
const pathological = (bytes: number) => 'Field "a" of required type Did you mean '.repeat(Math.ceil(bytes / 40)).slice(0, bytes);

describe('hostile input (production mode)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production' });
  });
  afterAll(() => app?.close());

  it('answers a request wrong in thousands of ways at once with 400 and a short list of errors', async () => {
    // ~50 KB: thousands of unknown keys in one input object, a huge list of wrong values and a deeply nested list.
    const filter: Record<string, unknown> = { specialties: Array.from({ length: 2000 }, (_, i) => `NOPE_${i}`) };
    let nested: unknown = 'CPC';
    for (let i = 0; i < 500; i++) nested = [nested];
    filter.credentialTypes = nested;
    for (let i = 0; i < 4000; i++) filter[`k${i}`] = i;
    const res = await send(app, CODERS, { filter, first: 'many' });

    expect(res.status).toBe(400);
    expect(res.errors.length).toBeGreaterThan(1);
    expect(res.errors.length).toBeLessThanOrEqual(21);
    expect(res.errors.every((e) => e.extensions.code === 'BAD_USER_INPUT')).toBe(true);
    expect(res.errors.flatMap((e) => e.extensions.fields ?? [])).toEqual(expect.arrayContaining(['first', 'filter.specialties.0']));
    expect(res.errors.at(-1)?.message).toMatch(/too many/i);
    expect(res.text.length).toBeLessThan(8 * 1024);
    // Generous for a loaded 2-core machine: the old code took ~5 s here and ~40 s at 60 KB (out of a 256 MB heap).
    expect(res.ms).toBeLessThan(3000);
  });

  it('answers very long keys with short messages that still name the field', async () => {
    const key = `x${'y'.repeat(100_000)}`;
    const res = await send(app, LOG_IN, { input: { email: 'a@example.test', password: 'irrelevant', [key]: 1 } });

    expect(res.status).toBe(400);
    expect(res.errors).toHaveLength(1);
    const [field] = res.errors[0].extensions.fields ?? [];
    expect(field).toMatch(/^input\.xy{10,}/);
    expect(field.length).toBeLessThan(200);
    expect(res.errors[0].message.length).toBeLessThan(1000);
    expect(res.text.length).toBeLessThan(2 * 1024);
  });

  it('formats the error about a 150 KB pathological key without blocking the event loop', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await tick(); // the histogram measures from its first sample on
    const res = await send(app, LOG_IN, { input: { email: 'a@example.test', password: 'irrelevant', [pathological(150_000)]: 1 } });
    await tick();
    delay.disable();

    expect(res.status).toBe(400);
    expect(res.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    // The longest stall while the request ran, generous for a loaded machine: the old patterns held the loop ~8 s here.
    expect(delay.max / 1e6).toBeLessThan(2000);
  });

  it('never echoes a variable value: a password in a bad logIn variable stays out of the answer', async () => {
    const answers = await Promise.all([
      send(app, LOG_IN, { input: { email: 'a@example.test', password: SECRET, rememberMe: true } }),
      send(app, LOG_IN, { input: { email: 'a@example.test', password: [SECRET] } }),
      send(app, LOG_IN, { input: { email: { value: SECRET }, password: SECRET } }),
      send(app, SIGN_UP, { input: { email: 'a@example.test', password: 'correct horse battery', name: 'Eve', role: SECRET } }),
    ]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    for (const answer of answers) {
      expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.text).not.toContain(SECRET);
      expect(answer.text).not.toContain('hunter2');
    }
    expect(answers.map((a) => a.errors[0].extensions.fields)).toEqual([['input.rememberMe'], ['input.password'], ['input.email'], ['input.role']]);
  });
});
