import { describe, expect, it } from '@jest/globals';
import { IsInt, Min } from 'class-validator';
import { BadUserInputError } from '../errors/app-error.js';
import { InputValidationPipe } from './input-validation.pipe.js';

class PageArgs {
  @IsInt()
  @Min(1)
  first!: number;
}

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe();

  it('validates client input and names the offending path under the argument', async () => {
    const failure = await pipe.transform({ first: 0 }, { type: 'body', metatype: PageArgs, data: 'page' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BadUserInputError);
    expect((failure as BadUserInputError).fields).toEqual(['page.first']);
    await expect(pipe.transform({ first: 2, extra: true }, { type: 'body', metatype: PageArgs, data: 'page' })).rejects.toBeInstanceOf(BadUserInputError);
    expect(await pipe.transform({ first: 2 }, { type: 'body', metatype: PageArgs, data: 'page' })).toBeInstanceOf(PageArgs);
  });

  it('refuses a NUL or another control character in any string of client input, scalar arguments included, naming each path', async () => {
    const scalar = await pipe.transform('hello\u0000', { type: 'body', metatype: String, data: 'body' }).catch((error: unknown) => error);
    expect(scalar).toBeInstanceOf(BadUserInputError);
    expect((scalar as BadUserInputError).fields).toEqual(['body']);
    const nested = await pipe.transform({ first: 2, extra: ['ok', 'esc\u001b'] }, { type: 'body', metatype: PageArgs, data: 'page' }).catch((error: unknown) => error);
    expect((nested as BadUserInputError).fields).toEqual(['page.extra.1']);
    const args = await pipe.transform({ after: 'x\u0000' }, { type: 'body', metatype: Object }).catch((error: unknown) => error);
    expect((args as BadUserInputError).fields).toEqual(['after']);
    expect(await pipe.transform('two\r\n\tlines', { type: 'body', metatype: String, data: 'body' })).toBe('two\r\n\tlines');
  });

  it("passes the app's own values (parents, the caller, loaders) through untouched, as the same object", async () => {
    const parent = { first: 0, extra: true };
    expect(await pipe.transform(parent, { type: 'custom', metatype: PageArgs })).toBe(parent);
  });
});
