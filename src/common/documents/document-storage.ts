import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Where the ciphertext of encrypted documents (workroom documents, credential certificates) lives:
 * `DOCUMENT_STORAGE=disk` (DiskDocumentStorage, one machine's `$DATA_DIR/documents`) or `s3`
 * (S3DocumentStorage, a bucket every instance shares). Injected by this class; the implementation
 * is chosen once, in CommonModule. Only ciphertext is ever handed to it: encryption and decryption
 * happen in the services, so a store sees what an attacker holding it would.
 */
export abstract class DocumentStorage {
  /** Stores `ciphertext` under `key`, whole or not at all (a failed store leaves nothing readable behind). */
  abstract put(key: string, ciphertext: Buffer): Promise<void>;
  /** The ciphertext stored under `key`; fails when it is missing (a destroyed or lost document). */
  abstract get(key: string): Promise<Buffer>;
  /** Removes the stored bytes; a key already gone is not an error (destruction is retried). */
  abstract delete(key: string): Promise<void>;
}

/**
 * The store could not be reached or refused the request (network, credentials, missing bucket): the
 * document is fine, the request may be retried. Answers 503 with `reason` and `retryable`, in the
 * error shape of every REST answer; what went wrong is logged by the storage, never sent.
 */
export class DocumentStorageUnavailableError extends HttpException {
  constructor() {
    super({ message: 'Document storage is unavailable: nothing was stored or read; try again shortly', reason: 'DOCUMENT_STORAGE_UNAVAILABLE', retryable: true }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/**
 * The store answered, but holds no object under the document's key (a lost object, or a store
 * misconfigured: another bucket, a wrong S3_KEY_PREFIX or DATA_DIR). Not tampering and not the
 * caller's doing: 503 with reason DOCUMENT_MISSING, not retryable until an operator restores the
 * object or the configuration. The storage logs the bucket and key (or path) at error level.
 */
export class DocumentMissingError extends HttpException {
  constructor() {
    super({ message: 'The stored file of this document is missing: it was not served; the operators are alerted', reason: 'DOCUMENT_MISSING', retryable: false }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/** A storage key is the document's own UUID (never a client's string): checked before it names a file or an object. */
export function checkedStorageKey(key: string): string {
  if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
  return key;
}
