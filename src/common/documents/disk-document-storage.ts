import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { checkedStorageKey, DocumentMissingError, DocumentStorage } from './document-storage.js';

/** `DOCUMENT_STORAGE=disk`: files under `$DATA_DIR/documents`, written atomically (temp file + rename). One machine only. */
export class DiskDocumentStorage extends DocumentStorage {
  private readonly logger = new Logger(DiskDocumentStorage.name);

  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, ciphertext: Buffer): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const path = this.pathOf(key);
    await writeFile(`${path}.tmp`, ciphertext, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }

  async get(key: string): Promise<Buffer> {
    const path = this.pathOf(key);
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.logger.error({ path }, 'document missing: no file to read');
      throw new DocumentMissingError();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return join(this.root, `${checkedStorageKey(key)}.enc`);
  }
}
