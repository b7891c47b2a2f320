import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { BadUserInputError } from './app-error.js';
import { fieldsFromMessage, formatGraphqlError } from './format-graphql-error.js';

const validationError = (message: string) => {
  const error = new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  return formatGraphqlError(error.toJSON(), error);
};

describe(fieldsFromMessage.name, () => {
  it('reads the input path of graphql-js variable and argument errors', () => {
    expect(fieldsFromMessage('Variable "$input" got invalid value "ADMIN" at "input.role"; Value "ADMIN" does not exist in "SignUpRole" enum.')).toEqual(['input.role']);
    expect(fieldsFromMessage('Variable "$input" got invalid value [1] at "input.codeSets[0]"; Enum "CodeSet" cannot represent non-string value: 1.')).toEqual(['input.codeSets.0']);
    expect(fieldsFromMessage('Variable "$input" got invalid value { isAdmin: true }; Field "isAdmin" is not defined by type "SignUpInput".')).toEqual(['input.isAdmin']);
    expect(fieldsFromMessage('Variable "$input" got invalid value {}; Field "email" of required type "String!" was not provided.')).toEqual(['input.email']);
    expect(fieldsFromMessage('Argument "first" has invalid value "x".')).toEqual(['first']);
    expect(fieldsFromMessage('Cannot query field "mee" on type "Query".')).toEqual([]);
  });

  it('reads a pathological message in linear time', () => {
    const message = `Variable "$input" got invalid value { ${'Field "a" of required type Did you mean '.repeat(5000)}: 1 }`;
    const started = performance.now();
    expect(fieldsFromMessage(message)).toEqual(['input']);
    // The patterns it replaced took seconds here; generous for a loaded machine.
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe(formatGraphqlError.name, () => {
  it('answers request errors as BAD_USER_INPUT, keeping the kind in reason', () => {
    expect(validationError('Cannot query field "mee" on type "Query".')).toEqual({
      message: 'Cannot query field "mee" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED', fields: [] },
    });
  });

  it('keeps fields an error already names instead of reading the message', () => {
    const error = new GraphQLError('Variable "$input" got an invalid value at "input": ...', { extensions: { code: 'BAD_USER_INPUT', fields: ['input.isAdmin'] } });
    expect(formatGraphqlError(error.toJSON(), error).extensions?.fields).toEqual(['input.isAdmin']);
  });

  it('caps the size of every message and the number of fields', () => {
    expect(validationError(`Expected value of type "Int", found "${'9'.repeat(100_000)}".`).message).toHaveLength(1001);
    const tooMany = new BadUserInputError(
      'x'.repeat(5000),
      Array.from({ length: 500 }, (_, i) => `input.items.${i}`),
    );
    const formatted = formatGraphqlError({ message: tooMany.message }, tooMany);
    expect(formatted.message).toHaveLength(1001);
    expect(formatted.extensions?.fields).toHaveLength(50);
  });
});
