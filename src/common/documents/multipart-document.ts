import { HttpException, HttpStatus } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { acceptedContentType, safeFilename } from './file-types.js';

/** An uploaded file, read and checked (size, type, one file) from a multipart body. */
export interface IncomingDocument {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

const tooLarge = () => new HttpException('The file is larger than MAX_DOCUMENT_BYTES', HttpStatus.PAYLOAD_TOO_LARGE);
const notOneFile = () => new HttpException('Send exactly one file, in the field "file"', HttpStatus.BAD_REQUEST);

/**
 * The one file of a multipart upload, checked: within MAX_DOCUMENT_BYTES (413), not empty (400), of an
 * accepted type (415), and alone (400): the body is read to its end, so a second file is seen and
 * refused rather than silently dropped (multipart `limits.files` is 1: it arrives as a files-limit error).
 */
export async function readDocument(request: FastifyRequest): Promise<IncomingDocument> {
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
