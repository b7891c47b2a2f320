import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'True when more items follow `endCursor`.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1..${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

/**
 * Arguments of a plain list field bounded by the client (a coder's reviews, a contract's work logs):
 * the first `first` items, at most MAX_PAGE_SIZE. Cost them with `connectionComplexity`.
 */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items, 1..${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /**
   * A number, or a promise from a getter that GraphQL reads only when the client selects
   * `totalCount`, so unrequested counts cost nothing.
   */
  totalCount: number | Promise<number>;
}

/**
 * The same page with each node mapped (entity -> GraphQL model, in the resolver). `totalCount`
 * stays a getter, so the count still runs only when the client selects it.
 */
export function mapConnection<T, N>(connection: ConnectionShape<T>, toNode: (node: T) => N): ConnectionShape<N> {
  return {
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })),
    pageInfo: connection.pageInfo,
    get totalCount() {
      return connection.totalCount;
    },
  };
}

/**
 * Builds the `XConnection` / `XEdge` object types for a node type:
 * `@ObjectType() export class OrganizationConnection extends Connection(Organization) {}`.
 */
export function Connection<T>(nodeType: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType(`${nodeType.name}Edge`, { description: `An edge holding one ${nodeType.name}.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${nodeType.name} itself.` })
    node: T;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'This page of items, in the order of the list; empty past the end.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursor to ask for them.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filters (counted only when selected); a RELEVANCE text search pages through its ranking window only, which can be fewer.' })
    totalCount: number | Promise<number>;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/** Query cost of a connection, or of a list field with `first` (`ListArgs`): its children, once per requested item. */
export function connectionComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + Math.max(first, 1) * childComplexity;
}

/**
 * Query cost of a list field whose length the data bounds, not the client (a coder's credentials:
 * one per credential type): its children, `assumedSize` times. The assumed size is what a row
 * usually holds; the field's hard bound is small and needs no further query, so costing every
 * row at the bound would only refuse ordinary directory pages.
 */
export function boundedListComplexity(assumedSize: number): (args: ComplexityEstimatorArgs) => number {
  return ({ childComplexity }) => 1 + assumedSize * childComplexity;
}
