import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations in client/operations, checked against schema.graphql:
 * `npm run codegen` writes client/generated/ (committed), `npm run codegen:check` fails when the
 * operations do not validate or the committed files are stale. The persisted-documents manifest
 * (sha256 of each document -> its text) is what TRUSTED_DOCUMENTS=only accepts.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'client/generated/': {
      preset: 'client',
      presetConfig: {
        // Plain result types: a screen reads a fragment's fields directly (no useFragment unmasking).
        fragmentMasking: false,
        // sha256, the hash APQ clients send (`extensions.persistedQuery.sha256Hash`).
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        // ES modules under `moduleResolution: nodenext`: relative imports end in `.js`.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', SafeInt: 'number' },
      },
    },
  },
};

export default config;
