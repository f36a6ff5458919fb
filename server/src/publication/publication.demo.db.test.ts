/** Demo data and the synthetic generator of the publication module (both databases). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { generateSynthetic } from '../demo/generate.ts';
import { buildApp } from '../http/build-app.ts';
import { searchItems } from '../search/index.ts';
import { handoversOf, listFilings, volumesOf } from './archive.service.ts';
import { guideReview, guideWorkspace } from './guide.service.ts';
import { actorFor } from './publication.demo.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('publication demo and generator (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
  });
  afterEach(async () => t.close());

  it('the demo county has published documents (some abolished with replacements, interpretations) and work in progress that stays private', async () => {
    await seedDemo(t.deps);
    const app = await buildApp(t.deps);
    try {
      const hits = await searchItems(t.deps, { q: '调解' });
      expect(hits.total).toBeGreaterThanOrEqual(3);
      const abolished = hits.hits.find((h) => h.validity === 'abolished')!;
      const page = await app.inject(`/d/${abolished.itemId}`);
      expect(page.body).toContain('本文件已废止');
      expect(page.body).toContain('现行文件');
      const policy = hits.hits.find((h) => h.title === '云岭县人民调解工作规范')!;
      expect((await app.inject(`/d/${policy.itemId}`)).body).toContain('《云岭县人民调解工作规范》政策解读');
      // the draft with a resident ID and the internal item never reach the public
      expect((await searchItems(t.deps, { q: '律师名单' })).total).toBe(0);
      expect((await searchItems(t.deps, { q: '一季度' })).total).toBe(0);
      const catalog = await app.inject('/a/sfj/catalog');
      expect(catalog.body).toContain('行政法规、规章和规范性文件');
      const years = new Set(
        (await searchItems(t.deps, { q: '', pageSize: 100 })).hits.map((h) => h.publishedOn.slice(0, 4)),
      );
      expect([...years].sort()).toEqual(['2024', '2025', '2026']);
    } finally {
      await app.close();
    }
  });

  it('the demo county has published guides (one at version 2, one due for review, none for the 司法局), filings in each review state and a closed 2025 volume handed over to the 档案馆 and 公共图书馆', async () => {
    await seedDemo(t.deps);
    const id = async (code: string) =>
      (await t.deps.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow())
        .id;
    const gkb = (await actorFor(t.deps, 'gkb'))!;
    const scj = (await actorFor(t.deps, 'scj-gk'))!;
    // 司法局: no guide — the archive journey starts from the review warning
    expect((await guideReview(t.deps, t.deps.db, await id('sfj'))).reasons).toEqual(['never_published']);
    // 统计局: published 2025-10-10, more than 12 months ago → due for review (《省司法厅政务公开意见》: 每年更新)
    expect((await guideReview(t.deps, t.deps.db, await id('tjj'))).reasons).toContain('review_due');
    const ws = await guideWorkspace(t.deps, t.deps.db, scj, await id('scjgj'));
    expect(ws.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(ws.review.due).toBe(false);
    const published = await t.deps.db.selectFrom('guideVersions').select('agencyId').distinct().execute();
    expect(published.length).toBeGreaterThanOrEqual(15);
    const app = await buildApp(t.deps);
    try {
      const page = (await app.inject('/a/scjgj/guide')).body;
      expect(page).toContain('第 2 版');
      expect(page).toContain('12315');
    } finally {
      await app.close();
    }

    const filings = await listFilings(t.deps, t.deps.db, gkb, 'received');
    expect(filings.map((f) => f.status).sort()).toEqual(['correction_required', 'filed', 'reviewed']);
    expect(filings.find((f) => f.status === 'correction_required')?.reviewNote).toContain('重新报备');
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', 'in', ['guide', 'item_filing', 'archive_volume', 'archive_handover'])
      .execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      'guide.published',
      'filing.filed',
      'filing.reviewed',
      'filing.correction_required',
      'archive.volume_closed',
      'archive.handed_over',
    ])
      expect(actions).toContain(a);

    const volumes = await volumesOf(t.deps, t.deps.db, scj, await id('scjgj'));
    expect(volumes).toMatchObject([{ year: 2025, status: 'closed' }]);
    expect(volumes[0]!.itemCount).toBeGreaterThan(0);
    const handovers = await handoversOf(t.deps, t.deps.db, scj, await id('scjgj'));
    expect(handovers.map((h) => h.recipientKind).sort()).toEqual(['public_library', 'state_archive']);
    // the 司法局 builds its own 2025 volume in the archive journey
    expect(await volumesOf(t.deps, t.deps.db, (await actorFor(t.deps, 'sfj-gk'))!, await id('sfj'))).toEqual(
      [],
    );
  });

  it('gongkai generate --documents: batched items with unique 索引号, all searchable', async () => {
    await seedDemo(t.deps);
    // the public count is capped (SEARCH_CAP): count every indexed item with a cap above the total
    const caps = { count: 100_000, relevance: 500 };
    const before = (await searchItems(t.deps, { q: '', caps })).total;
    const r = await generateSynthetic(t.deps, { agencies: 0, documents: 2500, applications: 0, seed: 7 });
    expect(r.summary.join('\n')).toContain('2500');
    expect((await searchItems(t.deps, { q: '', caps })).total).toBe(before + 2500);
    // the generator builds the FTS5 index after its rows: a word of the generated bodies finds them all
    const all = await searchItems(t.deps, { q: '工作', caps });
    expect(all.total).toBeGreaterThanOrEqual(2500);
    expect((await searchItems(t.deps, { q: '工作' })).capped).toBe(true);
    const nos = await t.deps.db
      .selectFrom('informationItems')
      .select('indexNo')
      .where('indexNo', 'is not', null)
      .execute();
    expect(new Set(nos.map((n) => n.indexNo)).size).toBe(nos.length);
    expect((await searchItems(t.deps, { q: '法律援助' })).total).toBeGreaterThan(0);
  });
});
