/**
 * The 主动公开基本目录 (catalog) as a tree per agency (docs/product.md §2.2). Default top level from the
 * 《省司法厅信息公开指南》, and the 15 statutory items of R.20 as children of 法规文件 … 公共服务 where they fit.
 * Each entry states the matter (公开事项), time limit (公开时限) and form (公开方式) (《县局政务公开制度汇编》 art.12);
 * a change to any of them must be reflected in the catalog within 20 working days.
 */
export interface CatalogSeed {
  code: string;
  name: string;
  /** R.20 item number when the entry is a statutory proactive item */
  statutoryItem?: number;
  /** permanent categories stay online (《省司法厅信息公开指南》: overview, regulations, plans, enforcement basis, fees, public services) */
  permanent?: boolean;
  children?: CatalogSeed[];
}

const LIMIT = '信息形成或者变更之日起20个工作日内';
export const DEFAULT_CATALOG_LIMIT = LIMIT;
export const DEFAULT_CATALOG_FORM = '政府网站';
/** The catalog entry whose items the 政府信息公开制度 column lists. */
export const REGIMES_ENTRY_CODE = 'gkzd';

export const DEFAULT_CATALOG: readonly CatalogSeed[] = [
  {
    code: 'gkxx',
    name: '概况信息',
    permanent: true,
    children: [
      {
        code: 'jgzn',
        name: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
        statutoryItem: 2,
        permanent: true,
      },
    ],
  },
  {
    code: 'fgwj',
    name: '法规文件',
    permanent: true,
    children: [
      { code: 'gfxwj', name: '行政法规、规章和规范性文件', statutoryItem: 1, permanent: true },
      // listed in the 政府信息公开制度 column of the 专栏 (国办公开办函〔2019〕61号)
      { code: 'gkzd', name: '政府信息公开工作制度', permanent: true },
    ],
  },
  {
    code: 'fzgh',
    name: '发展规划',
    permanent: true,
    children: [
      {
        code: 'ghjh',
        name: '国民经济和社会发展规划、专项规划、区域规划及相关政策',
        statutoryItem: 3,
        permanent: true,
      },
      { code: 'tjxx', name: '国民经济和社会发展统计信息', statutoryItem: 4 },
      { code: 'zdxm', name: '重大建设项目的批准和实施情况', statutoryItem: 10 },
    ],
  },
  { code: 'gzdt', name: '工作动态' },
  {
    code: 'rsxx',
    name: '人事信息',
    children: [
      { code: 'gwyzk', name: '公务员招考的职位、名额、报考条件等事项以及录用结果', statutoryItem: 14 },
    ],
  },
  {
    code: 'cjxx',
    name: '财经信息',
    children: [
      { code: 'yjs', name: '财政预算、决算信息', statutoryItem: 7 },
      { code: 'sfxm', name: '行政事业性收费项目及其依据、标准', statutoryItem: 8, permanent: true },
      { code: 'zfcg', name: '政府集中采购项目的目录、标准及实施情况', statutoryItem: 9 },
    ],
  },
  {
    code: 'xzzf',
    name: '行政执法',
    children: [
      {
        code: 'xzxk',
        name: '行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
        statutoryItem: 5,
        permanent: true,
      },
      {
        code: 'xzcf',
        name: '行政处罚、行政强制的依据、条件、程序以及行政处罚决定',
        statutoryItem: 6,
        permanent: true,
      },
      {
        code: 'jdjc',
        name: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
        statutoryItem: 13,
      },
    ],
  },
  {
    code: 'ggfw',
    name: '公共服务',
    permanent: true,
    children: [
      {
        code: 'msbz',
        name: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
        statutoryItem: 11,
        permanent: true,
      },
      { code: 'yjya', name: '突发公共事件的应急预案、预警信息及应对情况', statutoryItem: 12 },
    ],
  },
  {
    code: 'qtxx',
    name: '其他',
    children: [
      {
        code: 'fdqt',
        name: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
        statutoryItem: 15,
      },
    ],
  },
];

/** All codes of the default tree, depth-first (used by seeding and tests). */
export function flattenCatalog(
  seeds: readonly CatalogSeed[] = DEFAULT_CATALOG,
): (CatalogSeed & { parentCode: string | null })[] {
  const out: (CatalogSeed & { parentCode: string | null })[] = [];
  const walk = (list: readonly CatalogSeed[], parentCode: string | null) => {
    for (const s of list) {
      out.push({ ...s, parentCode });
      if (s.children) walk(s.children, s.code);
    }
  };
  walk(seeds, null);
  return out;
}
