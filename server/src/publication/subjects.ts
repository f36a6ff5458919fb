/**
 * 主题分类: the State Council's 22 first-level subject categories with their second level
 * (国务院政策文件库主题分类, from gov.cn's policy library). Labels are kept exactly as given — some
 * second-level labels contain 、 inside one label (农业、畜牧业、渔业; 航天、航空; 检验、检疫; 参事、文史).
 * Codes are stable: 'NN' for the first level, 'NN.MM' for the second. Agencies may add their own
 * second-level subjects (e.g. 云南 uses 民政、乡村振兴、救灾) with codes 'NN.Lxx' (publication_subjects table).
 */
export interface Subject {
  code: string;
  name: string;
  children: { code: string; name: string }[];
}

const RAW: [string, string[]][] = [
  [
    '国务院组织机构',
    [
      '国务院',
      '国务院办公厅',
      '国务院组成部门',
      '国务院直属特设机构',
      '国务院直属机构',
      '国务院办事机构',
      '国务院直属事业单位',
      '国务院部委管理的国家局',
      '国务院议事协调机构',
      '其他',
    ],
  ],
  [
    '综合政务',
    ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '参事、文史', '其他'],
  ],
  [
    '国民经济管理、国有资产监管',
    ['宏观经济', '经济体制改革', '统计', '物价', '国有资产监管', '重大建设项目', '其他'],
  ],
  [
    '财政、金融、审计',
    ['财政', '税务', '银行', '货币（含外汇）', '证券', '保险', '社会信用体系建设', '审计', '其他'],
  ],
  ['国土资源、能源', ['土地', '矿产', '水资源', '海洋', '煤炭', '石油与天然气', '电力', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '其他']],
  [
    '工业、交通',
    [
      '机械制造与重工业',
      '轻工纺织',
      '化工',
      '国防工业',
      '航天、航空',
      '信息产业（含电信）',
      '公路',
      '水运',
      '铁路',
      '民航',
      '邮政',
      '其他',
    ],
  ],
  ['商贸、海关、旅游', ['对外经贸合作', '国内贸易（含供销）', '海关', '检验、检疫', '旅游', '其他']],
  ['市场监管、安全生产监管', ['工商', '质量监督', '标准', '食品药品监管', '安全生产监管', '其他']],
  [
    '城乡建设、环境保护',
    [
      '城市规划',
      '城乡建设（含住房）',
      '环境监测、保护与治理',
      '节能与资源综合利用',
      '气象、水文、测绘、地震',
      '其他',
    ],
  ],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '文物', '新闻出版', '广播、电影、电视', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '军转安置', '监察', '纠正行业不正之风', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['减灾救灾', '优抚安置', '社会福利', '行政区划与地名', '社团管理', '扶贫', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务']],
  ['对外事务', ['外交', '外事', '国际条约', '国际组织', '其他']],
  ['港澳台侨工作', ['港澳工作', '对台工作', '侨务工作']],
  ['国防', ['国防建设', '国防动员']],
  ['其他', []],
];

export const STATE_COUNCIL_SUBJECTS: readonly Subject[] = RAW.map(([name, kids], i) => {
  const code = String(i + 1).padStart(2, '0');
  return {
    code,
    name,
    children: kids.map((k, j) => ({ code: `${code}.${String(j + 1).padStart(2, '0')}`, name: k })),
  };
});

export interface LocalSubject {
  code: string;
  parentCode: string;
  name: string;
}

/** The taxonomy of one agency: the national list plus its local second-level additions. */
export function subjectsFor(local: readonly LocalSubject[]): Subject[] {
  return STATE_COUNCIL_SUBJECTS.map((s) => ({
    ...s,
    children: [
      ...s.children,
      ...local.filter((l) => l.parentCode === s.code).map((l) => ({ code: l.code, name: l.name })),
    ],
  }));
}

/** "综合政务\政务公开" — the display form gov.cn uses in the metadata table. */
export function subjectLabel(code: string | null, local: readonly LocalSubject[] = []): string | null {
  if (!code) return null;
  for (const s of subjectsFor(local)) {
    if (s.code === code) return s.name;
    const c = s.children.find((x) => x.code === code);
    if (c) return `${s.name}\\${c.name}`;
  }
  return null;
}

export function isKnownSubject(code: string, local: readonly LocalSubject[] = []): boolean {
  return subjectLabel(code, local) !== null;
}
