import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The feature folder a file belongs to: the first folder under src/. */
const moduleOf = (path: string) => relative(SRC, path).split(sep)[0];

/**
 * A module reads and writes its own tables only; another module's rows are reached through the
 * owning module's exported service (its finders, `lockForUpdate`, or a subquery it hands out).
 * Entity files are left out (their relations name other entities), so is nothing else.
 */
describe('table ownership', () => {
  it("has no service name another module's table in SQL or as a repository", () => {
    const files = sourceFiles(SRC);
    const tableOwner = new Map<string, string>();
    const entityOwner = new Map<string, string>();
    for (const path of files) {
      for (const [, table, entity] of readFileSync(path, 'utf8').matchAll(/@Entity\('(\w+)'\)[^]*?export class (\w+)/g)) {
        tableOwner.set(table, moduleOf(path));
        entityOwner.set(entity, moduleOf(path));
      }
    }
    expect(tableOwner.size).toBeGreaterThan(20);

    const trespasses: string[] = [];
    for (const path of files.filter((file) => !/\.entit(y|ies)\.ts$/.test(file))) {
      const text = readFileSync(path, 'utf8');
      const module = moduleOf(path);
      for (const [, table] of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?(\w+)"?/g)) {
        const owner = tableOwner.get(table);
        if (owner && owner !== module) trespasses.push(`${relative(SRC, path)}: table ${table} (${owner})`);
      }
      for (const [, entity] of text.matchAll(/(?:getRepository|InjectRepository|into|from|innerJoin|leftJoin)\((\w+Entity)\b/g)) {
        const owner = entityOwner.get(entity);
        if (owner && owner !== module) trespasses.push(`${relative(SRC, path)}: repository of ${entity} (${owner})`);
      }
    }
    expect(trespasses).toEqual([]);
  });
});
