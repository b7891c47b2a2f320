import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { failed, given, ok, Session } from './support/given.js';
import { acceptedContract } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

const SIGN = `mutation($id: ID!) { signBaa(contractId: $id) { id baa { required complete providerSignedAt coderSignedAt agreementVersion } } }`;
const DOCUMENTS = `query($id: ID!) { documents(contractId: $id) { id filename contentType sizeBytes } }`;
const AUDIT = `query($id: ID!) { auditLog(contractId: $id, first: 100) { totalCount edges { node { actorId action outcome subjectId detail ip requestId } } } }`;
const MARKER = 'PATIENT DOE, JANE MRN 00451 DX I21.4';
const PDF = Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${MARKER}\n%%EOF\n`);

const LIMIT = 4096;
const BOUNDARY = 'chartbridge-test-boundary';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('workroom: BAA, encrypted documents, audit log', () => {
  let app: TestApp;
  let a: ReturnType<typeof given>;

  let base: string;

  beforeAll(async () => {
    app = await TestApp.start({ MAX_DOCUMENT_BYTES: String(LIMIT), MAX_CONCURRENT_UPLOADS: '2', MAX_CONCURRENT_UPLOADS_PER_USER: '1' });
    base = await app.listen();
    a = given(app);
  });
  afterAll(() => app?.close());

  const upload = (token: string | null, contractId: string, bytes: Buffer, filename = 'chart-0042.pdf', contentType = 'application/pdf') => {
    const req = app.http().post(`/contracts/${contractId}/documents`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach('file', bytes, { filename, contentType });
  };
  const download = (token: string | null, id: string) => {
    const req = app
      .http()
      .get(`/documents/${id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };

  /**
   * A multipart upload written by hand: the part head, then each piece of the file as its own write
   * (with a pause between, so the server reads them as separate chunks), then the closing boundary.
   * With `heldBack`, Content-Length announces that many more file bytes which are never sent: the
   * client waits for the answer instead, so an answer proves the server did not wait for the body.
   */
  function streamedUpload(token: string, contractId: string, pieces: Buffer[], heldBack = 0): Promise<{ status: number; body: Record<string, unknown> }> {
    const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    const length = head.length + pieces.reduce((sum, piece) => sum + piece.length, 0) + heldBack + tail.length;
    const [host, port] = base.split(':');
    const headers = { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': length };
    const req = httpRequest({ host, port: Number(port), method: 'POST', path: `/contracts/${contractId}/documents`, headers });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`no answer within 10 s while ${heldBack} bytes of the body were held back`));
      }, 10_000);
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          clearTimeout(timer);
          if (heldBack) req.destroy();
          resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : {} });
        });
      });
      void (async () => {
        req.write(head);
        for (const piece of pieces) {
          await pause(150);
          if (!req.destroyed) req.write(piece);
        }
        if (!heldBack && !req.destroyed) req.end(tail);
      })();
    });
  }
  /**
   * An upload held open: the part head and a first piece of the file are sent, the rest only on
   * `finish()`; `abort()` drops the connection instead, as a client that goes away does.
   */
  function heldUpload(token: string, contractId: string) {
    const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    const [first, rest] = [Buffer.alloc(100, 'a'), Buffer.alloc(LIMIT / 2, 'b')];
    const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    const [host, port] = base.split(':');
    const headers = { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': head.length + first.length + rest.length + tail.length };
    const req = httpRequest({ host, port: Number(port), method: 'POST', path: `/contracts/${contractId}/documents`, headers });
    const answer = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : {} }));
      });
    });
    req.write(Buffer.concat([head, first]));
    return {
      finish: () => {
        req.end(Buffer.concat([rest, tail]));
        return answer;
      },
      abort: () => {
        answer.catch(() => undefined);
        req.destroy();
      },
    };
  }
  /** Waits until the server has let `count` uploads to `contractId` in (the audit log records each before the body is read). */
  async function uploadsLetIn(token: string, contractId: string, count: number): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const events = ok(await app.gql(AUDIT, { id: contractId }, token)).auditLog.edges.map((e: Untyped) => e.node);
      if (events.filter((e: Untyped) => e.action === 'UPLOAD' && e.outcome === 'ALLOWED').length >= count) return;
      await pause(25);
    }
    throw new Error(`never let ${count} uploads in`);
  }
  const storedFiles = () => (existsSync(join(app.config.env.DATA_DIR, 'documents')) ? filesUnder(join(app.config.env.DATA_DIR, 'documents')).length : 0);

  async function signedContract(): Promise<{ owner: Session; coder: Session; contractId: string }> {
    const parties = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.owner.accessToken));
    ok(await app.gql(SIGN, { id: parties.contractId }, parties.coder.accessToken));
    return parties;
  }

  it('refuses PHI until both parties signed the BAA, recording signer, version and time', async () => {
    const { owner, coder, contractId } = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    const before = await upload(owner.accessToken, contractId, PDF);
    expect(before.status).toBe(409);
    expect(before.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/BAA/) });
    const half = ok(await app.gql(SIGN, { id: contractId }, owner.accessToken)).signBaa.baa;
    expect(half).toMatchObject({ required: true, complete: false, coderSignedAt: null, agreementVersion: expect.stringMatching(/v1/) });
    expect((await upload(coder.accessToken, contractId, PDF)).status).toBe(409);
    const full = ok(await app.gql(SIGN, { id: contractId }, coder.accessToken)).signBaa.baa;
    expect(full.complete).toBe(true);
    ok(await app.gql(SIGN, { id: contractId }, coder.accessToken));
    expect(await app.sql('SELECT party, signer_id FROM baa_signatures WHERE contract_id = $1 ORDER BY party', [contractId])).toEqual([
      { party: 'coder', signer_id: coder.user.id },
      { party: 'provider', signer_id: owner.user.id },
    ]);
    expect((await upload(owner.accessToken, contractId, PDF)).status).toBe(201);
    failed(await app.gql(SIGN, { id: contractId }, (await a.provider()).accessToken), 'NOT_FOUND');
  });

  it('stores documents encrypted, never the plaintext, and serves them to the parties only', async () => {
    const { owner, coder, contractId } = await signedContract();
    const res = await upload(owner.accessToken, contractId, PDF);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), filename: 'chart-0042.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, createdAt: expect.any(String) });
    for (const file of filesUnder(app.config.env.DATA_DIR)) expect(readFileSync(file).includes(Buffer.from(MARKER))).toBe(false);
    expect(ok(await app.gql(DOCUMENTS, { id: contractId }, coder.accessToken)).documents).toEqual([
      { id: res.body.id, filename: 'chart-0042.pdf', contentType: 'application/pdf', sizeBytes: PDF.length },
    ]);

    const got = await download(coder.accessToken, res.body.id);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);

    for (const stranger of [await a.provider(), await a.coder()]) {
      expect((await download(stranger.accessToken, res.body.id)).status).toBe(404);
      failed(await app.gql(DOCUMENTS, { id: contractId }, stranger.accessToken), 'NOT_FOUND');
      expect((await upload(stranger.accessToken, contractId, PDF)).status).toBe(404);
    }
    // Admins may read the contract, never its PHI: FORBIDDEN, not a pretended NOT_FOUND.
    const admin = await a.admin();
    const refused = await download(admin.accessToken, res.body.id);
    expect([refused.status, JSON.parse(refused.body.toString()).code]).toEqual([403, 'FORBIDDEN']);
    failed(await app.gql(DOCUMENTS, { id: contractId }, admin.accessToken), 'FORBIDDEN');
    expect((await upload(admin.accessToken, contractId, PDF)).status).toBe(403);
    expect((await download(null, res.body.id)).status).toBe(401);
    expect((await download(coder.accessToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('accepts only allowlisted types whose bytes match, within the size limit', async () => {
    const { owner, contractId } = await signedContract();
    expect((await upload(owner.accessToken, contractId, Buffer.from('MZ\x90\x00binary'), 'x.pdf')).status).toBe(415);
    expect((await upload(owner.accessToken, contractId, PDF, 'x.png', 'image/png')).status).toBe(415);
    expect((await upload(owner.accessToken, contractId, Buffer.from([0x41, 0x00, 0x42]), 'x.txt', 'text/plain')).status).toBe(415);
    expect((await upload(owner.accessToken, contractId, Buffer.from('chart,code\n0042,I10\n'), 'batch.csv', 'text/csv')).status).toBe(201);
    expect((await upload(owner.accessToken, contractId, Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]))).status).toBe(413);
    expect((await upload(owner.accessToken, contractId, Buffer.from(''), 'empty.txt', 'text/plain')).status).toBe(400);
    const named = await upload(owner.accessToken, contractId, Buffer.from('notes'), '../../etc/passwd\u0007.txt', 'text/plain');
    expect(named.body.filename).toBe('passwd.txt');
  });

  it('answers 413 for any file over MAX_DOCUMENT_BYTES and stores nothing, accepting up to exactly the limit', async () => {
    const { owner, contractId } = await signedContract();
    const text = (size: number) => Buffer.alloc(size, 'a');
    const filesBefore = storedFiles();
    const statuses = [];
    for (const size of [LIMIT - 1, LIMIT, LIMIT + 1, LIMIT + 2, LIMIT * 256]) statuses.push((await upload(owner.accessToken, contractId, text(size), 'notes.txt', 'text/plain')).status);
    expect(statuses).toEqual([201, 201, 413, 413, 413]);
    // The cut falling exactly between two chunks the server reads (busboy then marks the file
    // truncated after its last byte was read): still 413, not a file silently cut to the limit.
    expect((await streamedUpload(owner.accessToken, contractId, [text(LIMIT), text(1)])).status).toBe(413);
    expect((await streamedUpload(owner.accessToken, contractId, [text(LIMIT / 2), text(LIMIT / 2)])).status).toBe(201);
    const sizes = ok(await app.gql(DOCUMENTS, { id: contractId }, owner.accessToken)).documents.map((d: { sizeBytes: number }) => d.sizeBytes);
    expect(sizes.sort()).toEqual([LIMIT - 1, LIMIT, LIMIT]);
    expect(storedFiles()).toBe(filesBefore + 3);
  });

  it('answers 413 once the limit is passed, without waiting for the rest of a huge body', async () => {
    const { owner, contractId } = await signedContract();
    const res = await streamedUpload(owner.accessToken, contractId, [Buffer.alloc(LIMIT + 64 * 1024, 'a')], 30 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(ok(await app.gql(DOCUMENTS, { id: contractId }, owner.accessToken)).documents).toEqual([]);
    const uploads = ok(await app.gql(AUDIT, { id: contractId }, owner.accessToken))
      .auditLog.edges.map((e: Untyped) => e.node)
      .filter((e: Untyped) => e.action === 'UPLOAD');
    expect(uploads).toHaveLength(2);
    const [refused, allowed] = uploads;
    expect(refused).toMatchObject({ action: 'UPLOAD', outcome: 'FAILED', detail: 'file refused: The file is larger than MAX_DOCUMENT_BYTES', subjectId: allowed.subjectId });
    expect(allowed).toMatchObject({ action: 'UPLOAD', outcome: 'ALLOWED' });
  });

  it('checks access, contract state and BAA before reading the body: refused callers are answered without sending it', async () => {
    const { contractId } = await signedContract();
    const stranger = await a.provider();
    const huge = 30 * 1024 * 1024;
    const refused = await streamedUpload(stranger.accessToken, contractId, [Buffer.alloc(1024, 'a')], huge);
    expect(refused).toEqual({ status: 404, body: expect.objectContaining({ code: 'NOT_FOUND' }) });
    const unsigned = await acceptedContract(app, { requiresBaa: true }, { rateCents: 400 });
    const early = await streamedUpload(unsigned.owner.accessToken, unsigned.contractId, [Buffer.alloc(1024, 'a')], huge);
    expect(early).toEqual({ status: 409, body: expect.objectContaining({ code: 'CONFLICT' }) });
    // The server is still serving everyone.
    expect((await app.http().get('/health')).status).toBe(200);
  });

  it('refuses an upload of two files with 400 and stores neither, where the first used to be stored silently', async () => {
    const { owner, contractId } = await signedContract();
    const filesBefore = storedFiles();
    const post = () => app.http().post(`/contracts/${contractId}/documents`).set('authorization', `Bearer ${owner.accessToken}`);
    const twice = await post().attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' }).attach('file', Buffer.from('second'), { filename: 'b.txt', contentType: 'text/plain' });
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ statusCode: 400, code: 'BAD_USER_INPUT', message: 'Send exactly one file, in the field "file"', fields: [] });
    const other = await post().attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' }).attach('attachment', PDF, { filename: 'b.pdf', contentType: 'application/pdf' });
    expect(other.status).toBe(400);
    expect(ok(await app.gql(DOCUMENTS, { id: contractId }, owner.accessToken)).documents).toEqual([]);
    expect(storedFiles()).toBe(filesBefore);
    // A plain form field beside the one file is no reason to refuse it.
    expect((await post().field('note', 'January charts').attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' })).status).toBe(201);
  });

  it('holds at most MAX_CONCURRENT_UPLOADS_PER_USER uploads per user and MAX_CONCURRENT_UPLOADS overall, answering 429 unread, and frees a slot when an upload ends or is dropped', async () => {
    const [first, second, third] = [await signedContract(), await signedContract(), await signedContract()];
    const small = (token: string, contractId: string) => upload(token, contractId, Buffer.from('notes'), 'notes.txt', 'text/plain');
    const held = heldUpload(first.owner.accessToken, first.contractId);
    await uploadsLetIn(first.owner.accessToken, first.contractId, 1);

    // One upload under way per user (here 1): the same user waits, another user goes ahead.
    const again = await small(first.owner.accessToken, first.contractId);
    expect(again.status).toBe(429);
    expect(again.body).toEqual({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many uploads under way for this user (at most 1): wait for one to finish', retryAfterSeconds: 5 });
    expect((await small(first.coder.accessToken, first.contractId)).status).toBe(201);

    // Two under way on the instance (here 2): anyone else waits.
    const dropped = heldUpload(second.owner.accessToken, second.contractId);
    await uploadsLetIn(second.owner.accessToken, second.contractId, 1);
    const full = await small(third.owner.accessToken, third.contractId);
    expect(full.status).toBe(429);
    expect(full.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 5 });
    // Refused before any byte is read: a huge body held back is answered at once.
    expect(await streamedUpload(third.owner.accessToken, third.contractId, [Buffer.alloc(1024, 'a')], 30 * 1024 * 1024)).toMatchObject({ status: 429 });

    // A finished upload gives its slot back, and so does one whose client went away.
    expect((await held.finish()).status).toBe(201);
    expect((await small(first.owner.accessToken, first.contractId)).status).toBe(201);
    dropped.abort();
    let status = 0;
    for (let i = 0; i < 100 && status !== 201; i++) {
      status = (await small(third.owner.accessToken, third.contractId)).status;
      if (status !== 201) await pause(50);
    }
    expect(status).toBe(201);

    const documents = async (session: Session, contractId: string) => ok(await app.gql(DOCUMENTS, { id: contractId }, session.accessToken)).documents.length;
    expect([await documents(first.owner, first.contractId), await documents(second.owner, second.contractId), await documents(third.owner, third.contractId)]).toEqual([3, 0, 1]);
    const refusals = ok(await app.gql(AUDIT, { id: first.contractId }, first.owner.accessToken))
      .auditLog.edges.map((e: Untyped) => e.node)
      .filter((e: Untyped) => e.action === 'UPLOAD' && e.outcome === 'FAILED');
    expect(refusals).toEqual([expect.objectContaining({ detail: 'file refused: Too many uploads under way for this user (at most 1): wait for one to finish' })]);
  });

  it('reports a tampered file and never serves it', async () => {
    const { coder, contractId } = await signedContract();
    const { body } = await upload(coder.accessToken, contractId, PDF);
    const path = join(app.config.env.DATA_DIR, 'documents', `${body.id}.enc`);
    const bytes = readFileSync(path);
    bytes[bytes.length - 3] ^= 0xff;
    writeFileSync(path, bytes);
    const res = await download(coder.accessToken, body.id);
    expect(res.status).toBe(500);
    expect(res.text ?? String(res.body)).not.toContain(MARKER);
    const events = ok(await app.gql(AUDIT, { id: contractId }, coder.accessToken)).auditLog.edges.map((e: Untyped) => e.node);
    expect(events[0]).toMatchObject({ action: 'DOWNLOAD', outcome: 'FAILED', detail: 'integrity check failed', subjectId: body.id });
  });

  it('ends access with the contract; a dispute leaves it read-only', async () => {
    const { owner, coder, contractId } = await signedContract();
    const { body } = await upload(owner.accessToken, contractId, PDF);
    ok(await app.gql(`mutation($id: ID!, $r: String!) { openDispute(contractId: $id, reason: $r) { id } }`, { id: contractId, r: 'Quality' }, owner.accessToken));
    expect((await download(coder.accessToken, body.id)).status).toBe(200);
    // The parties keep their standing; the contract's state refuses the act: CONFLICT.
    expect(await upload(coder.accessToken, contractId, PDF)).toMatchObject({ status: 409, body: expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/DISPUTED/) }) });

    const other = await signedContract();
    const doc = (await upload(other.owner.accessToken, other.contractId, PDF)).body;
    ok(await app.gql(`mutation($id: ID!) { endContract(id: $id) { status } }`, { id: other.contractId }, other.coder.accessToken));
    const closed = await download(other.coder.accessToken, doc.id);
    expect([closed.status, JSON.parse(closed.body.toString())]).toEqual([409, expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/ENDED/) })]);
    expect((await download(other.owner.accessToken, doc.id)).status).toBe(409);
    failed(await app.gql(DOCUMENTS, { id: other.contractId }, other.owner.accessToken), 'CONFLICT');
    expect((await download((await a.coder()).accessToken, doc.id)).status).toBe(404);
  });

  it('audits every access, allowed or denied, for the parties to read', async () => {
    const { owner, coder, contractId } = await signedContract();
    const { body } = await upload(owner.accessToken, contractId, PDF);
    // The caller's X-Request-Id is not evidence: the event carries the id we answered with.
    const read = await download(coder.accessToken, body.id).set('x-request-id', 'req-audit-1');
    expect(read.headers['x-request-id']).not.toBe('req-audit-1');
    const outsider = await a.coder();
    await download(outsider.accessToken, body.id);
    const events = ok(await app.gql(AUDIT, { id: contractId }, owner.accessToken)).auditLog.edges.map((e: Untyped) => e.node);
    expect(events.slice(0, 3)).toEqual([
      expect.objectContaining({ actorId: outsider.user.id, action: 'DOWNLOAD', outcome: 'DENIED', subjectId: body.id }),
      expect.objectContaining({ actorId: coder.user.id, action: 'DOWNLOAD', outcome: 'ALLOWED', subjectId: body.id, requestId: read.headers['x-request-id'], ip: expect.any(String) }),
      expect.objectContaining({ actorId: owner.user.id, action: 'UPLOAD', outcome: 'ALLOWED', subjectId: body.id }),
    ]);
    expect(events.map((e: Untyped) => e.action)).toEqual(expect.arrayContaining(['SIGN_BAA']));
    failed(await app.gql(AUDIT, { id: contractId }, outsider.accessToken), 'NOT_FOUND');
    const admin = await a.admin();
    expect(ok(await app.gql(`query($id: ID) { auditEvents(contractId: $id) { totalCount } }`, { id: contractId }, admin.accessToken)).auditEvents.totalCount).toBe(events.length);
    failed(await app.gql(`{ auditEvents { totalCount } }`, {}, owner.accessToken), 'FORBIDDEN');
  });

  it('keeps the audit log append-only and detects tampering through the hash chain', async () => {
    const admin = await a.admin();
    expect(ok(await app.gql(`{ auditChainIntact }`, {}, admin.accessToken)).auditChainIntact).toBe(true);
    await expect(app.sql(`UPDATE audit_events SET outcome = 'ALLOWED' WHERE outcome = 'DENIED'`)).rejects.toThrow(/append-only/);
    await expect(app.sql(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    // Someone with the power to disable triggers edits history: the chain no longer verifies.
    await app.sql(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await app.sql(`UPDATE audit_events SET outcome = 'ALLOWED' WHERE seq = (SELECT min(seq) FROM audit_events WHERE outcome = 'DENIED')`);
    await app.sql(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    expect(ok(await app.gql(`{ auditChainIntact }`, {}, admin.accessToken)).auditChainIntact).toBe(false);
  });
});
