/**
 * `gongkai generate --documents N` on both databases: N public items with unique 索引号, all in the
 * search index (FTS5 / GIN, rebuilt after the load), the secondary indexes back in place, and an audit
 * chain that still verifies (the load writes summary events, docs/audit.md).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { generateSynthetic } from '../demo/generate.ts';
import { searchItems } from '../search/index.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

async function indexNames(t: TestDb): Promise<string[]> {
  const rows =
    t.deps.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('information_items', 'search_documents')`.execute(
            t.deps.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('information_items', 'search_documents')`.execute(
            t.deps.db,
          )
        ).rows;
  return rows.map((r) => r.name).sort();
}

describe.each(dialects())('generate --documents (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb(dialect);
  });
  afterAll(() => t.close());

  it('a load of 12,000 items (index after load) yields 12,000 public, searchable items and a verifying chain', async () => {
    const r0 = await generateSynthetic(t.deps, { agencies: 40, documents: 0, applications: 0, seed: 3 });
    expect(r0.ok).toBe(true);
    const indexesBefore = await indexNames(t);
    expect(indexesBefore.length).toBeGreaterThan(3);
    const N = 12_000;
    const r = await generateSynthetic(t.deps, { agencies: 0, documents: N, applications: 0, seed: 3 });
    expect(r.ok).toBe(true);
    expect(r.summary.join('\n')).toContain(`已生成 ${N} 条公开信息`);
    const counts = await t.deps.db
      .selectFrom('informationItems')
      .select((eb) => [eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'published')
      .where('scope', '=', 'public')
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(N);
    // 索引号 unique per agency, each allocated from the counters (publication/index-number.ts)
    const nos = await t.deps.db.selectFrom('informationItems').select(['agencyId', 'indexNo']).execute();
    expect(new Set(nos.map((x) => `${x.agencyId}|${x.indexNo}`)).size).toBe(N);
    // the indexes dropped for the load are all back
    expect(await indexNames(t)).toEqual(indexesBefore);
    // every item is in the search index: the empty query counts them, a generated word finds them
    const caps = { count: 100_000, relevance: 500 };
    expect((await searchItems(t.deps, { q: '', caps })).total).toBe(N);
    const hit = await searchItems(t.deps, { q: '法律援助', caps });
    expect(hit.total).toBeGreaterThan(0);
    expect(hit.total).toBeLessThan(N);
    expect(hit.hits[0]!.title).toContain('法律援助');
    const direct = await t.deps.db
      .selectFrom('informationItems')
      .select((eb) => [eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.or([eb('title', 'like', '%法律援助%'), eb('bodyHtml', 'like', '%法律援助%')]))
      .executeTakeFirstOrThrow();
    expect(hit.total).toBe(Number(direct.n));
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('a small load on top (indexes kept) adds its items, searchable, and the chain still verifies', async () => {
    const r = await generateSynthetic(t.deps, { agencies: 0, documents: 300, applications: 0, seed: 4 });
    expect(r.ok).toBe(true);
    const caps = { count: 100_000, relevance: 500 };
    expect((await searchItems(t.deps, { q: '', caps })).total).toBe(12_300);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});
