import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CONTRACT_PERMISSIONS } from './contracts/contract-access.service.js';
import { ORGANIZATION_PERMISSIONS } from './organizations/organization-access.service.js';
import { PermissionTable } from './common/auth/access-gate.js';

/** The rows of docs/security.md's table for `concept`: permission -> the standings marked "yes", in the columns' order. */
function documented(concept: string, columns: string[]): Record<string, string[]> {
  const doc = readFileSync(new URL('../docs/security.md', import.meta.url), 'utf8');
  const rows = doc.split('\n').filter((line) => line.startsWith(`| \`${concept}.`));
  return Object.fromEntries(
    rows.map((line) => {
      const [permission, ...cells] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return [permission.replace(/`/g, ''), columns.filter((_, i) => cells[i] === 'yes')];
    }),
  );
}

const inCode = (table: PermissionTable<string, string>, columns: string[]) =>
  Object.fromEntries(Object.entries(table).map(([permission, rule]) => [permission, columns.filter((standing) => rule.holders.includes(standing))]));

describe('permission tables', () => {
  it('documents the organization permissions as the code grants them', () => {
    const columns = ['OWNER', 'ADMIN', 'MEMBER', 'platform-admin'];
    expect(documented('organization', columns)).toEqual(inCode(ORGANIZATION_PERMISSIONS, columns));
  });

  it('documents the contract permissions as the code grants them', () => {
    const columns = ['provider', 'practice-member', 'coder', 'platform-admin'];
    expect(documented('contract', columns)).toEqual(inCode(CONTRACT_PERMISSIONS, columns));
  });

  it('gives admins no contract permission but reading', () => {
    expect(Object.entries(CONTRACT_PERMISSIONS).filter(([, rule]) => (rule.holders as readonly string[]).includes('platform-admin'))).toEqual([['contract.read', expect.anything()]]);
  });
});
