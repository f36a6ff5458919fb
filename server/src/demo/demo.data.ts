/** The demo county: a government, its 政务公开办, and departments like the agencies of the local regulations (docs/sources.md). */
export const DEMO_REGION = { name: '云岭县', code: 'yunling', regionCode: '532999' };
export const DEMO_PASSWORD = 'Demo2026pass';

export interface DemoDepartment {
  code: string;
  name: string;
  shortName: string;
  units: string[];
  /** a user-name prefix, e.g. sfj → sfj-gk, sfj-ng … */
  prefix: string;
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'fgj',
    prefix: 'fgj',
    name: '云岭县发展和改革局',
    shortName: '县发改局',
    units: ['办公室', '规划与投资股', '价格监督股'],
  },
  {
    code: 'jyj',
    prefix: 'jyj',
    name: '云岭县教育体育局',
    shortName: '县教体局',
    units: ['办公室', '基础教育股', '学生资助管理中心'],
  },
  {
    code: 'gaj',
    prefix: 'gaj',
    name: '云岭县公安局',
    shortName: '县公安局',
    units: ['办公室', '法制大队', '户政管理大队'],
  },
  {
    code: 'mzj',
    prefix: 'mzj',
    name: '云岭县民政局',
    shortName: '县民政局',
    units: ['办公室', '社会救助股', '养老服务股'],
  },
  {
    code: 'sfj',
    prefix: 'sfj',
    name: '云岭县司法局',
    shortName: '县司法局',
    units: ['办公室', '法治宣传股', '公共法律服务管理股', '行政复议与应诉股'],
  },
  {
    code: 'czj',
    prefix: 'czj',
    name: '云岭县财政局',
    shortName: '县财政局',
    units: ['办公室', '预算股', '政府采购管理股'],
  },
  {
    code: 'rsj',
    prefix: 'rsj',
    name: '云岭县人力资源和社会保障局',
    shortName: '县人社局',
    units: ['办公室', '就业促进股', '社会保险中心'],
  },
  {
    code: 'zrzyj',
    prefix: 'zrj',
    name: '云岭县自然资源局',
    shortName: '县自然资源局',
    units: ['办公室', '国土空间规划股', '不动产登记中心'],
  },
  {
    code: 'zjj',
    prefix: 'zjj',
    name: '云岭县住房和城乡建设局',
    shortName: '县住建局',
    units: ['办公室', '建筑市场监管股', '房地产管理股'],
  },
  {
    code: 'jtj',
    prefix: 'jtj',
    name: '云岭县交通运输局',
    shortName: '县交通局',
    units: ['办公室', '规划建设股', '综合行政执法大队'],
  },
  {
    code: 'nyj',
    prefix: 'nyj',
    name: '云岭县农业农村局',
    shortName: '县农业农村局',
    units: ['办公室', '乡村振兴股', '农产品质量安全股'],
  },
  {
    code: 'wjj',
    prefix: 'wjj',
    name: '云岭县卫生健康局',
    shortName: '县卫健局',
    units: ['办公室', '医政医管股', '疾病预防控制股'],
  },
  {
    code: 'scjgj',
    prefix: 'scj',
    name: '云岭县市场监督管理局',
    shortName: '县市场监管局',
    units: ['办公室', '登记注册股', '食品安全监管股', '综合执法大队'],
  },
  {
    code: 'yjj',
    prefix: 'yjj',
    name: '云岭县应急管理局',
    shortName: '县应急局',
    units: ['办公室', '安全生产监管股', '应急救援指挥中心'],
  },
  {
    code: 'sthjj',
    prefix: 'hbj',
    name: '云岭县生态环境分局',
    shortName: '县生态环境分局',
    units: ['办公室', '环境监测站', '生态环境综合执法大队'],
  },
  {
    code: 'tjj',
    prefix: 'tjj',
    name: '云岭县统计局',
    shortName: '县统计局',
    units: ['办公室', '综合统计股'],
  },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '红',
  '志强',
  '海燕',
  '晓东',
  '丽华',
  '云',
  '彬',
  '玉兰',
  '春梅',
  '国庆',
  '建国',
  '雪',
  '晨',
  '宇',
  '欣怡',
];

/** Deterministic Chinese personal names (no real people). */
export function personName(i: number): string {
  return SURNAMES[(i * 7) % SURNAMES.length]! + GIVEN[(i * 13 + 5) % GIVEN.length]!;
}
