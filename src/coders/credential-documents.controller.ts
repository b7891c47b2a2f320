import { Controller, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { readDocument } from '../common/documents/multipart-document.js';
import { UserRole } from '../domain/user-role.enum.js';
import { CredentialDocumentIntegrityError, CredentialsService } from './credentials.service.js';

/**
 * Credential certificates over REST, as workroom documents: multipart upload (field `file`, the same
 * size limit and file-type checks), download by the coder who uploaded it and ADMINs only.
 */
@Controller()
export class CredentialDocumentsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Roles(UserRole.CODER)
  @Post('credential-documents')
  @HttpCode(201)
  async upload(@CurrentUser() actor: Actor, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw new HttpException('Send multipart/form-data with one file in the field "file"', HttpStatus.BAD_REQUEST);
    const document = await this.credentials.uploadDocument(actor, () => readDocument(request));
    return { id: document.id, filename: document.filename, contentType: document.contentType, sizeBytes: document.sizeBytes, createdAt: document.createdAt };
  }

  @Get('credential-documents/:id')
  async download(@CurrentUser() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Res() reply: FastifyReply): Promise<void> {
    try {
      const { document, bytes } = await this.credentials.downloadDocument(actor, id);
      await reply
        .header('content-type', document.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    } catch (error) {
      if (error instanceof CredentialDocumentIntegrityError) throw new HttpException('The stored document failed its integrity check and was not served', HttpStatus.INTERNAL_SERVER_ERROR);
      throw error;
    }
  }
}
