import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// `no-restricted-syntax` takes one list per file: each block below repeats the lists that apply to its files.
const noSynchronize = { selector: "Property[key.name='synchronize'][value.value=true]", message: 'The schema comes from migrations only.' };
// TypeORM's `query` answers `any`, and `[rows, count]` for UPDATE and DELETE but bare rows otherwise: one helper types the rows.
const queryRowsMessage = 'Read raw SQL rows with queryRows<T>(runner, sql, parameters) from src/database/query-rows.ts, not from query().';
const noQueryCast = { selector: "TSAsExpression > AwaitExpression > CallExpression[callee.property.name='query']", message: queryRowsMessage };
const noQueryResult = { selector: "VariableDeclarator > AwaitExpression > CallExpression[callee.property.name='query']", message: queryRowsMessage };
const noGraphqlTypesInResolvers = {
  selector: 'Decorator[expression.callee.name=/^(ObjectType|InputType|ArgsType)$/]',
  message: "GraphQL models, inputs and args live in the module's dto/ folder (dto/<name>.model.ts, .input.ts, .args.ts).",
};

export default tseslint.config(
  // client/generated/ is written by `npm run codegen` (checked by `npm run codegen:check`), not by hand.
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'bench/results/**', 'client/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Formatting is Prettier's (`npm run format`, checked by `npm run lint`): ESLint's style rules off.
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noSynchronize, noQueryCast],
    },
  },
  {
    // Features read SQL results through queryRows; the driver-level code (pg clients) keeps its own.
    files: ['src/**/*.ts'],
    ignores: ['src/database/**', 'src/bootstrap/**'],
    rules: { 'no-restricted-syntax': ['error', noSynchronize, noQueryCast, noQueryResult] },
  },
  {
    // A resolver applies guards, unpacks arguments, calls a service and maps the result; its types live in dto/.
    files: ['src/**/*.resolver.ts'],
    rules: {
      'no-restricted-syntax': ['error', noSynchronize, noQueryCast, noQueryResult, noGraphqlTypesInResolvers],
    },
  },
  {
    // Money code rounds through the rules of src/domain/money.ts (fee, work amounts, collections share).
    files: ['src/contracts/**/*.ts', 'src/payments/**/*.ts'],
    ignores: ['src/payments/gateway/**'],
    rules: {
      'no-restricted-properties': ['error', ...['round', 'floor', 'ceil', 'trunc'].map((property) => ({ object: 'Math', property, message: 'Money rounding rules live in src/domain/money.ts.' }))],
    },
  },
  {
    // The public schema (`npm run schema:print`) is the API's documentation: every type, field,
    // argument, enum value and input field says what it means to a client; names follow GraphQL's conventions.
    files: ['schema.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema.graphql' } } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
          ScalarTypeDefinition: true,
          rootField: true,
          // Code-first NestJS cannot describe the root types themselves; every root field is described.
          ignoredSelectors: ['ObjectTypeDefinition[name.value=/^(Query|Mutation|Subscription)$/]'],
        },
      ],
      '@graphql-eslint/naming-convention': [
        'error',
        {
          types: 'PascalCase',
          FieldDefinition: 'camelCase',
          InputValueDefinition: 'camelCase',
          // Review.authorSide answered the strings `provider` and `coder` before it became an enum: its values keep them.
          EnumValueDefinition: { style: 'UPPER_CASE', ignorePattern: '^(provider|coder)$' },
          allowLeadingUnderscore: false,
          allowTrailingUnderscore: false,
        },
      ],
      '@graphql-eslint/no-unreachable-types': 'error',
      // Off: payloads and value objects (AuthPayload, PageInfo, MyEarnings, CoderMatch...) have no identity of their own.
      '@graphql-eslint/strict-id-in-types': 'off',
      '@graphql-eslint/relay-connection-types': 'error',
      // Forward pagination only: every connection field takes `first` and `after`.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
      // Pagination is forward only (`first`/`after`, docs/api.md): PageInfo has no hasPreviousPage / startCursor.
      '@graphql-eslint/relay-page-info': 'off',
      '@graphql-eslint/no-hashtag-description': 'error',
      '@graphql-eslint/unique-enum-value-names': 'off',
    },
  },
  // The layers (README, Map), top to bottom: composition root > feature modules > common/ >
  // database/ (utilities) > domain/, config/. An import may point down or sideways, never up.
  {
    files: ['src/**/*.ts', 'migrations/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        { type: 'root', pattern: 'src/bootstrap', partialMatch: false },
        { type: 'common', pattern: 'src/common', partialMatch: false },
        { type: 'database', pattern: 'src/database', partialMatch: false },
        { type: 'domain', pattern: 'src/domain', partialMatch: false },
        { type: 'config', pattern: 'src/config', partialMatch: false },
        { type: 'feature', pattern: 'src/*', capture: ['feature'], partialMatch: false },
        // What is left in src/: main.ts, app.module.ts, app.factory.ts.
        { type: 'root', pattern: 'src', partialMatch: false },
        { type: 'migrations', pattern: 'migrations', partialMatch: false },
        { type: 'tooling', pattern: ['test', 'bench', 'scripts'], partialMatch: false },
      ],
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkUnknownLocals: true,
          message: 'Imports point down the layers (composition root > features > common > database > domain, config): {{from.type}} may not import {{to.type}}',
          policies: [
            { from: { element: { type: 'root' } }, allow: { to: { element: { types: ['root', 'feature', 'common', 'database', 'domain', 'config', 'migrations'] } } } },
            { from: { element: { type: 'feature' } }, allow: { to: { element: { types: ['feature', 'common', 'database', 'domain', 'config'] } } } },
            { from: { element: { type: 'common' } }, allow: { to: { element: { types: ['common', 'database', 'domain', 'config'] } } } },
            { from: { element: { type: 'database' } }, allow: { to: { element: { types: ['database', 'domain', 'config'] } } } },
            { from: { element: { type: 'domain' } }, allow: { to: { element: { types: ['domain'] } } } },
            { from: { element: { type: 'config' } }, allow: { to: { element: { types: ['config'] } } } },
          ],
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
