import { describe, expect, it } from '@jest/globals';
import { ArrayMaxSize, IsArray, IsInt, Min } from 'class-validator';
import { BadUserInputError } from '../errors/app-error.js';
import { BOUNDS_WORK, deferredInputProblems, DefersValidationProblems } from './deferred-input-problems.js';
import { InputValidationPipe } from './input-validation.pipe.js';

class PageArgs {
  @IsInt()
  @Min(1)
  first!: number;
}

@DefersValidationProblems()
class BatchInput {
  @IsInt()
  @Min(1)
  units!: number;

  @IsArray()
  @ArrayMaxSize(2, { context: BOUNDS_WORK })
  lines!: string[];

  @IsArray()
  @ArrayMaxSize(2)
  modifiers!: string[];
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

  it('hands the problems of a deferring type to the handler, under the argument, instead of throwing', async () => {
    const input = await pipe.transform({ units: 0, lines: [], modifiers: ['a', 'b', 'c'] }, { type: 'body', metatype: BatchInput, data: 'input' });
    expect(input).toBeInstanceOf(BatchInput);
    expect(deferredInputProblems(input as object).map((p) => p.path)).toEqual(['input.units', 'input.modifiers']);
    expect(deferredInputProblems((await pipe.transform({ units: 1, lines: [], modifiers: [] }, { type: 'body', metatype: BatchInput, data: 'input' })) as object)).toEqual([]);
  });

  it('still throws at once when a deferring type breaks a bound on the work (BOUNDS_WORK) or has an unknown property', async () => {
    const oversized = await pipe.transform({ units: 0, lines: ['a', 'b', 'c'], modifiers: [] }, { type: 'body', metatype: BatchInput, data: 'input' }).catch((error: unknown) => error);
    expect((oversized as BadUserInputError).fields).toEqual(['input.units', 'input.lines']);
    await expect(pipe.transform({ units: 1, lines: [], modifiers: [], extra: 1 }, { type: 'body', metatype: BatchInput, data: 'input' })).rejects.toBeInstanceOf(BadUserInputError);
  });

  it("passes the app's own values (parents, the caller, loaders) through untouched, as the same object", async () => {
    const parent = { first: 0, extra: true };
    expect(await pipe.transform(parent, { type: 'custom', metatype: PageArgs })).toBe(parent);
  });
});
