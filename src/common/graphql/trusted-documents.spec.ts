import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../../config/startup-error.js';
import { loadManifest } from './trusted-documents.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe(loadManifest.name, () => {
  const withFile = (content: string, check: (path: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'chartbridge-manifest-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), content);
      check(join(dir, 'manifest.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('reads the generated manifest: every entry is the sha256 of its document', () => {
    const sut = loadManifest('client/generated/persisted-documents.json');
    expect(sut.size).toBeGreaterThan(20);
    for (const [hash, text] of sut) expect(sha256(text)).toBe(hash);
  });

  it('stops the start, naming the variable, when the file is missing, not JSON, empty, or an entry is not its hash', () => {
    const ping = 'query Ping { __typename }';
    expect(() => loadManifest('/nonexistent/manifest.json')).toThrow(StartupError);
    expect(() => loadManifest('/nonexistent/manifest.json')).toThrow(/^TRUSTED_DOCUMENTS_MANIFEST: cannot read/);
    withFile('not json', (path) => expect(() => loadManifest(path)).toThrow(/^TRUSTED_DOCUMENTS_MANIFEST: cannot read .* as JSON/));
    withFile('[]', (path) => expect(() => loadManifest(path)).toThrow(/^TRUSTED_DOCUMENTS_MANIFEST: .* must be a JSON object/));
    withFile('{}', (path) => expect(() => loadManifest(path)).toThrow(/^TRUSTED_DOCUMENTS_MANIFEST: .* lists no documents/));
    withFile(JSON.stringify({ ['0'.repeat(64)]: ping }), (path) => expect(() => loadManifest(path)).toThrow(/^TRUSTED_DOCUMENTS_MANIFEST: the entry 0000000000000000… .* is not the sha256/));
    withFile(JSON.stringify({ [sha256(ping)]: ping }), (path) => expect([...loadManifest(path)]).toEqual([[sha256(ping), ping]]));
  });
});
