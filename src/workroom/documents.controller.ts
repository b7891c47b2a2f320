import { Controller, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { auditContextOf } from './audit-log.service.js';
import { DocumentIntegrityError, DocumentsService } from './documents.service.js';
import { acceptedContentType, safeFilename } from './file-types.js';

/** PHI documents over REST: multipart upload (field `file`) and download, parties only. */
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('contracts/:id/documents')
  @HttpCode(201)
  async upload(@CurrentUser() actor: Actor, @Param('id', new ParseUUIDPipe()) contractId: string, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw new HttpException('Send multipart/form-data with one file in the field "file"', HttpStatus.BAD_REQUEST);
    const file = await request.file();
    if (!file || file.fieldname !== 'file') throw new HttpException('Send one file in the field "file"', HttpStatus.BAD_REQUEST);
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch {
      throw new HttpException('The file is larger than MAX_DOCUMENT_BYTES', HttpStatus.PAYLOAD_TOO_LARGE);
    }
    if (bytes.length === 0) throw new HttpException('The file is empty', HttpStatus.BAD_REQUEST);
    const contentType = acceptedContentType(bytes, file.mimetype);
    if (!contentType) throw new HttpException('Only PDF, TIFF, PNG, JPEG, plain text and CSV files are accepted, and their content must match their type', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    const document = await this.documents.upload(actor, contractId, { filename: safeFilename(file.filename), contentType, bytes }, auditContextOf(request));
    return { id: document.id, filename: document.filename, contentType: document.contentType, sizeBytes: document.sizeBytes, createdAt: document.createdAt };
  }

  @Get('documents/:id')
  async download(@CurrentUser() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const { document, bytes } = await this.documents.download(actor, id, auditContextOf(request));
      await reply
        .header('content-type', document.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    } catch (error) {
      if (error instanceof DocumentIntegrityError) throw new HttpException('The stored document failed its integrity check and was not served; the incident is recorded', HttpStatus.INTERNAL_SERVER_ERROR);
      throw error;
    }
  }
}
