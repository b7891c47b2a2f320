// The bench's anchor for the stack itself: a bare NestJS + Apollo (Fastify) app with one `hello`
// query, no guards, plugins, interceptors, pipes, database or logger. Built like the app
// (`swc` into dist/bench/anchors/hello) and started like it (`node` with `npm start`'s flags,
// NODE_ENV=production). The bench measures `{ hello }` here and `{ __typename }` on the app in
// the same rounds: the ratio is what the project's own global machinery costs a request.
import 'reflect-metadata';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

@Resolver()
class HelloResolver {
  @Query(() => String)
  hello(): string {
    return 'world';
  }
}

@Module({
  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, graphiql: false, introspection: false })],
  providers: [HelloResolver],
})
class HelloModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter(), { logger: ['error'] });
  await app.listen({ port: Number(process.env.PORT ?? 3001), host: process.env.HOST ?? '127.0.0.1' });
  process.stdout.write('hello anchor listening\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`hello anchor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
