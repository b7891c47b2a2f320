import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError } from '../common/errors/app-error.js';
import type { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { byCreatedAt, paginate } from '../common/pagination/paginate.js';
import { AppConfig } from '../config/app-config.js';
import { AuditContext, AuditLogService } from './audit-log.service.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentMissingError, DocumentStorage, DocumentStorageUnavailableError } from '../common/documents/document-storage.js';
import { TamperedCiphertextError } from '../common/crypto/aead.js';
import { decryptDocument, encryptDocument } from '../common/documents/envelope-crypto.js';
import type { IncomingDocument } from '../common/documents/multipart-document.js';
import { UploadSlots } from '../common/documents/upload-slots.js';
import { AuditOutcome } from './audit-outcome.enum.js';
import { WorkroomAccessService } from './workroom-access.service.js';

export class DocumentIntegrityError extends Error {}

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    private readonly storage: DocumentStorage,
    private readonly access: WorkroomAccessService,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
    private readonly uploadSlots: UploadSlots,
  ) {}

  /**
   * Encrypts and stores a file for a contract (envelope encryption); only ciphertext reaches the storage.
   * `read` yields the file and is called only once access is granted (party, contract state, BAA), so
   * a caller who may not write never makes the server read an upload; a file refused while being read
   * is recorded as a FAILED upload.
   */
  async upload(actor: Actor, contractId: string, read: () => Promise<IncomingDocument>, context: AuditContext): Promise<DocumentEntity> {
    const id = randomUUID();
    await this.access.require(actor, contractId, { mode: 'write' }, context, { subjectType: 'document', subjectId: id, action: 'UPLOAD' });
    let release = () => undefined as void;
    try {
      let file: IncomingDocument;
      try {
        // A slot for as long as the file is in memory (read, encrypted, stored); none left: TOO_MANY_REQUESTS, body unread.
        release = this.uploadSlots.acquire(actor.id);
        file = await read();
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
        await this.audit.record(actor, context, { contractId, subjectType: 'document', subjectId: id, action: 'UPLOAD', outcome: AuditOutcome.FAILED, detail: `file refused: ${reason}` });
        throw error;
      }
      const { ciphertext, wrappedKey } = encryptDocument(this.config.documentKey, id, file.bytes);
      try {
        await this.storage.put(id, ciphertext);
      } catch (error) {
        if (error instanceof DocumentStorageUnavailableError)
          await this.audit.record(actor, context, { contractId, subjectType: 'document', subjectId: id, action: 'UPLOAD', outcome: AuditOutcome.FAILED, detail: 'document storage unavailable' });
        throw error;
      }
      return await this.documents.save({ id, contractId, uploadedById: actor.id, filename: file.filename, contentType: file.contentType, sizeBytes: file.bytes.length, storageKey: id, wrappedKey });
    } finally {
      release();
    }
  }

  /** Decrypts a document for a party; a tampered file is reported and never served. */
  async download(actor: Actor, id: string, context: AuditContext): Promise<{ document: DocumentEntity; bytes: Buffer }> {
    const document = await this.documents.findOneBy({ id });
    if (!document) {
      await this.audit.record(actor, context, { contractId: null, subjectType: 'document', subjectId: id, action: 'DOWNLOAD', outcome: AuditOutcome.DENIED, detail: 'no such document' });
      throw new NotFoundError('Document');
    }
    await this.access.require(actor, document.contractId, { mode: 'read', subject: 'Document' }, context, { subjectType: 'document', subjectId: id, action: 'DOWNLOAD' });
    if (!document.wrappedKey || !document.storageKey) throw new ConflictError("This document was destroyed after the contract's retention period", { reason: 'PHI_DESTROYED' });
    try {
      return { document, bytes: decryptDocument(this.config.documentKey, id, document.wrappedKey, await this.storage.get(document.storageKey)) };
    } catch (error) {
      // Every failed read is recorded; only what it tells the caller differs.
      const failed = (detail: string) =>
        this.audit.record(actor, context, { contractId: document.contractId, subjectType: 'document', subjectId: id, action: 'DOWNLOAD', outcome: AuditOutcome.FAILED, detail });
      // The store is down, not the document: a retryable 503.
      if (error instanceof DocumentStorageUnavailableError) {
        await failed('document storage unavailable');
        throw error;
      }
      // No object under its key (logged by the storage with bucket and key): 503 DOCUMENT_MISSING, not tampering.
      if (error instanceof DocumentMissingError) {
        await failed('stored file missing');
        throw error;
      }
      const reason = error instanceof TamperedCiphertextError ? 'integrity check failed' : 'stored file unreadable';
      this.logger.error(`document ${id} ${reason}`);
      await failed(reason);
      throw new DocumentIntegrityError(reason);
    }
  }

  async list(actor: Actor, contractId: string, context: AuditContext): Promise<DocumentEntity[]> {
    await this.access.require(actor, contractId, { mode: 'read' }, context, { subjectType: 'document', subjectId: null, action: 'LIST' });
    return this.documents.find({ where: { contractId }, order: { createdAt: 'DESC' } });
  }

  /** `list` one keyset page at a time, newest first (read access, audited like `list`). */
  async page(actor: Actor, contractId: string, args: ConnectionArgs, context: AuditContext): Promise<ConnectionShape<DocumentEntity>> {
    await this.access.require(actor, contractId, { mode: 'read' }, context, { subjectType: 'document', subjectId: null, action: 'LIST' });
    return paginate(this.documents.createQueryBuilder('d').where('d.contractId = :contractId', { contractId }), args, byCreatedAt('d', 'DESC'));
  }
}
