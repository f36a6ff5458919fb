/**
 * Interpretation material is published together with its policy document (docs/product.md §2.3.4; 《市司法局自查报告》:
 * 解读材料与政策性文件一同报批): an approved interpretation of a document not yet public waits, and
 * goes public in the document's publication transaction; the document page links both ways.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../http/build-app.ts';
import type { StaffActor } from '../access/actor.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { publicationRepository } from './publication.repository.ts';
import {
  approveItem,
  createItem,
  type ItemInput,
  leaderReview,
  officeReview,
  releaseScheduled,
  revokeItem,
  submitItem,
} from './publication.service.ts';
import { makePipelineActors } from './publication.test-support.ts';

describe.each(dialects())('interpretation published with its policy document (%s)', (dialect) => {
  let t: TestDb;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let drafter: StaffActor;
  let leader: StaffActor;
  let reviewer: StaffActor;
  let office: StaffActor;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    county = await makeCounty(t.deps);
    ({ drafter, leader, reviewer, office } = await makePipelineActors(t.deps, county.deptA.id));
  });
  afterEach(async () => t.close());

  const tx = <T>(fn: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
    inTransaction(t.deps, fn);
  const input = (over: Partial<ItemInput>): ItemInput => ({
    agencyId: county.deptA.id,
    title: '测试县法律援助经济困难标准规定',
    docNo: '测司规〔2026〕1号',
    generatedOn: '2026-02-27',
    scope: 'public',
    attribute: 'proactive',
    bodyHtml: '<p>第一条 为规范法律援助经济困难标准，制定本规定。</p>',
    ...over,
  });
  const create = (over: Partial<ItemInput>) =>
    tx((x) => createItem(t.deps, x, { actor: drafter }, input(over)));
  async function throughApproval(id: number) {
    await tx((x) => submitItem(t.deps, x, { actor: drafter }, id, { opinion: '建议主动公开' }));
    await tx((x) => leaderReview(t.deps, x, { actor: leader }, id, { decision: 'approve', comment: null }));
    await tx((x) =>
      officeReview(t.deps, x, { actor: reviewer }, id, {
        conclusion: 'public',
        basis: '保密法',
        reason: '不涉密',
      }),
    );
    return tx((x) => approveItem(t.deps, x, { actor: leader }, id, { decision: 'approve', comment: '同意' }));
  }

  it('an interpretation approved first waits (not public) and goes public in the same transaction as its policy document', async () => {
    const policy = await create({});
    const interp = await create({
      title: '《测试县法律援助经济困难标准规定》政策解读',
      docNo: null,
      interpretationOfId: policy.id,
      bodyHtml: '<p>一、制定背景……</p>',
    });
    const held = await throughApproval(interp.id);
    expect(held).toMatchObject({ status: 'scheduled', scheduledAt: null, indexNo: null });
    expect(await publicationRepository.publicItem(t.deps.db, interp.id)).toBeUndefined();
    // the scheduler never releases it on its own
    expect(await tx((x) => releaseScheduled(t.deps, x))).toBe(0);
    expect((await publicationRepository.itemById(t.deps.db, interp.id))!.status).toBe('scheduled');

    const published = await throughApproval(policy.id);
    expect(published.status).toBe('published');
    const after = (await publicationRepository.itemById(t.deps.db, interp.id))!;
    expect(after).toMatchObject({ status: 'published', publishedOn: published.publishedOn });
    expect(after.indexNo).not.toBeNull();

    // the document page links both ways
    const app = await buildApp(t.deps);
    try {
      const doc = await app.inject(`/d/${policy.id}`);
      expect(doc.body).toContain(`href="/d/${interp.id}"`);
      const int = await app.inject(`/d/${interp.id}`);
      expect(int.body).toContain(`href="/d/${policy.id}"`);
      // the region home shows both at once (its cached list is dropped on commit)
      const home = await app.inject('/');
      expect(home.body).toContain(`href="/d/${interp.id}"`);
      expect(home.body).toContain(`href="/d/${policy.id}"`);
    } finally {
      await app.close();
    }
  });

  it('an interpretation of an already published document is published at once; of a revoked one it is refused', async () => {
    const policy = await create({});
    await throughApproval(policy.id);
    const interp = await create({ title: '政策解读一', interpretationOfId: policy.id });
    expect((await throughApproval(interp.id)).status).toBe('published');

    const policy2 = await create({ title: '另一规定', docNo: '测司规〔2026〕2号' });
    await throughApproval(policy2.id);
    await tx((x) => revokeItem(t.deps, x, { actor: office }, policy2.id, { explanation: '发布有误' }));
    const interp2 = await create({ title: '政策解读二', interpretationOfId: policy2.id });
    await expect(throughApproval(interp2.id)).rejects.toMatchObject({ code: 'ITEM_POLICY_NOT_PUBLISHABLE' });
  });
});
