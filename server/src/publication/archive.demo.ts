/**
 * Demo data of guides, filing and the archive (called from demo/demo.seed.ts after the documents):
 * published guides (政府信息公开指南) of most departments — one at version 2, one due for its yearly
 * review — filings (备案) with the county government reviewed, corrected and pending, and closed 2025
 * volumes with a hand-over to the 档案馆 and the 公共图书馆. Everything goes through the services on
 * its own date, so the audit trail and the review status are what officials would see. The 司法局
 * keeps no guide and no volume: the archive journey (e2e/archive.spec.ts) starts from there.
 */
import type { StaffActor } from '../access/actor.ts';
import { chinaDate, fixedClock } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { buildVolume, closeVolume, fileItem, recordHandover, reviewFiling } from './archive.service.ts';
import type { RecipientKind } from './archive.ts';
import { guideWorkspace, publishGuide, saveGuideDraft } from './guide.service.ts';
import { actorFor } from './publication.demo.ts';

/** Department code, login prefix, and the dates its guide versions were published. */
const GUIDES: { code: string; prefix: string; versions: string[] }[] = [
  { code: 'scjgj', prefix: 'scj', versions: ['2025-06-10', '2026-06-15'] },
  { code: 'tjj', prefix: 'tjj', versions: ['2025-10-10'] }, // a year old: shows 指南需要复核
  { code: 'fgj', prefix: 'fgj', versions: ['2026-01-12'] },
  { code: 'jyj', prefix: 'jyj', versions: ['2026-01-13'] },
  { code: 'gaj', prefix: 'gaj', versions: ['2026-01-14'] },
  { code: 'mzj', prefix: 'mzj', versions: ['2026-01-15'] },
  { code: 'czj', prefix: 'czj', versions: ['2026-01-16'] },
  { code: 'rsj', prefix: 'rsj', versions: ['2026-01-19'] },
  { code: 'zrzyj', prefix: 'zrj', versions: ['2026-01-20'] },
  { code: 'zjj', prefix: 'zjj', versions: ['2026-01-21'] },
  { code: 'jtj', prefix: 'jtj', versions: ['2026-01-22'] },
  { code: 'nyj', prefix: 'nyj', versions: ['2026-01-23'] },
  { code: 'wjj', prefix: 'wjj', versions: ['2026-01-26'] },
  { code: 'yjj', prefix: 'yjj', versions: ['2026-01-27'] },
  { code: 'sthjj', prefix: 'hbj', versions: ['2026-01-28'] },
];

/** What version 2 of a guide adds to the section on applications. */
const V2_ADDITION = '食品安全、特种设备投诉举报请拨打 12315，不属于政府信息公开申请。';

/** Filings with the county government: the item (by title), when filed, and the review if any. */
const FILINGS: {
  prefix: string;
  title: string;
  reportNo: string;
  filedOn: string;
  review?: { on: string; decision: 'reviewed' | 'correction_required'; note: string };
}[] = [
  {
    prefix: 'scj',
    title: '云岭县市场监督管理局行政处罚裁量基准',
    reportNo: '云市监备〔2024〕2号',
    filedOn: '2024-09-10',
    review: { on: '2024-09-24', decision: 'reviewed', note: '经审查，未发现违反上位法的情形，予以备案。' },
  },
  {
    prefix: 'czj',
    title: '云岭县2026年政府集中采购目录及标准',
    reportNo: '云财备〔2026〕1号',
    filedOn: '2026-01-12',
    review: {
      on: '2026-01-26',
      decision: 'correction_required',
      note: '分散采购限额标准与省级规定不一致，请核实后重新报备。',
    },
  },
  {
    prefix: 'fgj',
    title: '云岭县国民经济和社会发展第十五个五年规划纲要',
    reportNo: '云发改备〔2026〕1号',
    filedOn: '2026-03-06',
  },
];

/** Closed 2025 volumes, and the hand-overs of one of them (R.25). */
const VOLUMES: { code: string; prefix: string; closedOn: string }[] = [
  { code: 'scjgj', prefix: 'scj', closedOn: '2026-01-09' },
  { code: 'fgj', prefix: 'fgj', closedOn: '2026-01-16' },
];
const HANDOVERS: {
  prefix: string;
  code: string;
  recipientKind: RecipientKind;
  institution: string;
  handedOn: string;
  receiptNo: string;
}[] = [
  {
    prefix: 'scj',
    code: 'scjgj',
    recipientKind: 'state_archive',
    institution: '云岭县档案馆',
    handedOn: '2026-03-16',
    receiptNo: '云档接〔2026〕17号',
  },
  {
    prefix: 'scj',
    code: 'scjgj',
    recipientKind: 'public_library',
    institution: '云岭县图书馆',
    handedOn: '2026-03-18',
    receiptNo: '云图收〔2026〕5号',
  },
];

export async function seedArchiveDemo(
  deps: Deps,
): Promise<{ guides: number; filings: number; volumes: number; handovers: number }> {
  const today = chinaDate(deps.clock.now());
  const at = (date: string): Deps => ({ ...deps, clock: fixedClock(`${date}T02:30:00.000Z`) });
  const agencies = new Map(
    (await deps.db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]),
  );
  const actors = new Map<string, StaffActor | null>();
  const actor = async (username: string) => {
    if (!actors.has(username)) actors.set(username, await actorFor(deps, username));
    return actors.get(username) ?? null;
  };
  const out = { guides: 0, filings: 0, volumes: 0, handovers: 0 };

  for (const g of GUIDES) {
    const agencyId = agencies.get(g.code);
    const office = await actor(`${g.prefix}-gk`);
    if (!agencyId || !office) continue;
    for (const [k, on] of g.versions.entries()) {
      if (on > today) break;
      const dd = at(on);
      await inTransaction(dd, async (tx) => {
        const ws = await guideWorkspace(dd, tx, office, agencyId);
        const sections =
          k === 0
            ? ws.draft.sections
            : ws.draft.sections.map((s) =>
                s.key === 'application' ? { ...s, text: `${s.text}\n${V2_ADDITION}` } : s,
              );
        await saveGuideDraft(dd, tx, { actor: office }, agencyId, sections);
        await publishGuide(dd, tx, { actor: office }, agencyId);
      });
      out.guides++;
    }
  }

  const gov = agencies.get('gov');
  const county = await actor('gkb');
  if (gov && county) {
    for (const f of FILINGS) {
      const filer = await actor(`${f.prefix}-gk`);
      if (!filer || f.filedOn > today) continue;
      const item = await deps.db
        .selectFrom('informationItems')
        .select('id')
        .where('title', '=', f.title)
        .executeTakeFirst();
      if (!item) continue;
      const dd = at(f.filedOn);
      const filing = await inTransaction(dd, (tx) =>
        fileItem(
          dd,
          tx,
          { actor: filer },
          {
            itemId: item.id,
            supervisorId: gov,
            reportNo: f.reportNo,
            filedOn: f.filedOn,
            note: null,
          },
        ),
      );
      out.filings++;
      const review = f.review;
      if (!review || review.on > today) continue;
      const dr = at(review.on);
      await inTransaction(dr, (tx) =>
        reviewFiling(dr, tx, { actor: county }, filing.id, { decision: review.decision, note: review.note }),
      );
    }
  }

  for (const v of VOLUMES) {
    const agencyId = agencies.get(v.code);
    const archivist = await actor(`${v.prefix}-bm`);
    if (!agencyId || !archivist || v.closedOn > today) continue;
    const dd = at(v.closedOn);
    const volume = await inTransaction(dd, async (tx) => {
      const built = await buildVolume(dd, tx, { actor: archivist }, agencyId, 2025);
      return closeVolume(dd, tx, { actor: archivist }, built.id);
    });
    out.volumes++;
    for (const h of HANDOVERS) {
      if (h.code !== v.code || h.handedOn > today) continue;
      const dh = at(h.handedOn);
      await inTransaction(dh, (tx) =>
        recordHandover(dh, tx, { actor: archivist }, agencyId, {
          year: 2025,
          volumeId: volume.id,
          recipientKind: h.recipientKind,
          institution: h.institution,
          handedOn: h.handedOn,
          itemCount: null,
          receiptNo: h.receiptNo,
          note: null,
        }),
      );
      out.handovers++;
    }
  }
  return out;
}
