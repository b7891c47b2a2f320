import { Controller, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/auth/actor.js';
import { CurrentUser, RequiresVerifiedEmail } from '../common/auth/decorators.js';
import { auditContextOf } from './audit-log.service.js';
import { DocumentIntegrityError, DocumentsService, IncomingDocument } from './documents.service.js';
import { acceptedContentType, safeFilename } from './file-types.js';

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

const tooLarge = () => new HttpException('The file is larger than MAX_DOCUMENT_BYTES', HttpStatus.PAYLOAD_TOO_LARGE);
const notOneFile = () => new HttpException('Send exactly one file, in the field "file"', HttpStatus.BAD_REQUEST);

/**
 * The one file of a multipart upload, checked: within MAX_DOCUMENT_BYTES (413), not empty (400), of an
 * accepted type (415), and alone (400): the body is read to its end, so a second file is seen and
 * refused rather than silently dropped (multipart `limits.files` is 1: it arrives as a files-limit error).
 */
async function readDocument(request: FastifyRequest): Promise<IncomingDocument> {
  try {
    let document: IncomingDocument | undefined;
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue; // plain form fields are ignored (limits.fields and fieldSize bound them)
      if (document || part.fieldname !== 'file') {
        part.file.resume();
        throw notOneFile();
      }
      document = await checkedDocument(part);
    }
    if (!document) throw notOneFile();
    return document;
  } catch (error) {
    if (error instanceof HttpException) throw error;
    if ((error as { code?: unknown }).code === 'FST_FILES_LIMIT') throw notOneFile();
    // @fastify/multipart's own limits carry their status (413); anything else is a malformed or cut-off body.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) throw new HttpException((error as Error).message, status);
    throw new HttpException('The multipart body is malformed or ended early', HttpStatus.BAD_REQUEST);
  }
}

async function checkedDocument(file: MultipartFile): Promise<IncomingDocument> {
  const bytes = await bytesWithinLimit(file.file);
  if (bytes.length === 0) throw new HttpException('The file is empty', HttpStatus.BAD_REQUEST);
  const contentType = acceptedContentType(bytes, file.mimetype);
  if (!contentType) throw new HttpException('Only PDF, TIFF, PNG, JPEG, plain text and CSV files are accepted, and their content must match their type', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  return { filename: safeFilename(file.filename), contentType, bytes };
}

/**
 * Collects a file that busboy cuts at MAX_DOCUMENT_BYTES (`limits.fileSize` in app.factory.ts), failing
 * with 413 as soon as it is cut: at most the limit is held, and the rest of the body is not waited for
 * (busboy discards it as it arrives). The cut can fall between two chunks, after the last byte read
 * here, so the bytes seen cannot tell a file of exactly the limit from a longer one: busboy's
 * `truncated` flag and 'limit' event can. The flag may already be set (busboy cuts while parsing the
 * chunk that opened the file, before this runs), and the 'limit' event covers a cut that comes later.
 */
function bytesWithinLimit(stream: MultipartFile['file']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const cut = () => {
      chunks.length = 0;
      reject(tooLarge());
    };
    // Keep the stream flowing even once cut, so busboy can discard the rest of the body.
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('error', reject);
    stream.once('end', () => {
      if (stream.truncated) return cut();
      const bytes = Buffer.concat(chunks);
      chunks.length = 0; // the request keeps this stream (and so these chunks) until it ends: one copy is enough
      resolve(bytes);
    });
    if (stream.truncated) cut();
    else stream.once('limit', cut);
  });
}
