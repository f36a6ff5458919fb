/**
 * The publication pipeline against both databases: scan blocking, the three-step confidentiality
 * review, approval, 索引号 allocation (unique under concurrent publication), search, revocation and
 * validity changes (docs/product.md §2.3, R.26).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchItems } from '../search/index.ts';
import { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { makePipelineActors, resolveActorForTest } from './publication.test-support.ts';
import { publicationRepository } from './publication.repository.ts';
import {
  approveItem,
  changeValidity,
  createItem,
  type ItemInput,
  leaderReview,
  officeReview,
  overrideScan,
  queue,
  revokeItem,
  submitItem,
  updateItem,
  updateSettings,
} from './publication.service.ts';

const ID = '11010519491231002X';

describe.each(dialects())('publication pipeline (%s)', (dialect) => {
  let t: TestDb;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let drafter: Awaited<ReturnType<typeof resolveActorForTest>>;
  let leader: Awaited<ReturnType<typeof resolveActorForTest>>;
  let reviewer: Awaited<ReturnType<typeof resolveActorForTest>>;
  let office: Awaited<ReturnType<typeof resolveActorForTest>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    county = await makeCounty(t.deps);
    ({ drafter, leader, reviewer, office } = await makePipelineActors(t.deps, county.deptA.id, {
      drafterUnitId: county.unitA.id,
    }));
  });
  afterEach(async () => t.close());

  const input = (over: Partial<ItemInput> = {}): ItemInput => ({
    agencyId: county.deptA.id,
    title: '关于开展2026年普法宣传月活动的通知',
    generatedOn: '2026-02-27',
    scope: 'public',
    attribute: 'proactive',
    bodyHtml: '<p>各司法所：为深入开展普法宣传，现将有关事项通知如下。</p>',
    ...over,
  });
  const tx = <T>(fn: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
    inTransaction(t.deps, fn);

  async function throughReview(id: number) {
    await tx((x) => submitItem(t.deps, x, { actor: drafter }, id, { opinion: '不涉密，建议主动公开' }));
    await tx((x) => leaderReview(t.deps, x, { actor: leader }, id, { decision: 'approve', comment: null }));
    await tx((x) =>
      officeReview(t.deps, x, { actor: reviewer }, id, {
        conclusion: 'public',
        basis: '《保密法》',
        reason: '不涉及国家秘密',
      }),
    );
  }

  it('R.26: creating a proactive item starts the 20-working-day clock from its generation date', async () => {
    const item = await tx((x) => createItem(t.deps, x, { actor: drafter }, input()));
    expect(item.status).toBe('draft');
    // 2026-02-27 (Fri) + 20 working days; Sat 2026-02-28 is a Spring Festival make-up working day
    // (国办发明电〔2025〕7号), so day 1 is 02-28 and day 20 is Thu 2026-03-26 rather than Fri 03-27
    expect(item.publishDueOn).toBe('2026-03-26');
  });

  it('the scan blocks submission of an item with a resident ID; after redaction it passes review and approval and is found by a two-character word', async () => {
    const item = await tx((x) =>
      createItem(
        t.deps,
        x,
        { actor: drafter },
        input({ bodyHtml: `<p>联系人张三，身份证号${ID}。</p><p>活动主题：宪法宣传。</p>` }),
      ),
    );
    expect(JSON.parse(item.scanJson!)[0].kind).toBe('resident_id');
    await expect(
      tx((x) => submitItem(t.deps, x, { actor: drafter }, item.id, { opinion: 'x' })),
    ).rejects.toMatchObject({ code: 'ITEM_SCAN_BLOCKED' });

    await tx((x) =>
      updateItem(
        t.deps,
        x,
        { actor: drafter },
        item.id,
        input({ bodyHtml: '<p>联系人张三，身份证号（已删除）。</p><p>活动主题：宪法宣传。</p>' }),
      ),
    );
    await throughReview(item.id);
    const published = await tx((x) =>
      approveItem(t.deps, x, { actor: leader }, item.id, { decision: 'approve', comment: '同意' }),
    );
    expect(published.status).toBe('published');
    expect(published.indexNo).toMatch(/\/2026-00001$/);

    const reviews = await publicationRepository.reviews(t.deps.db, item.id);
    expect(reviews.map((r) => `${r.stage}:${r.decision}`)).toEqual([
      'drafter:proactive',
      'leader:approve',
      'office:public',
      'approval:leader:approve',
    ]);

    const r = await searchItems(t.deps, { q: '宪法' });
    expect(r.hits.map((h) => h.itemId)).toEqual([item.id]);
    expect(r.hits[0]!.snippet.some((p) => p.hit && p.text === '宪法')).toBe(true);
  });

  it('a flagged item reaches publication only with the review office override, bound to the findings', async () => {
    const item = await tx((x) =>
      createItem(t.deps, x, { actor: drafter }, input({ bodyHtml: '<p>咨询电话13812345678</p>' })),
    );
    await tx((x) =>
      submitItem(t.deps, x, { actor: drafter }, item.id, {
        opinion: '对外公布的咨询电话',
        requestOverride: true,
      }),
    );
    await tx((x) =>
      leaderReview(t.deps, x, { actor: leader }, item.id, { decision: 'approve', comment: null }),
    );
    await tx((x) =>
      officeReview(t.deps, x, { actor: reviewer }, item.id, {
        conclusion: 'public',
        basis: null,
        reason: null,
      }),
    );
    await expect(
      tx((x) => approveItem(t.deps, x, { actor: leader }, item.id, { decision: 'approve', comment: null })),
    ).rejects.toMatchObject({
      code: 'ITEM_SCAN_BLOCKED',
    });
    // a drafter cannot override; the review office can
    await expect(
      tx((x) => overrideScan(t.deps, x, { actor: drafter }, item.id, { reason: 'x' })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await tx((x) =>
      overrideScan(t.deps, x, { actor: reviewer }, item.id, { reason: '该号码为单位对外咨询电话' }),
    );
    const p = await tx((x) =>
      approveItem(t.deps, x, { actor: leader }, item.id, { decision: 'approve', comment: null }),
    );
    expect(p.status).toBe('published');
  });

  it('a configurable approval chain: leader then principal; the principal step cannot be skipped', async () => {
    await tx((x) =>
      updateSettings(t.deps, x, { actor: office }, county.deptA.id, {
        indexPattern: '{agencyCode}/{yyyyMM}-{seq:4}',
        approvalChain: ['leader', 'principal'],
      }),
    );
    const principal = await resolveActorForTest(
      t.deps,
      await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'principal' }]),
    );
    const item = await tx((x) => createItem(t.deps, x, { actor: drafter }, input()));
    await throughReview(item.id);
    await expect(
      tx((x) =>
        approveItem(t.deps, x, { actor: principal }, item.id, { decision: 'approve', comment: null }),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const mid = await tx((x) =>
      approveItem(t.deps, x, { actor: leader }, item.id, { decision: 'approve', comment: null }),
    );
    expect(mid.status).toBe('approval');
    const q = await queue(t.deps, { actor: principal }, 'approval', 1, 20);
    expect(q.rows.map((r) => r.id)).toEqual([item.id]);
    const done = await tx((x) =>
      approveItem(t.deps, x, { actor: principal }, item.id, { decision: 'approve', comment: null }),
    );
    expect(done.indexNo).toBe(`${county.deptA.code}/202603-0001`);
  });

  it('索引号 stay unique when several items are published at the same time (one counter row per agency and year)', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const item = await tx((x) =>
        createItem(t.deps, x, { actor: drafter }, input({ title: `并发发布测试${i}` })),
      );
      await throughReview(item.id);
      ids.push(item.id);
    }
    const results = await Promise.allSettled(
      ids.map((id) =>
        tx((x) => approveItem(t.deps, x, { actor: leader }, id, { decision: 'approve', comment: null })),
      ),
    );
    // on PostgreSQL a concurrent audit-chain lock may serialise or (rarely) fail a transaction; none may duplicate
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.indexNo!] : []));
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok).size).toBe(ok.length);
    const all = await t.deps.db
      .selectFrom('informationItems')
      .select('indexNo')
      .where('indexNo', 'is not', null)
      .execute();
    expect(new Set(all.map((r) => r.indexNo)).size).toBe(all.length);
  });

  it('revocation removes the item from search in the same transaction; validity changes are reflected in the index', async () => {
    const a = await tx((x) =>
      createItem(
        t.deps,
        x,
        { actor: drafter },
        input({ title: '某县行政规范性文件管理办法', docNo: '某司规〔2026〕1号' }),
      ),
    );
    await throughReview(a.id);
    await tx((x) => approveItem(t.deps, x, { actor: leader }, a.id, { decision: 'approve', comment: null }));
    const b = await tx((x) =>
      createItem(t.deps, x, { actor: drafter }, input({ title: '某县行政规范性文件管理办法（修订）' })),
    );
    await throughReview(b.id);
    await tx((x) => approveItem(t.deps, x, { actor: leader }, b.id, { decision: 'approve', comment: null }));

    await tx((x) =>
      changeValidity(t.deps, x, { actor: office }, a.id, {
        validity: 'abolished',
        note: '被新办法替代',
        replacedById: b.id,
      }),
    );
    expect(
      (await searchItems(t.deps, { q: '规范性文件', validity: 'abolished' })).hits.map((h) => h.itemId),
    ).toEqual([a.id]);
    await expect(
      tx((x) =>
        changeValidity(t.deps, x, { actor: office }, a.id, {
          validity: 'abolished',
          note: 'x',
          replacedById: a.id,
        }),
      ),
    ).rejects.toMatchObject({ code: 'ITEM_REPLACEMENT_INVALID' });

    await tx((x) => revokeItem(t.deps, x, { actor: office }, b.id, { explanation: '发布有误，予以撤回' }));
    expect((await searchItems(t.deps, { q: '规范性文件' })).hits.map((h) => h.itemId)).toEqual([a.id]);
  });

  it('a non-public attribute needs its legal reason; an office conclusion 公开 on an 依申请公开 item is refused', async () => {
    await expect(
      tx((x) => createItem(t.deps, x, { actor: drafter }, input({ attribute: 'on_request' }))),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const item = await tx((x) =>
      createItem(
        t.deps,
        x,
        { actor: drafter },
        input({ attribute: 'on_request', nonDisclosureGround: 'process_info' }),
      ),
    );
    expect(item.publishDueOn).toBeNull();
    await tx((x) => submitItem(t.deps, x, { actor: drafter }, item.id, { opinion: '过程性信息' }));
    await tx((x) =>
      leaderReview(t.deps, x, { actor: leader }, item.id, { decision: 'approve', comment: null }),
    );
    await expect(
      tx((x) =>
        officeReview(t.deps, x, { actor: reviewer }, item.id, {
          conclusion: 'public',
          basis: null,
          reason: null,
        }),
      ),
    ).rejects.toBeInstanceOf(AppError);
  });
});
