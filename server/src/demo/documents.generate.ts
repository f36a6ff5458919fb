/**
 * `gongkai generate --documents M`: synthetic published items for benchmarks, spread over every
 * government and department, across 2024–2026 and the catalog, with bodies built from a phrase
 * bank so that search has realistic two-character words. Batched; 1,000,000 items is feasible.
 */
import { bulkLoadRepository } from '../db/bulk-load.repository.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { SyntheticGenerator } from './generate.ts';
import type { Deps } from '../shared/deps.ts';
import { type BulkItem, insertPublishedBatch, newBulkCache } from '../publication/publication.bulk.ts';
import { searchRepository } from '../search/index.ts';
import { publicationRepository as repo } from '../publication/publication.repository.ts';
import { ensureCatalog } from '../publication/publication.service.ts';
import { STATE_COUNCIL_SUBJECTS } from '../publication/subjects.ts';

const TOPICS = [
  '法律援助',
  '人民调解',
  '普法宣传',
  '安全生产',
  '食品安全',
  '义务教育',
  '医疗保障',
  '乡村振兴',
  '道路运输',
  '农田水利',
  '社会救助',
  '公共卫生',
  '城乡建设',
  '政务服务',
  '营商环境',
  '生态保护',
  '消防安全',
  '防汛抗旱',
  '就业创业',
  '养老服务',
];
const KINDS = [
  '工作方案',
  '实施意见',
  '管理办法',
  '工作要点',
  '通知',
  '公告',
  '情况报告',
  '统计公报',
  '行政处罚决定',
  '行政许可结果',
  '部门预算',
  '部门决算',
  '采购意向',
  '应急预案',
];
const PHRASES = [
  '为深入贯彻落实党中央、国务院决策部署',
  '根据《中华人民共和国政府信息公开条例》有关规定',
  '结合本县实际，制定本方案',
  '各乡（镇）人民政府、县直各有关单位要高度重视',
  '切实加强组织领导，压实工作责任',
  '按照“谁主管、谁负责”的原则',
  '进一步提升群众的获得感、幸福感、安全感',
  '全年共受理群众来电来访',
  '对发现的问题及时督促整改',
  '主动接受社会监督',
  '本办法自发布之日起施行',
  '请认真贯彻执行',
];

const LOADED_TABLES = ['information_items', 'search_documents'];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export const documentsGenerator: SyntheticGenerator = {
  what: 'documents',
  async run(deps: Deps, tx: DbOrTx, count: number, seed: number, onProgress: (done: number) => void) {
    const agencies = await tx
      .selectFrom('agencies')
      .select(['id', 'name', 'code'])
      .where('active', '=', 1)
      .where('kind', 'in', ['government', 'department'])
      .orderBy('id')
      .execute();
    if (agencies.length === 0) throw new Error('没有可发布信息的机关：请先生成或导入机关（--agencies）');
    const catalogs = new Map<number, number[]>();
    for (const a of agencies) {
      await ensureCatalog(deps, tx, a.id);
      catalogs.set(
        a.id,
        (await repo.catalog(tx, a.id)).filter((e) => e.parentId !== null).map((e) => e.id),
      );
    }
    const r = rng(seed * 7919 + 17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const start = Date.UTC(2024, 0, 2);
    const span = Date.UTC(2026, 10, 1) - start;
    let done = 0;
    let firstId: number | null = null;
    // large batches: per-batch work (counter upsert, audit event, cache notice) is paid 100 times per 1,000,000
    const BATCH = 10_000;
    const cache = newBulkCache();
    // index after load: when the load at least doubles the items, the secondary indexes (B-trees, and
    // on PostgreSQL the GIN token index) are rebuilt once at the end instead of grown row by row
    const suspended =
      count >= 10_000 && count >= (await bulkLoadRepository.rowCount(tx, 'information_items'))
        ? await bulkLoadRepository.suspendSecondaryIndexes(tx, deps.dialect, LOADED_TABLES)
        : null;
    while (done < count) {
      const n = Math.min(BATCH, count - done);
      const batch: BulkItem[] = [];
      for (let k = 0; k < n; k++) {
        const a = agencies[Math.floor(r() * agencies.length)]!;
        const topic = pick(TOPICS);
        const kind = pick(KINDS);
        const on = new Date(start + Math.floor(r() * span)).toISOString().slice(0, 10);
        const year = on.slice(0, 4);
        const subject = pick(STATE_COUNCIL_SUBJECTS);
        const body = Array.from(
          { length: 3 + Math.floor(r() * 3) },
          () => `${pick(PHRASES)}，做好${topic}工作`,
        ).join('。');
        batch.push({
          agencyId: a.id,
          catalogEntryId: pick(catalogs.get(a.id)!),
          title: `${a.name}关于${topic}的${kind}`,
          subjectCode: subject.children[0]?.code ?? subject.code,
          publisher: a.name,
          generatedOn: on,
          publishedOn: on,
          docNo: r() < 0.4 ? `${a.code}发〔${year}〕${1 + Math.floor(r() * 200)}号` : null,
          validity: r() < 0.05 ? 'abolished' : 'valid',
          summary: null,
          keywords: `${topic} ${kind}`,
          bodyHtml: `<p>${body}。</p>`,
        });
      }
      // the full-text index is built once after the load (one statement), not batch by batch
      const ids = await insertPublishedBatch(deps, tx, batch, { deferSearchIndex: true, cache });
      firstId ??= ids[0] ?? null;
      done += n;
      onProgress(done);
    }
    if (suspended) await bulkLoadRepository.restoreIndexes(tx, deps.dialect, suspended);
    if (firstId !== null) await searchRepository.indexFtsFrom(tx, deps.dialect, firstId);
  },
};
