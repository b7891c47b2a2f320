import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections in all. */
  maxConnections: number;
  /** Open connections per peer address; null when peers are trusted proxies (they stand for many clients). */
  maxPerAddress: number | null;
}

/**
 * Caps the connections `server` holds open (HTTP and WebSocket alike): a connection past a cap is
 * closed as it arrives, before a byte of it is read. Each connection can pin up to MAX_BODY_BYTES
 * while its body trickles in (until HTTP_REQUEST_TIMEOUT_MS cuts it): 2,500 connections from one
 * address holding 200 KB each took a 256 MB-heap process to 687 MB.
 */
export function limitConnections(server: Server, { maxConnections, maxPerAddress }: ConnectionLimits): void {
  server.maxConnections = maxConnections;
  if (maxPerAddress === null) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= maxPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
