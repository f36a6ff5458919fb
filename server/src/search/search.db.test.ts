/**
 * Chinese full-text search on both databases: exact recall (every item containing the query string,
 * two-character words included), filters, ranking, escaped-ready snippets, and the SAME results on
 * SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationRepository } from '../publication/publication.repository.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { normalise } from './bigram.ts';
import { indexPublicItem, searchItems, setIndexedValidity, unindexItem } from './search.service.ts';

const DOCS: {
  title: string;
  body: string;
  docNo?: string;
  validity?: string;
  on: string;
  subject?: string;
}[] = [
  {
    title: '关于印发2025年政务公开工作要点的通知',
    body: '各股室：现将政务公开工作要点印发给你们。',
    docNo: '某司发〔2025〕3号',
    on: '2025-03-10',
    subject: '02.01',
  },
  {
    title: '某县司法局2024年部门预算',
    body: '一般公共预算支出合计。三公经费预算情况说明。',
    on: '2024-02-01',
    subject: '04.01',
  },
  {
    title: '人民调解工作规定',
    body: '调解委员会调解民间纠纷，应当遵循自愿原则。',
    docNo: '某司规〔2023〕1号',
    validity: 'abolished',
    on: '2024-05-05',
    subject: '16.03',
  },
  {
    title: '关于公开招聘人民调解员的公告',
    body: '报名时间：即日起。咨询：司法局政治处。公开、公平、竞争、择优。',
    on: '2026-01-15',
    subject: '15.03',
  },
  { title: 'Ｅ-mail 受理渠道说明', body: '政府信息公开申请可通过信函、网络提交。', on: '2025-07-01' },
  {
    title: '法律援助',
    body: '法律援助是国家建立的无偿法律服务制度。援助对象为经济困难公民。',
    on: '2025-09-09',
    subject: '16.03',
  },
];

async function seed(t: TestDb) {
  const county = await makeCounty(t.deps);
  const ids: number[] = [];
  await t.deps.db.transaction().execute(async (tx) => {
    for (const [i, d] of DOCS.entries()) {
      const agencyId = i % 2 === 0 ? county.deptA.id : county.deptB.id;
      const row = await publicationRepository.insertItem(tx, {
        agencyId,
        title: d.title,
        publisher: 'x',
        generatedOn: d.on,
        publishedOn: d.on,
        validity: d.validity ?? 'valid',
        scope: 'public',
        channelsJson: '[]',
        attribute: 'proactive',
        bodyHtml: d.body,
        status: 'published',
        createdAt: d.on,
        updatedAt: d.on,
        subjectCode: d.subject ?? null,
        docNo: d.docNo ?? null,
      });
      ids.push(row.id);
      await indexPublicItem(t.deps, tx, {
        itemId: row.id,
        agencyId,
        catalogEntryId: null,
        subjectCode: d.subject ?? null,
        docNo: d.docNo ?? null,
        validity: d.validity ?? 'valid',
        publishedOn: d.on,
        title: d.title,
        bodyText: d.body,
        keywords: [],
        attachmentTexts: [],
      });
    }
  });
  return { county, ids };
}

/** The reference: every doc whose normalised text contains every normalised query term. */
function reference(q: string, ids: number[]): number[] {
  const terms = normalise(q).split(' ').filter(Boolean);
  return DOCS.flatMap((d, i) => {
    const text = normalise([d.title, d.docNo ?? '', d.body].join(' ')).replaceAll(' ', '|');
    return terms.every((t) => text.includes(t)) ? [ids[i]!] : [];
  }).sort((a, b) => a - b);
}

const QUERIES = [
  '公开',
  '调解',
  '预算',
  '援助',
  '法律援助',
  '县',
  '司',
  '政务 公开',
  'e mail',
  '三公经费',
  '不存在的词',
  '2025',
];

describe.each(dialects())('search (%s)', (dialect) => {
  let t: TestDb;
  let ids: number[];
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeAll(async () => {
    t = await makeTestDb(dialect);
    ({ ids, county } = await seed(t));
  });
  afterAll(async () => t.close());

  it.each(QUERIES)('exact recall for %j: exactly the items containing it', async (q) => {
    const r = await searchItems(t.deps, { q, pageSize: 100 });
    expect(r.hits.map((h) => h.itemId).sort((a, b) => a - b)).toEqual(reference(q, ids));
    expect(r.total).toBe(reference(q, ids).length);
  });

  it('a two-character word inside a longer word is found (bigram index, not trigrams)', async () => {
    const r = await searchItems(t.deps, { q: '援助' });
    expect(r.hits.map((h) => h.title)).toEqual(['法律援助']);
  });

  it('ranks title matches first, then by date; date order is newest first', async () => {
    const r = await searchItems(t.deps, { q: '公开' });
    expect(r.hits.slice(0, 2).map((h) => h.title)).toEqual([
      '关于公开招聘人民调解员的公告',
      '关于印发2025年政务公开工作要点的通知',
    ]);
    const d = await searchItems(t.deps, { q: '公开', order: 'date' });
    expect(d.hits.map((h) => h.publishedOn)).toEqual([...d.hits.map((h) => h.publishedOn)].sort().reverse());
  });

  it('filters: agency, year, subject (first level includes second), document number, validity', async () => {
    expect((await searchItems(t.deps, { q: '', agencyIds: [county.deptB.id] })).total).toBe(3);
    expect(
      (await searchItems(t.deps, { q: '', year: 2025 })).hits.map((h) => h.publishedOn.slice(0, 4)),
    ).toEqual(['2025', '2025', '2025']);
    expect((await searchItems(t.deps, { q: '', subjectCode: '16' })).total).toBe(2);
    expect((await searchItems(t.deps, { q: '', docNo: '〔2023〕' })).hits.map((h) => h.title)).toEqual([
      '人民调解工作规定',
    ]);
    expect((await searchItems(t.deps, { q: '调解', validity: 'valid' })).hits.map((h) => h.title)).toEqual([
      '关于公开招聘人民调解员的公告',
    ]);
  });

  it('highlighted snippet parts mark the query inside the body', async () => {
    const r = await searchItems(t.deps, { q: '自愿' });
    expect(r.hits[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['自愿']);
  });

  it('the count is capped and says so; date order pages through the newest matches only', async () => {
    // '公开': docs 3 (2026-01-15), 4 (2025-07-01), 0 (2025-03-10)
    expect(reference('公开', ids)).toEqual([ids[0]!, ids[3]!, ids[4]!].sort((a, b) => a - b));
    const r = await searchItems(t.deps, { q: '公开', order: 'date', caps: { count: 2, relevance: 2 } });
    expect(r).toMatchObject({ total: 2, capped: true, rankedOf: null });
    expect(r.hits.map((h) => h.itemId)).toEqual([ids[3], ids[4]]);
    const all = await searchItems(t.deps, { q: '公开', order: 'date' });
    expect(all).toMatchObject({ total: 3, capped: false });
  });

  it('relevance ranks the newest matches up to the pool size', async () => {
    const r = await searchItems(t.deps, { q: '公开', caps: { count: 5, relevance: 2 } });
    expect(r).toMatchObject({ total: 3, capped: false, rankedOf: 2 });
    expect(r.hits.map((h) => h.itemId).sort((a, b) => a - b)).toEqual(
      [ids[3]!, ids[4]!].sort((a, b) => a - b),
    );
  });

  it('filters apply before the cap: an older match of one agency is found past newer matches of others', async () => {
    // deptA holds docs 0, 2, 4: its newest '公开' match is doc 4, behind doc 3 of deptB
    const r = await searchItems(t.deps, {
      q: '公开',
      order: 'date',
      agencyIds: [county.deptA.id],
      caps: { count: 1, relevance: 1 },
    });
    expect(r).toMatchObject({ total: 1, capped: true });
    expect(r.hits.map((h) => h.itemId)).toEqual([ids[4]]);
    const y = await searchItems(t.deps, {
      q: '公开',
      year: 2025,
      subjectCode: '02',
      caps: { count: 1, relevance: 1 },
    });
    expect(y.hits.map((h) => h.itemId)).toEqual([ids[0]]);
    expect(y.capped).toBe(false);
  });

  it('online retention: items before the cutoff leave the results, per agency cutoffs apply', async () => {
    const q = '公开';
    const cut = await searchItems(t.deps, { q, order: 'date', retention: { cutoff: '2025-06-01' } });
    expect(cut.hits.map((h) => h.itemId)).toEqual([ids[3], ids[4]]);
    const perAgency = await searchItems(t.deps, {
      q,
      order: 'date',
      retention: { cutoff: '2025-06-01', byAgency: [{ agencyIds: [county.deptA.id], cutoff: '2025-01-01' }] },
    });
    expect(perAgency.hits.map((h) => h.itemId)).toEqual([ids[3], ids[4], ids[0]]);
  });

  it('a validity change re-indexes the filter tag', async () => {
    await t.deps.db.transaction().execute((tx) => setIndexedValidity(tx, ids[0]!, 'amended'));
    expect((await searchItems(t.deps, { q: '政务', validity: 'amended' })).hits.map((h) => h.itemId)).toEqual(
      [ids[0]],
    );
    expect((await searchItems(t.deps, { q: '政务', validity: 'valid' })).total).toBe(0);
    await t.deps.db.transaction().execute((tx) => setIndexedValidity(tx, ids[0]!, 'valid'));
    expect((await searchItems(t.deps, { q: '政务', validity: 'valid' })).total).toBe(1);
  });

  it('an unindexed item disappears at once', async () => {
    await t.deps.db.transaction().execute((tx) => unindexItem(t.deps, tx, ids[5]!));
    expect((await searchItems(t.deps, { q: '援助' })).total).toBe(0);
  });
});

describe.runIf(dialects().length === 2)('search gives the same results on SQLite and PostgreSQL', () => {
  it('same items in the same order with the same scores for every query', async () => {
    const s = await makeTestDb('sqlite');
    const p = await makeTestDb('postgres');
    try {
      await seed(s);
      await seed(p);
      for (const q of QUERIES) {
        for (const order of ['relevance', 'date'] as const) {
          // uncapped, and with caps small enough that the capped paths run (same candidates on both)
          for (const caps of [undefined, { count: 2, relevance: 1 }]) {
            const a = await searchItems(s.deps, { q, order, caps });
            const b = await searchItems(p.deps, { q, order, caps });
            expect(b.hits.map((h) => [h.title, h.score])).toEqual(a.hits.map((h) => [h.title, h.score]));
            expect([b.total, b.capped, b.rankedOf]).toEqual([a.total, a.capped, a.rankedOf]);
          }
        }
      }
    } finally {
      await s.close();
      await p.close();
    }
  });
});
