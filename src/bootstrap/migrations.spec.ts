import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS } from './migrations.js';

describe('MIGRATIONS', () => {
  it('lists every file in migrations/, oldest first', () => {
    const files = readdirSync(fileURLToPath(new URL('../../migrations', import.meta.url))).filter((f) => f.endsWith('.ts'));
    const fromFiles = files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')).sort((x, y) => Number(x.replace(/\D/g, '')) - Number(y.replace(/\D/g, '')));
    expect(MIGRATIONS.map((m) => m.name)).toEqual(fromFiles);
  });
});
