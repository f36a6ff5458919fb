/**
 * 0010_search_perf on a database that already holds search documents: the SQL backfill gives the
 * same sort keys and filter tags as search.service.ts, and the rebuilt FTS5 index finds them.
 */
import { Migrator, PostgresAdapter, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToLatest } from '../db/migrate.ts';
import { publicationRepository } from '../publication/publication.repository.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { searchDocumentFor, searchItems } from './search.service.ts';

describe.each(dialects())('0010_search_perf backfills existing documents (%s)', (dialect) => {
  let t: TestDb;
  afterEach(async () => t.close());

  it('sort keys and filter tags equal the service’s; the rebuilt index finds the items', async () => {
    t = await makeTestDb(dialect, { prepare: false });
    const db = t.deps.db;
    const schema =
      db.getExecutor().adapter instanceof PostgresAdapter
        ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s
        : undefined;
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0010'));
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => before },
      migrationTableName: 'schema_migrations',
      migrationLockTableName: 'schema_migrations_lock',
      ...(schema ? { migrationTableSchema: schema } : {}),
    }).migrateToLatest();
    expect(error).toBeUndefined();
    // the agencies as the schema of 0009 holds them, written directly: the services of today write
    // audit events into tables of later migrations (0014 audit_chains)
    const agency = async (kind: string, name: string, code: string, parentId: number | null) => {
      const at = '2025-01-01T00:00:00.000Z';
      const r = await db
        .insertInto('agencies')
        .values({ kind, name, code, parentId, acceptsApplications: 1, createdAt: at, updatedAt: at } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    };
    const region = await agency('region', '测试县', 'r1', null);
    const gov = await agency('government', '测试县人民政府', 'g1', region);
    const county = { deptA: { id: await agency('department', '测试县司法局', 'd1', gov) } };
    const docs = [
      { on: '2025-03-10', subject: '16.03', validity: 'valid', entry: null, title: '法律援助工作方案' },
      { on: '1998-07-01', subject: '02', validity: 'abolished', entry: null, title: '人民调解办法' },
      { on: '2026-02-28', subject: null, validity: 'amended', entry: null, title: '法律援助申请指南' },
    ];
    const expected = [];
    for (const d of docs) {
      const row = await publicationRepository.insertItem(db, {
        agencyId: county.deptA.id,
        title: d.title,
        publisher: 'x',
        generatedOn: d.on,
        publishedOn: d.on,
        validity: d.validity,
        scope: 'public',
        channelsJson: '[]',
        attribute: 'proactive',
        bodyHtml: d.title,
        status: 'published',
        createdAt: d.on,
        updatedAt: d.on,
        subjectCode: d.subject,
        docNo: null,
      });
      const doc = searchDocumentFor({
        itemId: row.id,
        agencyId: county.deptA.id,
        catalogEntryId: d.entry,
        subjectCode: d.subject,
        docNo: null,
        validity: d.validity,
        publishedOn: d.on,
        title: d.title,
        bodyText: d.title,
        keywords: [],
        attachmentTexts: [],
      });
      expected.push(doc);
      const { sortKey: _k, tags: _t, ...old } = doc;
      await db
        .insertInto('searchDocuments')
        .values(old as typeof doc)
        .execute();
      if (dialect === 'sqlite')
        await sql`INSERT INTO search_fts(rowid, bi, uni) VALUES (${doc.itemId}, ${doc.bi}, ${doc.uni})`.execute(
          db,
        );
    }
    expect(await migrateToLatest(db)).toContain('0010_search_perf');
    const rows = await db
      .selectFrom('searchDocuments')
      .select(['itemId', 'sortKey', 'tags'])
      .orderBy('itemId')
      .execute();
    expect(rows.map((r) => [r.itemId, Number(r.sortKey), r.tags])).toEqual(
      expected.map((d) => [d.itemId, d.sortKey, d.tags]),
    );
    const r = await searchItems(t.deps, { q: '法律援助', order: 'date' });
    expect(r.hits.map((h) => h.itemId)).toEqual([expected[2]!.itemId, expected[0]!.itemId]);
    expect((await searchItems(t.deps, { q: '调解', validity: 'abolished', subjectCode: '02' })).total).toBe(
      1,
    );
  });
});
