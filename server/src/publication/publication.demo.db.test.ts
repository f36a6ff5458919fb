/** Demo data and the synthetic generator of the publication module (both databases). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { generateSynthetic } from '../demo/generate.ts';
import { buildApp } from '../http/build-app.ts';
import { searchItems } from '../search/index.ts';
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
