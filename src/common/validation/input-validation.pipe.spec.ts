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

  it("passes the app's own values (parents, the caller, loaders) through untouched, as the same object", async () => {
    const parent = { first: 0, extra: true };
    expect(await pipe.transform(parent, { type: 'custom', metatype: PageArgs })).toBe(parent);
  });
});
