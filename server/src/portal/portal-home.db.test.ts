/**
 * Portal homes (issue #4 "Region and agency homes"): a labelled search box that works without
 * JavaScript, the ten newest published items with date (and agency on the region home), the 专栏
 * links — and nothing that is not public (drafts, internal-only, past online retention).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { cacheChanged } from '../cluster/cache-bus.ts';
import { insertPublishedBatch } from '../publication/publication.bulk.ts';
import { ensureCatalog } from '../publication/publication.service.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('portal homes (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await inTransaction(t.deps, async (tx) => {
      await ensureCatalog(t.deps, tx, county.deptA.id);
      await ensureCatalog(t.deps, tx, county.deptB.id);
      const news = await tx
        .selectFrom('catalogEntries')
        .select(['id', 'agencyId'])
        .where('code', '=', 'gzdt')
        .execute();
      const entry = (agencyId: number) => news.find((n) => n.agencyId === agencyId)!.id;
      const item = (agencyId: number, title: string, publishedOn: string) => ({
        agencyId,
        catalogEntryId: entry(agencyId),
        title,
        subjectCode: null,
        publisher: 'x',
        generatedOn: publishedOn,
        publishedOn,
        docNo: null,
        bodyHtml: `<p>${title}</p>`,
      });
      await insertPublishedBatch(t.deps, tx, [
        ...Array.from({ length: 12 }, (_, i) =>
          item(county.deptA.id, `司法局动态第${i + 1}期`, `2026-02-${String(i + 1).padStart(2, '0')}`),
        ),
        item(county.deptB.id, '市场监管局最新通告', '2026-02-28'),
        item(county.deptA.id, '司法局内部通知', '2026-03-01'),
        item(county.deptA.id, '司法局两年前的动态', '2024-01-05'),
      ]);
      await tx
        .updateTable('informationItems')
        .set({ scope: 'internal' })
        .where('title', '=', '司法局内部通知')
        .execute();
    });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const titles = (body: string) =>
    [...(body.split('id="latest-h"')[1] ?? '').matchAll(/<a href="\/d\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);

  it('the region home: search box to /search, the ten newest public items of all agencies with date and agency', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<form[^>]*role="search"[^>]*method="get"[^>]*action="\/search"/);
    expect(res.body).toMatch(/<label for="home-q">[^<]+<\/label> <input id="home-q" name="q"/);
    expect(res.body).not.toMatch(/<script/i);
    const list = titles(res.body);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('市场监管局最新通告');
    expect(list.slice(1, 4)).toEqual(['司法局动态第12期', '司法局动态第11期', '司法局动态第10期']);
    expect(res.body).toContain('<time datetime="2026-02-28">2026-02-28</time>');
    expect(res.body).toContain(`<a href="/a/${county.deptB.code}/">${county.deptB.name}</a>`);
    expect(res.body).not.toContain('司法局内部通知');
  });

  it('the agency home: search within the agency, the 专栏 links, its own newest items only; past retention left out', async () => {
    const res = await app.inject(`/a/${county.deptA.code}/`);
    expect(res.body).toMatch(new RegExp(`action="/a/${county.deptA.code}/search"`));
    expect(res.body).toContain(`href="/a/${county.deptA.code}/catalog"`);
    const list = titles(res.body);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('司法局动态第12期');
    expect(list).not.toContain('市场监管局最新通告');
    expect(res.body).not.toContain('司法局内部通知');

    // with few items the old one would be next — but it is past the one-year online retention
    await t.deps.db.deleteFrom('searchDocuments').execute();
    await t.deps.db
      .updateTable('informationItems')
      .set({ status: 'revoked' })
      .where('title', 'like', '司法局动态%')
      .execute();
    await cacheChanged(t.deps, t.deps.db, 'latest'); // what revokeItem does in its transaction (the homes' list is cached)
    const after = await app.inject(`/a/${county.deptA.code}/`);
    expect(titles(after.body)).toEqual([]);
    expect(after.body).toContain('暂无公开信息');
  });
});
