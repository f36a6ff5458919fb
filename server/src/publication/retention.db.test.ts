/**
 * Online retention (《省司法厅信息公开指南》; docs/product.md §2.3.6): items outside the permanent catalog categories
 * leave the public site after one year — the lists, search (portal and API), feeds and the sitemap
 * alike — while permanent-category items stay; an archived item's permalink says so and links the
 * agency's application form prefilled with its title and 索引号.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { insertPublishedBatch } from './publication.bulk.ts';
import { publicationRepository } from './publication.repository.ts';
import { ensureCatalog } from './publication.service.ts';
import { retentionCutoffOn } from './retention.service.ts';

// the clock is fixed at 2026-11-21 (Beijing); 13 months earlier is 2025-10-21
const OLD = '2025-10-21';
const RECENT = '2026-10-01';
const WORDS = { oldPlain: '鹦鹉', oldPermanent: '孔雀', recentPlain: '画眉' } as const;

describe('retention cutoff (pure)', () => {
  it('《省司法厅信息公开指南》: one year back from today', () => {
    expect(retentionCutoffOn('2026-11-21', 1)).toBe('2025-11-21');
    expect(retentionCutoffOn('2026-11-21', 3)).toBe('2023-11-21');
  });
});

describe.each(dialects())(
  '《省司法厅信息公开指南》: online retention on every public surface (%s)',
  (dialect) => {
    let t: TestDb;
    let app: App;
    let code: string;
    const ids: Record<keyof typeof WORDS, number> = { oldPlain: 0, oldPermanent: 0, recentPlain: 0 };
    let oldIndexNo: string;

    beforeAll(async () => {
      t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
      app = await buildApp(t.deps);
      const county = await makeCounty(t.deps);
      code = county.deptA.code;
      const a = county.deptA.id;
      await inTransaction(t.deps, async (tx) => {
        await ensureCatalog(t.deps, tx, a);
        const entries = await publicationRepository.catalog(tx, a);
        const permanent = entries.find((e) => e.parentId !== null && e.permanent === 1)!;
        const plain = entries.find((e) => e.parentId !== null && e.permanent !== 1)!;
        const item = (word: string, on: string, entryId: number) => ({
          agencyId: a,
          catalogEntryId: entryId,
          title: `关于${word}保护的通知`,
          subjectCode: null,
          publisher: county.deptA.name,
          generatedOn: on,
          publishedOn: on,
          docNo: null,
          bodyHtml: `<p>${word}是本县常见鸟类。</p>`,
        });
        const [o, p, r] = await insertPublishedBatch(t.deps, tx, [
          item(WORDS.oldPlain, OLD, plain.id),
          item(WORDS.oldPermanent, OLD, permanent.id),
          item(WORDS.recentPlain, RECENT, plain.id),
        ]);
        ids.oldPlain = o!;
        ids.oldPermanent = p!;
        ids.recentPlain = r!;
      });
      oldIndexNo = (await publicationRepository.itemById(t.deps.db, ids.oldPlain))!.indexNo!;
    });
    afterAll(async () => {
      await app?.close();
      await t?.close();
    });

    const get = async (url: string) => (await app.inject(url)).body;

    it('search (portal region and agency, public API) leaves out a 13-month-old non-permanent item, keeps a permanent one', async () => {
      for (const [key, word] of Object.entries(WORDS) as [keyof typeof WORDS, string][]) {
        const q = encodeURIComponent(word);
        const expected = key !== 'oldPlain';
        const api = (await app.inject(`/api/v1/publication/search?q=${q}`)).json() as {
          items: { id: number }[];
        };
        expect(
          api.items.map((i) => i.id),
          `${key} api`,
        ).toEqual(expected ? [ids[key]] : []);
        expect((await get(`/search?q=${q}`)).includes(`/d/${ids[key]}"`), `${key} region`).toBe(expected);
        expect((await get(`/a/${code}/search?q=${q}`)).includes(`/d/${ids[key]}"`), `${key} agency`).toBe(
          expected,
        );
      }
      // the shared word finds exactly the two items still online
      const both = (
        await app.inject(`/api/v1/publication/search?q=${encodeURIComponent('鸟类')}`)
      ).json() as {
        items: { id: number }[];
        total: number;
        capped: boolean;
      };
      expect(both.items.map((i) => i.id).sort((x, y) => x - y)).toEqual(
        [ids.oldPermanent, ids.recentPlain].sort((x, y) => x - y),
      );
      expect(both).toMatchObject({ total: 2, capped: false });
    });

    it('feeds (RSS, Atom) and the document sitemap follow the same rule as the lists', async () => {
      for (const url of [
        `/a/${code}/feed.xml`,
        `/a/${code}/atom.xml`,
        '/sitemap-documents.xml',
        `/a/${code}/catalog`,
      ]) {
        const body = await get(url);
        expect(body, url).not.toMatch(new RegExp(`/d/${ids.oldPlain}[<"]`));
        expect(body, url).toMatch(new RegExp(`/d/${ids.oldPermanent}[<"]`));
        expect(body, url).toMatch(new RegExp(`/d/${ids.recentPlain}[<"]`));
      }
    });

    it('the permalink of an archived item still opens, says it is archived and links the prefilled application form', async () => {
      const page = await get(`/d/${ids.oldPlain}`);
      expect(page).toContain(`关于${WORDS.oldPlain}保护的通知`);
      expect(page).toMatch(/留存期|保留期/);
      const href = /href="(\/a\/[^"]+\/apply\?[^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
      expect(href).toBeDefined();
      const params = new URL(href!, 'http://x').searchParams;
      expect(params.get('title')).toBe(`关于${WORDS.oldPlain}保护的通知`);
      expect([...params.values()]).toContain(oldIndexNo);
      // a permanent-category item of the same age and a recent one carry no such notice
      expect(await get(`/d/${ids.oldPermanent}`)).not.toMatch(/留存期|保留期/);
      expect(await get(`/d/${ids.recentPlain}`)).not.toMatch(/留存期|保留期/);
    });
  },
);
