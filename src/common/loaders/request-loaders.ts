import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';

/**
 * The DataLoaders of one GraphQL request. A feature asks for its loader by name and gives the
 * batch function the first time; later calls in the same request reuse it, so `@ResolveField`s
 * batch their lookups instead of querying once per row.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders batch results to match `keys`, with `null` where nothing was found. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** Groups batch results by key, in the order of `keys` (an empty list where nothing was found); rows keep their order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

export const Loaders = createParamDecorator((_data: unknown, context: ExecutionContext): RequestLoaders => {
  return GqlExecutionContext.create(context).getContext<{ loaders: RequestLoaders }>().loaders;
});
