import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** Where encrypted document bytes live. Local disk now; an S3-compatible adapter can implement the same port. */
export abstract class DocumentStorage {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
}

/** Files under `$DATA_DIR/documents`, written atomically (temp file + rename), ciphertext only. */
export class LocalDiskStorage extends DocumentStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const path = this.pathOf(key);
    await writeFile(`${path}.tmp`, bytes, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
    return join(this.root, `${key}.enc`);
  }
}
