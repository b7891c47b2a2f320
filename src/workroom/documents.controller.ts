import { Controller, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, RequiresVerifiedEmail } from '../common/auth/decorators.js';
import { auditContextOf } from './audit-log.service.js';
import { readDocument } from '../common/documents/multipart-document.js';
import { DocumentIntegrityError, DocumentsService } from './documents.service.js';

/** PHI documents over REST: multipart upload (field `file`) and download, parties only. */
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @RequiresVerifiedEmail()
  @Post('contracts/:id/documents')
  @HttpCode(201)
  async upload(@CurrentUser() actor: Actor, @Param('id', new ParseUUIDPipe()) contractId: string, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw new HttpException('Send multipart/form-data with one file in the field "file"', HttpStatus.BAD_REQUEST);
    // The service reads the body only once access is settled, so a refused caller is answered unread.
    const document = await this.documents.upload(actor, contractId, () => readDocument(request), auditContextOf(request));
    return { id: document.id, filename: document.filename, contentType: document.contentType, sizeBytes: document.sizeBytes, createdAt: document.createdAt };
  }

  @RequiresVerifiedEmail()
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
      if (error instanceof DocumentIntegrityError)
        throw new HttpException('The stored document failed its integrity check and was not served; the incident is recorded', HttpStatus.INTERNAL_SERVER_ERROR);
      throw error;
    }
  }
}
