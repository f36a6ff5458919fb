/**
 * THE FIRST SECURITY PROPERTY (docs/product.md §6), tested as such: an item in any non-public state is
 * unreachable for the public through pages, search results and snippets, attachment URLs, the JSON
 * API, feeds, the sitemap and error messages. A public control item proves each surface works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { resolveActorForTest } from './publication.test-support.ts';
import { publicationRepository } from './publication.repository.ts';
import * as svc from './publication.service.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

/** state → its unique marker word (two characters, as a citizen would search) */
const STATES = {
  draft: '麒麟',
  leader_review: '貔貅',
  office_review: '饕餮',
  not_public: '魑魅',
  on_request: '魍魉',
  deferred: '螳螂',
  internal: '蜻蜓',
  revoked_before: '蟋蟀',
  revoked_after: '蚂蚱',
} as const;
const PARTIAL_ORIGINAL = '鸳鸯';
const PARTIAL_PUBLIC = '喜鹊';
const CONTROL = '凤凰';

describe.each(dialects())(
  'first security property: nothing non-public reaches the public (%s)',
  (dialect) => {
    let t: TestDb;
    let app: App;
    let code: string;
    const ids: Record<string, number> = {};
    const files: Record<string, number> = {};

    beforeAll(async () => {
      t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
      app = await buildApp(t.deps);
      const county = await makeCounty(t.deps);
      code = county.deptA.code;
      const a = county.deptA.id;
      const drafter = await resolveActorForTest(
        t.deps,
        await makeStaff(t.deps, [{ agencyId: a, role: 'drafter' }]),
      );
      const leader = await resolveActorForTest(
        t.deps,
        await makeStaff(t.deps, [{ agencyId: a, role: 'leader' }]),
      );
      const reviewer = await resolveActorForTest(
        t.deps,
        await makeStaff(t.deps, [{ agencyId: a, role: 'confidentiality_reviewer' }]),
      );
      const office = await resolveActorForTest(
        t.deps,
        await makeStaff(t.deps, [{ agencyId: a, role: 'disclosure_office' }]),
      );
      const tx = <T>(fn: (x: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
        inTransaction(t.deps, fn);

      const make = async (word: string, over: Partial<svc.ItemInput> = {}, attach = true) => {
        const item = await tx((x) =>
          svc.createItem(
            t.deps,
            x,
            { actor: drafter },
            {
              agencyId: a,
              title: `关于${word}事项的通知`,
              generatedOn: '2026-02-27',
              scope: 'public',
              attribute: 'proactive',
              summary: `${word}概述`,
              bodyHtml: `<p>${word}正文内容。</p>`,
              ...over,
            },
          ),
        );
        if (attach) {
          const r = await tx((x) =>
            svc.addAttachment(t.deps, x, { actor: drafter }, item.id, { name: `${word}.png`, bytes: PNG }),
          );
          files[word] = r.attachment.id;
        }
        ids[word] = item.id;
        return item.id;
      };
      const submit = (id: number) =>
        tx((x) => svc.submitItem(t.deps, x, { actor: drafter }, id, { opinion: '意见' }));
      const lead = (id: number) =>
        tx((x) => svc.leaderReview(t.deps, x, { actor: leader }, id, { decision: 'approve', comment: null }));
      const conclude = (id: number, conclusion: svc.OfficeConclusion) =>
        tx((x) =>
          svc.officeReview(t.deps, x, { actor: reviewer }, id, { conclusion, basis: '依据', reason: '理由' }),
        );
      const approve = (id: number) =>
        tx((x) => svc.approveItem(t.deps, x, { actor: leader }, id, { decision: 'approve', comment: null }));
      const publishAll = async (id: number) => {
        await submit(id);
        await lead(id);
        await conclude(id, 'public');
        return approve(id);
      };

      await make(CONTROL);
      await publishAll(ids[CONTROL]!);

      await make(STATES.draft);
      await submit(await make(STATES.leader_review));
      const r = await make(STATES.office_review);
      await submit(r);
      await lead(r);
      const np = await make(STATES.not_public);
      await submit(np);
      await lead(np);
      await conclude(np, 'not_public');
      const or = await make(STATES.on_request, {
        attribute: 'on_request',
        nonDisclosureGround: 'process_info',
      });
      await submit(or);
      await lead(or);
      await conclude(or, 'not_public');
      const df = await make(STATES.deferred);
      await submit(df);
      await lead(df);
      await conclude(df, 'defer');
      await publishAll(await make(STATES.internal, { scope: 'internal' }));
      const sch = await make(STATES.revoked_before, { scheduledAt: '2026-12-01T00:00:00.000Z' });
      expect((await publishAll(sch)).status).toBe('scheduled');
      await tx((x) => svc.revokeItem(t.deps, x, { actor: office }, sch, { explanation: '撤回' }));
      const ra = await make(STATES.revoked_after);
      await publishAll(ra);
      await tx((x) => svc.revokeItem(t.deps, x, { actor: office }, ra, { explanation: '发布有误' }));

      // partial publication: the redacted version is public, the original body and original file stay internal
      // the summary is public metadata: the drafter writes it for the public version
      const p = await make(
        PARTIAL_ORIGINAL,
        {
          partial: true,
          publicBodyHtml: `<p>${PARTIAL_PUBLIC}公开版本。</p>`,
          title: `关于${PARTIAL_PUBLIC}事项的通知`,
          summary: `${PARTIAL_PUBLIC}概述`,
        },
        false,
      );
      const orig = await tx((x) =>
        svc.addAttachment(t.deps, x, { actor: drafter }, p, {
          name: `${PARTIAL_ORIGINAL}原件.png`,
          bytes: PNG,
          publicVisible: false,
        }),
      );
      files[PARTIAL_ORIGINAL] = orig.attachment.id;
      const red = await tx((x) =>
        svc.addAttachment(t.deps, x, { actor: drafter }, p, { name: `${PARTIAL_PUBLIC}.png`, bytes: PNG }),
      );
      files[PARTIAL_PUBLIC] = red.attachment.id;
      ids[PARTIAL_PUBLIC] = p;
      await publishAll(p);
    });
    afterAll(async () => {
      await app.close();
      await t.close();
    });

    async function publicSurfaces(word: string) {
      const get = async (url: string) => (await app.inject(url)).body;
      return {
        region: await get(`/search?q=${encodeURIComponent(word)}`),
        agency: await get(`/a/${code}/search?q=${encodeURIComponent(word)}`),
        api: (await app.inject(`/api/v1/publication/search?q=${encodeURIComponent(word)}`)).json() as {
          total: number;
          items: { id: number }[];
        },
        catalog: await get(`/a/${code}/catalog`),
        rss: await get(`/a/${code}/feed.xml`),
        atom: await get(`/a/${code}/atom.xml`),
        sitemap: await get('/sitemap-documents.xml'),
      };
    }

    it('control: a published public item is reachable on every surface (so the checks below can fail)', async () => {
      const id = ids[CONTROL]!;
      const page = await app.inject(`/d/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`关于${CONTROL}事项的通知`);
      const s = await publicSurfaces(CONTROL);
      expect(s.region).toContain(`href="/d/${id}"`);
      expect(s.agency).toContain(`<mark>${CONTROL}</mark>`);
      expect(s.api.items.map((i) => i.id)).toEqual([id]);
      expect(s.catalog).toContain(`/d/${id}`);
      expect(s.rss).toContain(`/d/${id}`);
      expect(s.atom).toContain(`/d/${id}`);
      expect(s.sitemap).toContain(`/d/${id}<`);
      expect((await app.inject(`/d/${id}/files/${files[CONTROL]}`)).statusCode).toBe(200);
    });

    it.each(Object.entries(STATES))(
      '%s: page, search, snippets, attachment, API, feeds, sitemap and errors reveal nothing',
      async (_state, word) => {
        const id = ids[word]!;
        const page = await app.inject(`/d/${id}`);
        expect(page.statusCode).toBe(404);
        expect(page.body).not.toContain(word);
        expect(page.body).toContain('您访问的页面不存在或尚未公开');
        const print = await app.inject(`/d/${id}?print=1`);
        expect(print.statusCode).toBe(404);

        const s = await publicSurfaces(word);
        for (const html of [s.region, s.agency]) {
          expect(html).not.toContain(`/d/${id}"`);
          expect(html).not.toContain(`<mark>${word}</mark>`);
          expect(html).not.toContain(`${word}正文`);
          expect(html).toContain('共找到 <strong>0</strong> 条结果');
        }
        expect(s.api.total).toBe(0);
        for (const body of [s.catalog, s.rss, s.atom, s.sitemap]) {
          expect(body).not.toContain(word);
          expect(body).not.toContain(`/d/${id}<`);
          expect(body).not.toContain(`/d/${id}"`);
        }
        const file = await app.inject(`/d/${id}/files/${files[word]}`);
        expect(file.statusCode).toBe(404);
        expect(file.body).not.toContain(word);
        // attachment id guessed against the public control item is refused too
        expect((await app.inject(`/d/${ids[CONTROL]}/files/${files[word]}`)).statusCode).toBe(404);
        // the staff API without a session says only "please log in"
        const api = await app.inject(`/api/v1/admin/publication/items/${id}`);
        expect(api.statusCode).toBe(401);
        expect(api.body).not.toContain(word);
      },
    );

    it('partial publication: the redacted version is public, the original body and original file are not', async () => {
      const id = ids[PARTIAL_PUBLIC]!;
      const page = await app.inject(`/d/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`${PARTIAL_PUBLIC}公开版本`);
      expect(page.body).not.toContain(PARTIAL_ORIGINAL);
      expect(page.body).not.toContain(`/files/${files[PARTIAL_ORIGINAL]}`);
      expect((await app.inject(`/d/${id}/files/${files[PARTIAL_PUBLIC]}`)).statusCode).toBe(200);
      expect((await app.inject(`/d/${id}/files/${files[PARTIAL_ORIGINAL]}`)).statusCode).toBe(404);
      const s = await publicSurfaces(PARTIAL_ORIGINAL);
      expect(s.api.total).toBe(0);
      expect(s.region).toContain('共找到 <strong>0</strong> 条结果');
      expect((await publicSurfaces(PARTIAL_PUBLIC)).api.items.map((i) => i.id)).toEqual([id]);
    });

    it('only published public items are in the search index at all', async () => {
      const indexed = await t.deps.db
        .selectFrom('searchDocuments')
        .select('itemId')
        .orderBy('itemId')
        .execute();
      expect(indexed.map((r) => r.itemId)).toEqual(
        [ids[CONTROL]!, ids[PARTIAL_PUBLIC]!].sort((a, b) => a - b),
      );
      const internal = await publicationRepository.itemById(t.deps.db, ids[STATES.internal]!);
      expect(internal?.status).toBe('published');
    });
  },
);
