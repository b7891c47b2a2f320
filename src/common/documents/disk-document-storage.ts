import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedStorageKey, DocumentStorage } from './document-storage.js';

/** `DOCUMENT_STORAGE=disk`: files under `$DATA_DIR/documents`, written atomically (temp file + rename). One machine only. */
export class DiskDocumentStorage extends DocumentStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, ciphertext: Buffer): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const path = this.pathOf(key);
    await writeFile(`${path}.tmp`, ciphertext, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return join(this.root, `${checkedStorageKey(key)}.enc`);
  }
}
