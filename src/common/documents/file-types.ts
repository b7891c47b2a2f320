import { isUtf8 } from 'node:buffer';

/**
 * The document types the workroom accepts, recognised by their first bytes (never by the name or
 * the declared type alone): PDF, TIFF, PNG, JPEG, and plain text / CSV (valid UTF-8 without NUL bytes).
 */
const SIGNATURES: [type: string, magic: number[][]][] = [
  ['application/pdf', [[0x25, 0x50, 0x44, 0x46, 0x2d]]],
  ['image/png', [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
  ['image/jpeg', [[0xff, 0xd8, 0xff]]],
  [
    'image/tiff',
    [
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
    ],
  ],
];
const TEXT_TYPES = new Set(['text/plain', 'text/csv']);

/** The content type to store for `bytes` declared as `declared`, or null when it is not allowed or does not match. */
export function acceptedContentType(bytes: Buffer, declared: string): string | null {
  const base = declared.split(';')[0].trim().toLowerCase();
  for (const [type, magics] of SIGNATURES) {
    if (magics.some((magic) => magic.every((byte, i) => bytes[i] === byte))) return base === type ? type : null;
  }
  // node:buffer's isUtf8 checks in place; decoding to check made a string as large as the file on the heap.
  if (TEXT_TYPES.has(base) && !bytes.includes(0) && isUtf8(bytes)) return base;
  return null;
}

/** A filename safe to store and echo: the last path segment, no control characters, at most 200 characters. */
export function safeFilename(raw: string | undefined): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const name = [...last]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim();
  return (name || 'document').slice(0, 200);
}
