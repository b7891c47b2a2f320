import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';

/**
 * A stand-in Redis that completes ioredis's handshake, answers other commands with OK, and refuses
 * every PUBLISH with an error reply, as a Redis whose ACL denies it (NOPERM) would: a publish that
 * fails on demand and at once, with no real Redis to break. Counts the PUBLISH commands it refused.
 */
export class FakeRedis {
  refusedPublishes = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  /** Listens on a free loopback port; returns the `redis://` URL. */
  async start(): Promise<string> {
    this.server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `redis://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let parsed = parseCommand(pending); parsed; parsed = parseCommand(pending)) {
        pending = pending.subarray(parsed.length);
        const name = parsed.args[0]?.toUpperCase();
        if (name === 'PUBLISH') this.refusedPublishes++;
        socket.write(replyTo(name));
        if (name === 'QUIT') socket.end();
      }
    });
  }
}

function replyTo(name: string | undefined): string {
  switch (name) {
    case 'PUBLISH':
      return "-NOPERM User default has no permissions to run the 'publish' command\r\n";
    case 'INFO': {
      const info = '# Server\r\nredis_version:7.0.0\r\nloading:0\r\n';
      return `$${Buffer.byteLength(info)}\r\n${info}\r\n`;
    }
    case 'PING':
      return '+PONG\r\n';
    default:
      return '+OK\r\n';
  }
}

/** One RESP command (an array of bulk strings) from the start of `buffer`, or null until it is complete. */
function parseCommand(buffer: Buffer): { args: string[]; length: number } | null {
  const line = (from: number) => {
    const end = buffer.indexOf('\r\n', from);
    return end < 0 ? null : { text: buffer.toString('utf8', from, end), next: end + 2 };
  };
  const header = line(0);
  if (!header) return null;
  if (!header.text.startsWith('*')) return { args: header.text.split(' '), length: header.next }; // inline command
  const args: string[] = [];
  let offset = header.next;
  for (let i = 0; i < Number(header.text.slice(1)); i++) {
    const size = line(offset);
    if (!size) return null;
    const end = size.next + Number(size.text.slice(1));
    if (buffer.length < end + 2) return null;
    args.push(buffer.toString('utf8', size.next, end));
    offset = end + 2;
  }
  return { args, length: offset };
}
