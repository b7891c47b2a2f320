// Prints the code-first GraphQL schema to schema.graphql without starting the app or a database.
// `--check` compares instead and exits 1 when the committed file differs from the code.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { FEATURE_MODULES } from '../src/app.module.js';

const SCHEMA_FILE = new URL('../schema.graphql', import.meta.url);

/** Resolver and scalar classes provided by `modules` and the modules they import. */
function collectSchemaClasses(modules: unknown[], seen = new Set<unknown>()): { resolvers: Function[]; scalars: Function[] } {
  const resolvers: Function[] = [];
  const scalars: Function[] = [];
  for (const module of modules) {
    if (typeof module !== 'function' || seen.has(module)) continue;
    seen.add(module);
    for (const provider of (Reflect.getMetadata('providers', module) ?? []) as unknown[]) {
      if (typeof provider !== 'function') continue;
      if (Reflect.hasMetadata('graphql:resolver_type', provider)) resolvers.push(provider);
      if (Reflect.hasMetadata('graphql:scalar_name', provider)) scalars.push(provider);
    }
    const nested = collectSchemaClasses((Reflect.getMetadata('imports', module) ?? []) as unknown[], seen);
    resolvers.push(...nested.resolvers);
    scalars.push(...nested.scalars);
  }
  return { resolvers, scalars };
}

export async function printCodeFirstSchema(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const { resolvers, scalars } = collectSchemaClasses(FEATURE_MODULES);
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers, scalars);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

const printed = await printCodeFirstSchema();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // missing file: reported as drift below
  }
  if (committed !== printed) {
    process.stderr.write('schema.graphql does not match the code: run `npm run schema:print` and commit the result.\n');
    process.exit(1);
  }
  process.stdout.write('schema.graphql matches the code.\n');
} else {
  writeFileSync(SCHEMA_FILE, printed);
  process.stdout.write('schema.graphql written.\n');
}
