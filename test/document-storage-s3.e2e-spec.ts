import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { DocumentMissingError, DocumentStorage } from '../src/common/documents/document-storage.js';
import { PhiRetentionService } from '../src/workroom/phi-retention.service.js';
import { coders, given, ok, Session } from './support/given.js';
import { acceptedContract, backdateContract, signBaa } from './support/money.js';
import { TestApp } from './support/test-app.js';
import type { Untyped } from './support/untyped.js';

// The pinned SDK announces, once per process, that its releases after January 2027 need Node 22 (docs/deploy.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const BUCKET = 'chartbridge-documents';
const PREFIX = 'documents/';
const MARKER = 'PATIENT ROE, RICHARD MRN 99812 DX E11.9';
const PDF = Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${MARKER}\n%%EOF\n`);
/** Above S3's 5 MiB part, so a document near it goes as a multipart upload; the test files stay small. */
const LIMIT = 6 * 1024 * 1024;
const AUDIT = `query($id: ID!) { auditLog(contractId: $id, first: 100) { edges { node { action outcome subjectId detail } } } }`;
const UNAVAILABLE = { statusCode: 503, code: 'INTERNAL_SERVER_ERROR', reason: 'DOCUMENT_STORAGE_UNAVAILABLE', retryable: true, message: expect.stringMatching(/^Document storage is unavailable/) };

const MISSING = { statusCode: 503, code: 'INTERNAL_SERVER_ERROR', reason: 'DOCUMENT_MISSING', retryable: false, message: expect.stringMatching(/^The stored file of this document is missing/) };

/** A loopback port nobody listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * DOCUMENT_STORAGE=s3 against an in-process S3-compatible server (s3rver): two instances on one
 * database and one bucket serve and destroy each other's documents; the bucket holds ciphertext only;
 * instances whose store is unreachable or whose bucket is missing answer a retryable 503.
 */
describe('documents on shared S3 storage', () => {
  const s3Dir = mkdtempSync(join(tmpdir(), 'chartbridge-s3rver-'));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const shared = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    DOCUMENT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_NAMESPACE: `s3-${randomBytes(4).toString('hex')}`,
    MAX_DOCUMENT_BYTES: String(LIMIT),
    PHI_RETENTION_DAYS: '30',
    DOCUMENT_STORAGE: 's3',
    S3_BUCKET: BUCKET,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  let bucket: S3Client;
  let first: TestApp;
  let second: TestApp;
  /** Its store's port is closed. */
  let unreachable: TestApp;
  /** Its bucket does not exist. */
  let bucketless: TestApp;

  beforeAll(async () => {
    const { port } = await s3rver.run();
    const endpoint = `http://127.0.0.1:${port}`;
    bucket = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    first = await TestApp.start({ ...shared, S3_ENDPOINT: endpoint });
    second = await TestApp.start({ ...shared, S3_ENDPOINT: endpoint }, first);
    unreachable = await TestApp.start({ ...shared, S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}` }, first);
    bucketless = await TestApp.start({ ...shared, S3_ENDPOINT: endpoint, S3_BUCKET: 'no-such-bucket' }, first);
  });
  afterAll(async () => {
    for (const app of [bucketless, unreachable, second, first]) await app?.close();
    bucket?.destroy();
    await s3rver.close();
    rmSync(s3Dir, { recursive: true, force: true });
  });

  const upload = (app: TestApp, token: string | null, contractId: string, bytes: Buffer, filename = 'chart.pdf', contentType = 'application/pdf') => {
    const req = app.http().post(`/contracts/${contractId}/documents`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.attach('file', bytes, { filename, contentType });
  };
  const download = (app: TestApp, token: string | null, path: string) => {
    const req = app
      .http()
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const jsonOf = (body: unknown) => JSON.parse((body as Buffer).toString()) as Record<string, unknown>;
  const objectKeys = async () => ((await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((object) => object.Key!);
  const rawObject = async (key: string) => Buffer.from(await (await bucket.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());
  const storageKeyOf = async (documentId: string) => (await first.sql<{ storage_key: string | null }>(`SELECT storage_key FROM documents WHERE id = $1`, [documentId]))[0].storage_key;
  const auditOf = async (session: Session, contractId: string) => ok(await first.gql(AUDIT, { id: contractId }, session.accessToken)).auditLog.edges.map((edge: Untyped) => edge.node);
  /** Nothing under either instance's data folder: the documents went to the bucket. */
  const noLocalDocuments = () => [first, second].every((app) => !existsSync(join(app.config.env.DATA_DIR, 'documents')));

  async function signedContract(app: TestApp) {
    const parties = await acceptedContract(app, {}, { rateCents: 400 });
    await signBaa(app, parties.contractId, parties.owner, parties.coder);
    return parties;
  }

  it('stores only ciphertext in the bucket, and the other instance serves it to the parties only', async () => {
    const { owner, coder, contractId } = await signedContract(first);
    const res = await upload(first, owner.accessToken, contractId, PDF);
    expect(res.status).toBe(201);
    const key = `${PREFIX}${await storageKeyOf(res.body.id)}.enc`;
    expect(await objectKeys()).toContain(key);
    const stored = await rawObject(key);
    expect(stored.length).toBeGreaterThan(PDF.length);
    expect(stored.includes(Buffer.from(MARKER))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(noLocalDocuments()).toBe(true);

    const got = await download(second, coder.accessToken, `/documents/${res.body.id}`);
    expect([got.status, got.headers['content-type'], got.headers['cache-control']]).toEqual([200, 'application/pdf', 'no-store']);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);

    // The access rules are the same on every instance and every storage: strangers are told it does not exist.
    const other = given(second);
    for (const stranger of [await other.provider(), await other.coder()]) {
      expect((await download(second, stranger.accessToken, `/documents/${res.body.id}`)).status).toBe(404);
      expect((await upload(second, stranger.accessToken, contractId, PDF)).status).toBe(404);
    }
    const admin = await other.admin();
    expect((await download(second, admin.accessToken, `/documents/${res.body.id}`)).status).toBe(403);
    expect((await download(second, null, `/documents/${res.body.id}`)).status).toBe(401);
  });

  it('keeps credential certificates in the bucket too, served by either instance to their coder and admins only', async () => {
    const { coder } = await coders(first).verifiedCoder();
    const certificate = Buffer.from(`%PDF-1.7\n% AAPC certificate of ${MARKER}\n%%EOF\n`);
    const id = await coders(first).uploadCertificate(coder, certificate);
    const [{ storage_key: storageKey }] = await first.sql<{ storage_key: string }>(`SELECT storage_key FROM credential_documents WHERE id = $1`, [id]);
    expect((await rawObject(`${PREFIX}${storageKey}.enc`)).includes(Buffer.from(MARKER))).toBe(false);
    const got = await download(second, coder.accessToken, `/credential-documents/${id}`);
    expect([got.status, Buffer.compare(got.body as Buffer, certificate)]).toEqual([200, 0]);
    expect((await download(second, (await given(second).admin()).accessToken, `/credential-documents/${id}`)).status).toBe(200);
    expect((await download(second, (await given(second).coder()).accessToken, `/credential-documents/${id}`)).status).toBe(404);
    expect(noLocalDocuments()).toBe(true);
  });

  it('sends a document larger than one part as a multipart upload, and refuses one over MAX_DOCUMENT_BYTES with the same 413 as on disk, leaving no object', async () => {
    const { owner, coder, contractId } = await signedContract(second);
    const large = Buffer.alloc(LIMIT - 512 * 1024, 'a');
    const res = await upload(second, owner.accessToken, contractId, large, 'batch.txt', 'text/plain');
    expect(res.status).toBe(201);
    const got = await download(first, coder.accessToken, `/documents/${res.body.id}`);
    expect([got.status, (got.body as Buffer).length, Buffer.compare(got.body as Buffer, large)]).toEqual([200, large.length, 0]);

    const before = await objectKeys();
    for (const size of [LIMIT + 1, LIMIT * 2]) {
      const refused = await upload(second, owner.accessToken, contractId, Buffer.alloc(size, 'a'), 'batch.txt', 'text/plain');
      expect([refused.status, refused.body]).toEqual([413, { statusCode: 413, code: 'BAD_USER_INPUT', message: 'The file is larger than MAX_DOCUMENT_BYTES', fields: [] }]);
    }
    expect(await objectKeys()).toEqual(before);
    expect(await first.sql(`SELECT 1 FROM documents WHERE contract_id = $1`, [contractId])).toHaveLength(1);
  });

  it('tells a missing object (lost, or a wrong S3_KEY_PREFIX) apart from tampering: 503 DOCUMENT_MISSING, recorded as such', async () => {
    const { owner, coder, contractId } = await signedContract(first);
    const stored = await upload(first, owner.accessToken, contractId, PDF);
    expect(stored.status).toBe(201);
    const { coder: certified } = await coders(first).verifiedCoder();
    const certificateId = await coders(first).uploadCertificate(certified);
    const [{ storage_key: certificateKey }] = await first.sql<{ storage_key: string }>(`SELECT storage_key FROM credential_documents WHERE id = $1`, [certificateId]);
    for (const key of [`${PREFIX}${await storageKeyOf(stored.body.id)}.enc`, `${PREFIX}${certificateKey}.enc`]) await bucket.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));

    const read = await download(second, coder.accessToken, `/documents/${stored.body.id}`);
    expect([read.status, jsonOf(read.body)]).toEqual([503, MISSING]);
    const certificate = await download(second, certified.accessToken, `/credential-documents/${certificateId}`);
    expect([certificate.status, jsonOf(certificate.body)]).toEqual([503, MISSING]);
    // Access is still settled first: a stranger is told the document does not exist.
    expect((await download(second, (await given(second).provider()).accessToken, `/documents/${stored.body.id}`)).status).toBe(404);
    const failures = (await auditOf(owner, contractId)).filter((event: Untyped) => event.outcome === 'FAILED');
    expect(failures.map((event: Untyped) => [event.action, event.detail])).toEqual([['DOWNLOAD', 'stored file missing']]);
  });

  it('answers a retryable 503 when the store is unreachable or the bucket missing, storing nothing and recording the failure', async () => {
    const { owner, coder, contractId } = await signedContract(first);
    const stored = await upload(first, owner.accessToken, contractId, PDF);
    expect(stored.status).toBe(201);
    const { coder: certified } = await coders(first).verifiedCoder();
    const certificateId = await coders(first).uploadCertificate(certified);
    const certificates = async () => (await first.sql(`SELECT id FROM credential_documents WHERE coder_id = $1 ORDER BY id`, [certified.user.id])).map((row) => row.id);
    const certificatesBefore = await certificates();
    const objectsBefore = await objectKeys();

    for (const app of [unreachable, bucketless]) {
      const refused = await upload(app, owner.accessToken, contractId, PDF);
      expect([refused.status, refused.body]).toEqual([503, UNAVAILABLE]);
      expect(JSON.stringify(refused.body)).not.toMatch(/ECONNREFUSED|NoSuchBucket|at \w+ \(/);
      const read = await download(app, coder.accessToken, `/documents/${stored.body.id}`);
      expect([read.status, jsonOf(read.body)]).toEqual([503, UNAVAILABLE]);

      const certificate = await download(app, certified.accessToken, `/credential-documents/${certificateId}`);
      expect([certificate.status, jsonOf(certificate.body)]).toEqual([503, UNAVAILABLE]);
      const newCertificate = await app
        .http()
        .post('/credential-documents')
        .set('authorization', `Bearer ${certified.accessToken}`)
        .attach('file', PDF, { filename: 'c.pdf', contentType: 'application/pdf' });
      expect([newCertificate.status, newCertificate.body]).toEqual([503, UNAVAILABLE]);

      // Access is settled before the store is asked: another tenant learns nothing, outage or not.
      const stranger = await given(app).provider();
      expect((await download(app, stranger.accessToken, `/documents/${stored.body.id}`)).status).toBe(404);
      expect((await upload(app, stranger.accessToken, contractId, PDF)).status).toBe(404);
    }

    expect(await first.sql(`SELECT id FROM documents WHERE contract_id = $1`, [contractId])).toEqual([{ id: stored.body.id }]);
    expect(await certificates()).toEqual(certificatesBefore);
    expect(await objectKeys()).toEqual(objectsBefore);
    const failures = (await auditOf(owner, contractId)).filter((event: Untyped) => event.outcome === 'FAILED');
    expect(failures.map((event: Untyped) => [event.action, event.detail])).toEqual([
      ['DOWNLOAD', 'document storage unavailable'],
      ['UPLOAD', 'document storage unavailable'],
      ['DOWNLOAD', 'document storage unavailable'],
      ['UPLOAD', 'document storage unavailable'],
    ]);
  });

  it("destroys a document's object from any instance: a retention run that could not reach the store leaves it for the next instance's run", async () => {
    const { owner, coder, contractId } = await signedContract(first);
    const res = await upload(first, owner.accessToken, contractId, PDF);
    expect(res.status).toBe(201);
    const key = `${PREFIX}${await storageKeyOf(res.body.id)}.enc`;
    ok(await first.gql(`mutation($id: ID!) { endContract(id: $id) { id } }`, { id: contractId }, owner.accessToken));
    await backdateContract(first, contractId, 41, 31);

    // The run whose store is down destroys the key (the ciphertext is unreadable from then on) but not the object...
    expect(await unreachable.app.get(PhiRetentionService).destroyExpired()).toBe(1);
    expect(await first.sql(`SELECT wrapped_key IS NULL AS key_gone, storage_key IS NOT NULL AS object_left FROM documents WHERE id = $1`, [res.body.id])).toEqual([
      { key_gone: true, object_left: true },
    ]);
    expect(await objectKeys()).toContain(key);

    // ...which another instance's run deletes, for every instance.
    expect(await second.app.get(PhiRetentionService).destroyExpired()).toBe(0);
    expect(await objectKeys()).not.toContain(key);
    expect(await storageKeyOf(res.body.id)).toBeNull();
    await expect(first.app.get(DocumentStorage).get(key.slice(PREFIX.length, -'.enc'.length))).rejects.toBeInstanceOf(DocumentMissingError);
    const record = ok(await first.gql(`query($id: ID!) { contract(id: $id) { phiDestruction { documents } } }`, { id: contractId }, coder.accessToken)).contract.phiDestruction;
    expect(record).toEqual({ documents: 1 });
  });
});
