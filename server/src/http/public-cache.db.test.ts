/**
 * HTTP caching and compression of public answers (shared/public-cache.ts, build-app.ts): ETag → 304,
 * Cache-Control for a CDN in front, Last-Modified on attachments, nothing cacheable for staff answers
 * or errors; br/gzip for text and the staff app's precompressed assets.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertPublishedBatch } from '../publication/publication.bulk.ts';
import { publicationRepository } from '../publication/publication.repository.ts';
import { ensureCatalog } from '../publication/publication.service.ts';
import { makeCounty, makeStaff, TEST_PASSWORD } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { inTransaction } from '../shared/tx.ts';
import { type App, buildApp } from './build-app.ts';

const PDF = Buffer.from('%PDF-1.4\n% test attachment\n');

describe.each(dialects())('public caching and compression (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let docId: number;
  let fileId: number;
  let dist: string;

  beforeEach(async () => {
    t = await makeTestDb(dialect);
    // a built staff app with one precompressed asset, as admin/vite.config.ts writes it
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>工作台</title>');
    const js = `console.log(${JSON.stringify('工作台'.repeat(800))});\n`;
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), js);
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(js));
    app = await buildApp(t.deps, { adminDist: dist });
    county = await makeCounty(t.deps);
    const agencyId = county.deptA.id;
    const ids = await inTransaction(t.deps, async (tx) => {
      await ensureCatalog(t.deps, tx, agencyId);
      const entry = (await publicationRepository.catalog(tx, agencyId)).find((e) => e.parentId !== null)!;
      return insertPublishedBatch(t.deps, tx, [
        {
          agencyId,
          catalogEntryId: entry.id,
          title: '关于开展法律援助便民服务月活动的通知',
          subjectCode: '02.01',
          publisher: county.deptA.name,
          generatedOn: '2026-11-02',
          publishedOn: '2026-11-03',
          docNo: null,
          bodyHtml: `<p>${'各司法所：为进一步做好法律援助便民服务工作，现就有关事项通知如下。'.repeat(20)}</p>`,
          attachments: [
            {
              name: '活动安排.pdf',
              mime: 'application/pdf',
              size: PDF.length,
              sha256: createHash('sha256').update(PDF).digest('hex'),
              contentB64: PDF.toString('base64'),
              text: '活动安排',
            },
          ],
        },
      ]);
    });
    docId = ids[0]!;
    fileId = (await publicationRepository.attachments(t.deps.db, docId))[0]!.id;
  });
  afterEach(async () => {
    await app.close();
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('a document page carries a weak ETag and a public max-age; the same ETag back gets 304 without a body', async () => {
    const first = await app.inject(`/d/${docId}`);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    // the HTML depends on the accessibility-mode cookie
    expect(String(first.headers.vary)).toMatch(/cookie/i);

    const again = await app.inject({ url: `/d/${docId}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    // a list of tags, a strong form of ours, and * all match (weak comparison, RFC 9110 §13.1.2)
    for (const inm of [`"x", ${etag}`, etag.slice(2), '*'])
      expect((await app.inject({ url: `/d/${docId}`, headers: { 'if-none-match': inm } })).statusCode).toBe(
        304,
      );
    const other = await app.inject({ url: `/d/${docId}`, headers: { 'if-none-match': 'W/"stale"' } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);

    // large-text mode renders other HTML: another ETag, so a cache cannot mix the two
    const large = await app.inject({ url: `/d/${docId}`, headers: { cookie: 'gk_a11y=large' } });
    expect(large.statusCode).toBe(200);
    expect(large.headers.etag).not.toBe(etag);
  });

  it('the ETag follows the content: a withdrawn item is 404 and no longer cacheable', async () => {
    const before = await app.inject(`/d/${docId}`);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], { username: 'gkb' });
    const staff = as(app, await loginAs(app, 'gkb'));
    const revoked = await staff.post(`/api/v1/admin/publication/items/${docId}/revoke`, {
      explanation: '内容有误，撤回',
    });
    expect(revoked.statusCode).toBe(200);
    const after = await app.inject({
      url: `/d/${docId}`,
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(after.statusCode).toBe(404);
    expect(after.headers.etag).toBeUndefined();
    expect(String(after.headers['cache-control'] ?? '')).not.toContain('public');
  });

  it('agency home, catalog, search, feeds and sitemaps are cacheable; feeds do not vary by cookie', async () => {
    for (const url of [
      '/',
      `/a/${county.deptA.code}/`,
      `/a/${county.deptA.code}/catalog`,
      `/a/${county.deptA.code}/search?q=法律援助`,
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=60');
      const hit = await app.inject({ url, headers: { 'if-none-match': res.headers.etag as string } });
      expect(hit.statusCode, url).toBe(304);
    }
    for (const url of [
      `/a/${county.deptA.code}/feed.xml`,
      `/a/${county.deptA.code}/atom.xml`,
      '/sitemap.xml',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers.etag, url).toMatch(/^W\//);
      expect(res.headers['cache-control'], url).toBe('public, max-age=60');
      expect(String(res.headers.vary ?? ''), url).not.toMatch(/cookie/i);
    }
  });

  it('an attachment says when it was stored: If-Modified-Since is answered 304, an older date gets the file', async () => {
    const res = await app.inject(`/d/${docId}/files/${fileId}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    const lastModified = res.headers['last-modified'] as string;
    expect(Number.isNaN(Date.parse(lastModified))).toBe(false);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const fresh = await app.inject({
      url: `/d/${docId}/files/${fileId}`,
      headers: { 'if-modified-since': lastModified },
    });
    expect(fresh.statusCode).toBe(304);
    expect(fresh.rawPayload.length).toBe(0);
    const older = await app.inject({
      url: `/d/${docId}/files/${fileId}`,
      headers: { 'if-modified-since': new Date(Date.parse(lastModified) - 86_400_000).toUTCString() },
    });
    expect(older.statusCode).toBe(200);
  });

  it('staff answers, the login and error pages are never marked cacheable', async () => {
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], { username: 'gkb' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'gkb', password: TEST_PASSWORD },
    });
    expect(login.headers.etag).toBeUndefined();
    expect(String(login.headers['cache-control'] ?? '')).not.toContain('public');
    const staff = as(app, await loginAs(app, 'gkb'));
    const items = await staff.get('/api/v1/admin/publication/items');
    expect(items.statusCode).toBe(200);
    expect(items.headers.etag).toBeUndefined();
    expect(String(items.headers['cache-control'] ?? '')).not.toContain('public');
    const missing = await app.inject('/d/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    // the application form carries a CSRF token: not a public cacheable page
    const apply = await app.inject(`/a/${county.deptA.code}/apply`);
    expect(String(apply.headers['cache-control'] ?? '')).not.toContain('public');
    expect(apply.headers.etag).toBeUndefined();
  });

  it('text answers are compressed with br or gzip as accepted; the bytes decode to the same page', async () => {
    const plain = await app.inject(`/d/${docId}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await app.inject({ url: `/d/${docId}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    // the ETag names the representation before encoding: the same tag, revalidated either way
    expect(br.headers.etag).toBe(plain.headers.etag);
    const home = await app.inject(`/a/${county.deptA.code}/catalog`);
    const gz = await app.inject({
      url: `/a/${county.deptA.code}/catalog`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString('utf8')).toBe(home.body);
    const api = await app.inject({
      url: '/api/v1/calendar/due?from=2025-09-26&days=20',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(api.statusCode).toBe(200);
    // tiny JSON stays as it is (below the 1 KiB threshold)
    if (api.rawPayload.length < 1024) expect(api.headers['content-encoding']).toBeUndefined();
    // a 304 has no body to encode
    const notModified = await app.inject({
      url: `/d/${docId}`,
      headers: { 'accept-encoding': 'br', 'if-none-match': plain.headers.etag as string },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
  });

  it("the staff app's JavaScript is sent precompressed, with its long immutable cache", async () => {
    const file = path.join(dist, 'assets', 'app-abc123.js');
    const br = await app.inject({ url: '/admin/assets/app-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.equals(fs.readFileSync(`${file}.br`))).toBe(true);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({
      url: '/admin/assets/app-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(fs.readFileSync(file))).toBe(true);
    const none = await app.inject('/admin/assets/app-abc123.js');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload.equals(fs.readFileSync(file))).toBe(true);
  });
});
