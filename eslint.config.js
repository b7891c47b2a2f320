import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const noSynchronize = { selector: "Property[key.name='synchronize'][value.value=true]", message: 'The schema comes from migrations only.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Formatting is Prettier's (`npm run format`, checked by `npm run lint`): ESLint's style rules off.
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noSynchronize],
    },
  },
  {
    // A resolver applies guards, unpacks arguments, calls a service and maps the result; its types live in dto/.
    files: ['src/**/*.resolver.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noSynchronize,
        {
          selector: 'Decorator[expression.callee.name=/^(ObjectType|InputType|ArgsType)$/]',
          message: "GraphQL models, inputs and args live in the module's dto/ folder (dto/<name>.model.ts, .input.ts, .args.ts).",
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'it', property: 'only' }, { object: 'describe', property: 'only' }, { object: 'it', property: 'skip' }, { object: 'describe', property: 'skip' }],
    },
  },
);
