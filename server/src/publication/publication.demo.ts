/**
 * Demo data of the publication module (called from demo/demo.seed.ts): published documents of the
 * demo departments across 2024–2026 in several catalog categories, abolished documents with their
 * replacements, interpretations, plus drafts and non-public items that the public never sees.
 */
import type { StaffActor } from '../access/actor.ts';
import { staffActorByUsername } from '../identity/auth.service.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { type BulkItem, insertPublishedBatch } from './publication.bulk.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import { createItem, ensureCatalog, leaderReview, submitItem } from './publication.service.ts';
import { guideWorkspace, publishGuide, saveGuideDraft } from './guide.service.ts';

interface DemoDoc {
  agency: string;
  catalog: string;
  title: string;
  docNo?: string;
  subject: string;
  on: string;
  body: string[];
  summary?: string;
  /** key of this doc, for replacements and interpretations */
  key?: string;
  abolishedBy?: string;
  interprets?: string;
}

const DOCS: DemoDoc[] = [
  {
    agency: 'sfj',
    catalog: 'gfxwj',
    key: 'tj2024',
    title: '云岭县人民调解工作规范（试行）',
    docNo: '云司发〔2024〕3号',
    subject: '16.03',
    on: '2024-03-12',
    abolishedBy: 'tj2026',
    body: [
      '第一条 为规范人民调解工作，及时化解矛盾纠纷，根据《中华人民共和国人民调解法》，结合本县实际，制定本规范。',
      '第二条 人民调解委员会调解民间纠纷，应当坚持自愿、平等、合法的原则。',
      '第三条 本规范自印发之日起试行。',
    ],
  },
  {
    agency: 'sfj',
    catalog: 'gfxwj',
    key: 'tj2026',
    title: '云岭县人民调解工作规范',
    docNo: '云司发〔2026〕2号',
    subject: '16.03',
    on: '2026-02-10',
    body: [
      '第一条 为规范人民调解工作，推进矛盾纠纷多元化解，根据《中华人民共和国人民调解法》，制定本规范。',
      '第二条 乡（镇）人民调解委员会应当配备专职人民调解员。',
      '第三十条 本规范自2026年3月1日起施行，《云岭县人民调解工作规范（试行）》（云司发〔2024〕3号）同时废止。',
    ],
  },
  {
    agency: 'sfj',
    catalog: 'gfxwj',
    title: '《云岭县人民调解工作规范》政策解读',
    subject: '16.03',
    on: '2026-02-11',
    interprets: 'tj2026',
    body: [
      '一、制定背景：试行规范实施两年来，全县人民调解组织共调解纠纷三千余件，需要总结经验、固化制度。',
      '二、主要内容：明确专职人民调解员配备、调解程序和卷宗管理要求。',
      '三、解读机关：县司法局公共法律服务管理股，联系电话0878-6121234。',
    ],
  },
  {
    agency: 'sfj',
    catalog: 'msbz',
    title: '云岭县法律援助经济困难标准及申请指南',
    subject: '16.03',
    on: '2025-05-20',
    body: [
      '公民申请法律援助的经济困难标准，按照本县城乡居民最低生活保障标准的二倍执行。',
      '申请人可到县公共法律服务中心或通过“12348”热线咨询。',
    ],
  },
  {
    agency: 'sfj',
    catalog: 'gzdt',
    title: '县司法局开展“宪法宣传周”集中宣传活动',
    subject: '16.03',
    on: '2025-12-04',
    body: [
      '12月4日，县司法局联合县普法办在县城广场开展国家宪法日集中宣传活动，发放宣传资料两千余份，解答群众法律咨询一百余人次。',
    ],
  },
  {
    agency: 'sfj',
    catalog: 'gzdt',
    title: '2024年全县普法依法治理工作总结',
    subject: '16.03',
    on: '2024-12-28',
    body: ['2024年，全县深入实施“八五”普法规划，开展法治宣传活动三百余场次。'],
  },
  {
    agency: 'sfj',
    catalog: 'yjs',
    title: '云岭县司法局2025年部门预算',
    subject: '04.01',
    on: '2025-02-14',
    body: [
      '一、部门主要职责',
      '二、收支预算总表：2025年收入预算合计1268.5万元，支出预算合计1268.5万元。',
      '三、“三公”经费预算：公务接待费3.2万元，公务用车运行维护费6.8万元。',
    ],
  },
  {
    agency: 'sfj',
    catalog: 'yjs',
    title: '云岭县司法局2024年部门决算',
    subject: '04.01',
    on: '2025-08-20',
    body: ['2024年度收入总计1190.3万元，支出总计1185.7万元。'],
  },
  {
    agency: 'sfj',
    catalog: 'gkzd',
    title: '云岭县司法局政府信息公开保密审查制度',
    subject: '02.01',
    on: '2024-06-03',
    body: [
      '第一条 为规范政府信息公开保密审查工作，坚持“先审查、后公开”和“谁主管、谁负责”的原则，制定本制度。',
      '第二条 拟公开的政府信息应当依次经拟稿人提出意见、分管领导审核、保密审查办公室作出结论。',
    ],
  },
  {
    agency: 'sfj',
    catalog: 'gkzd',
    title: '云岭县司法局政府信息公开工作考核制度',
    subject: '02.01',
    on: '2024-06-03',
    body: ['政府信息公开工作纳入年度目标责任考核，考核结果作为评先评优的重要依据。'],
  },
  {
    agency: 'sfj',
    catalog: 'jgzn',
    title: '云岭县司法局机构职能',
    subject: '16.03',
    on: '2024-01-15',
    body: [
      '县司法局是县人民政府工作部门，负责全面依法治县的统筹协调、法治宣传教育、公共法律服务、人民调解等工作。',
      // the same address and hours as the agency record (and so the guide, R.12): filled in at seeding
      '办公地址：{address}；办公时间：{officeHours}。',
    ],
  },
  {
    agency: 'scjgj',
    catalog: 'xzcf',
    title: '云岭县市场监督管理局行政处罚决定书（云市监处罚〔2025〕12号）',
    docNo: '云市监处罚〔2025〕12号',
    subject: '09.04',
    on: '2025-07-08',
    body: [
      '当事人：云岭县某某食品经营部。',
      '违法事实：经营超过保质期的预包装食品。',
      '处罚决定：没收违法经营的食品，罚款人民币五千元。',
    ],
  },
  {
    agency: 'scjgj',
    catalog: 'xzxk',
    title: '2025年第三季度食品经营许可办理结果',
    subject: '09.04',
    on: '2025-10-10',
    body: ['第三季度共办理食品经营许可新办42件、延续18件、变更9件。'],
  },
  {
    agency: 'scjgj',
    catalog: 'jdjc',
    title: '2025年食品安全监督抽检结果公告（第4期）',
    subject: '09.04',
    on: '2025-11-18',
    body: ['本期共抽检食品样品120批次，合格117批次，不合格3批次，已依法处置。'],
  },
  {
    agency: 'scjgj',
    catalog: 'gfxwj',
    title: '云岭县市场监督管理局行政处罚裁量基准',
    docNo: '云市监发〔2024〕8号',
    subject: '09.01',
    on: '2024-09-02',
    body: ['为规范行政处罚自由裁量权，根据《中华人民共和国行政处罚法》，制定本裁量基准。'],
  },
  {
    agency: 'czj',
    catalog: 'yjs',
    title: '云岭县2026年财政预算执行情况和2026年预算草案的报告',
    subject: '04.01',
    on: '2026-01-20',
    body: ['全县一般公共预算收入完成8.6亿元，同比增长4.2%。'],
  },
  {
    agency: 'czj',
    catalog: 'zfcg',
    title: '云岭县2026年政府集中采购目录及标准',
    docNo: '云财采〔2026〕1号',
    subject: '04.01',
    on: '2026-01-08',
    body: [
      '一、集中采购机构采购项目：台式计算机、便携式计算机、打印设备等。',
      '二、分散采购限额标准：货物和服务项目50万元，工程项目60万元。',
    ],
  },
  {
    agency: 'fgj',
    catalog: 'ghjh',
    title: '云岭县国民经济和社会发展第十五个五年规划纲要',
    subject: '03.01',
    on: '2026-03-01',
    body: ['“十五五”时期，全县地区生产总值年均增长6%左右。'],
  },
  {
    agency: 'fgj',
    catalog: 'tjxx',
    title: '云岭县2025年国民经济和社会发展统计公报',
    subject: '03.03',
    on: '2026-03-20',
    body: ['初步核算，2025年全县地区生产总值186.4亿元，比上年增长5.8%。'],
  },
  {
    agency: 'fgj',
    catalog: 'zdxm',
    title: '云岭县2025年重大建设项目批准和实施情况',
    subject: '03.06',
    on: '2025-12-30',
    body: ['2025年全县共实施重大建设项目36个，完成投资42.3亿元。'],
  },
  {
    agency: 'jyj',
    catalog: 'msbz',
    title: '云岭县2025年义务教育学校招生工作方案',
    subject: '11.02',
    on: '2025-06-05',
    body: ['坚持免试就近入学原则，公办小学、初中按划片范围招生。'],
  },
  {
    agency: 'yjj',
    catalog: 'yjya',
    title: '云岭县防汛抗旱应急预案（2025年修订）',
    subject: '02.03',
    on: '2025-04-28',
    body: ['本预案适用于本县行政区域内洪涝、干旱灾害的预防和应急处置。'],
  },
];

/** [agency, catalog, subject, date, title, body] — every department's routine publications, so search finds several hits for common words. */
const ROUTINE: [string, string, string, string, string, string][] = [
  [
    'mzj',
    'msbz',
    '17.03',
    '2025-03-18',
    '云岭县2025年经济困难高龄失能老年人养老服务补贴发放方案',
    '对全县经济困难的高龄、失能老年人发放养老服务补贴，80周岁以上每人每月100元，失能老年人每人每月200元。',
  ],
  [
    'mzj',
    'msbz',
    '17.03',
    '2024-06-20',
    '云岭县城乡居民最低生活保障标准调整公告',
    '自2024年7月1日起，城市低保标准提高至每人每月820元，农村低保标准提高至每人每年6000元。',
  ],
  [
    'mzj',
    'gzdt',
    '17.03',
    '2025-10-09',
    '县民政局开展敬老月养老机构安全检查',
    '敬老月期间，县民政局对全县12家养老机构开展消防和食品安全检查，督促整改隐患23处。',
  ],
  [
    'mzj',
    'gfxwj',
    '17.03',
    '2024-11-05',
    '云岭县临时救助实施办法',
    '对遭遇突发性、紧急性、临时性困难的家庭给予临时救助，救助金额原则上不超过当地低保标准的6倍。',
  ],
  [
    'rsj',
    'msbz',
    '15.02',
    '2025-04-02',
    '云岭县2025年城乡居民基本养老保险缴费档次及政府补贴标准',
    '城乡居民基本养老保险设13个缴费档次，政府对选择较高档次缴费的给予30元至120元的缴费补贴。',
  ],
  [
    'rsj',
    'msbz',
    '15.01',
    '2025-05-15',
    '云岭县就业创业补贴申领指南',
    '符合条件的高校毕业生、就业困难人员可申领一次性创业补贴、社会保险补贴和岗位补贴。',
  ],
  [
    'rsj',
    'gwyzk',
    '15.03',
    '2025-03-25',
    '云岭县2025年事业单位公开招聘工作人员公告',
    '全县事业单位公开招聘工作人员58名，报名时间为4月1日至4月7日。',
  ],
  [
    'rsj',
    'msbz',
    '15.01',
    '2025-06-16',
    '云岭县技工学校2025年秋季招生简章',
    '2025年秋季计划招生420名，开设汽车维修、电子商务、护理等专业，符合条件的学生享受免学费和国家助学金补贴。',
  ],
  [
    'rsj',
    'gzdt',
    '15.01',
    '2025-09-12',
    '县人社局举办秋季招聘会',
    '招聘会共有86家企业参加，提供就业岗位2100余个，达成就业意向460人。',
  ],
  [
    'jyj',
    'msbz',
    '11.02',
    '2024-06-03',
    '云岭县2024年义务教育学校招生工作方案',
    '2024年义务教育招生坚持免试就近入学，严禁以各类考试、竞赛成绩作为招生依据。',
  ],
  [
    'jyj',
    'msbz',
    '11.02',
    '2025-05-28',
    '云岭县第一中学2025年高中招生简章',
    '2025年计划招收高一新生600名，招生范围为全县应届初中毕业生。',
  ],
  [
    'jyj',
    'msbz',
    '11.02',
    '2025-08-25',
    '云岭县2025年秋季学期学生资助政策及家庭经济困难学生生活补贴申请指南',
    '义务教育阶段家庭经济困难寄宿生生活补贴标准为小学每生每年1000元、初中每生每年1250元。',
  ],
  [
    'jyj',
    'gzdt',
    '11.02',
    '2026-04-20',
    '县教体局部署2026年招生入学工作',
    '全县义务教育学校招生报名实行网上报名与现场审核相结合。',
  ],
  [
    'nyj',
    'msbz',
    '06.01',
    '2025-04-15',
    '云岭县2025年耕地地力保护补贴发放公示',
    '2025年全县耕地地力保护补贴面积36.8万亩，补贴标准每亩95.6元。',
  ],
  [
    'nyj',
    'msbz',
    '06.01',
    '2025-03-10',
    '云岭县2025年农机购置与应用补贴实施方案',
    '对购置纳入补贴范围的农业机械的农户和农业生产经营组织给予定额补贴。',
  ],
  [
    'nyj',
    'xzxk',
    '06.01',
    '2025-06-30',
    '2025年上半年农药经营许可办理结果',
    '上半年共核发农药经营许可证14件，延续9件。',
  ],
  [
    'wjj',
    'xzxk',
    '13.01',
    '2025-07-15',
    '2025年第二季度医疗机构执业许可办理结果',
    '第二季度共办理医疗机构执业许可新办6件、校验31件、变更4件。',
  ],
  [
    'wjj',
    'msbz',
    '13.01',
    '2025-02-20',
    '云岭县家庭医生签约服务指南',
    '城乡居民可与家庭医生团队签约，重点人群含65岁以上老年人、孕产妇、儿童和慢性病患者。',
  ],
  [
    'wjj',
    'gzdt',
    '13.01',
    '2025-11-03',
    '县卫健局推进医养结合养老服务',
    '全县建成医养结合机构3家，为养老机构入住老年人提供健康管理服务。',
  ],
  [
    'zjj',
    'xzxk',
    '10.02',
    '2025-09-30',
    '2025年第三季度建筑工程施工许可办理结果',
    '第三季度共核发建筑工程施工许可证27件。',
  ],
  [
    'zjj',
    'msbz',
    '10.02',
    '2025-05-08',
    '云岭县2025年农村危房改造补助对象公示',
    '2025年全县拟实施农村危房改造126户，每户补助资金1.4万元至2万元。',
  ],
  [
    'zjj',
    'gfxwj',
    '10.02',
    '2024-08-16',
    '云岭县住房公积金缴存管理办法',
    '为规范住房公积金缴存管理，维护缴存职工合法权益，制定本办法。',
  ],
  [
    'jtj',
    'xzxk',
    '07.07',
    '2025-10-20',
    '2025年第三季度道路运输经营许可办理结果',
    '第三季度共办理道路货物运输经营许可21件、道路旅客运输经营许可2件。',
  ],
  [
    'jtj',
    'zdxm',
    '07.07',
    '2025-06-18',
    '云岭县2025年农村公路建设项目计划',
    '2025年计划实施农村公路提质改造项目18个、里程126公里。',
  ],
  [
    'jtj',
    'msbz',
    '07.07',
    '2025-01-10',
    '云岭县城乡公交老年人乘车优待办法',
    '65周岁以上老年人持老年人优待证免费乘坐县内城乡公交。',
  ],
  [
    'gaj',
    'msbz',
    '16.01',
    '2025-03-01',
    '云岭县户口迁移办理指南',
    '申请户口迁移须提交居民户口簿、居民身份证及迁移证明材料。',
  ],
  [
    'gaj',
    'xzxk',
    '16.01',
    '2025-08-08',
    '2025年上半年大型群众性活动安全许可办理结果',
    '上半年共办理大型群众性活动安全许可5件。',
  ],
  [
    'gaj',
    'gzdt',
    '16.01',
    '2025-12-02',
    '县公安局开展“122”全国交通安全日主题宣传活动',
    '活动共发放交通安全宣传资料5000余份。',
  ],
  [
    'zrzyj',
    'xzxk',
    '05.01',
    '2025-11-12',
    '2025年建设用地规划许可证核发情况',
    '1至10月共核发建设用地规划许可证19件。',
  ],
  [
    'zrzyj',
    'ghjh',
    '05.01',
    '2025-07-01',
    '云岭县国土空间总体规划（2021—2035年）',
    '规划期至2035年，划定耕地保护目标、永久基本农田和生态保护红线。',
  ],
  [
    'zrzyj',
    'msbz',
    '05.01',
    '2025-04-22',
    '云岭县不动产登记办事指南',
    '申请不动产登记应当提交不动产权属证书、身份证明和登记申请书。',
  ],
  [
    'scjgj',
    'xzxk',
    '09.04',
    '2025-07-10',
    '2025年第二季度食品生产许可办理结果',
    '第二季度共办理食品生产许可新办5件、延续3件。',
  ],
  [
    'scjgj',
    'msbz',
    '09.04',
    '2025-09-01',
    '云岭县个体工商户登记注册指南',
    '申请个体工商户登记可通过线上“一网通办”或到县政务服务中心办理。',
  ],
  [
    'yjj',
    'xzxk',
    '09.05',
    '2025-10-15',
    '2025年第三季度烟花爆竹经营许可办理结果',
    '第三季度共核发烟花爆竹经营（零售）许可证31件。',
  ],
  [
    'yjj',
    'jdjc',
    '09.05',
    '2025-06-28',
    '云岭县2025年安全生产执法检查计划',
    '全年计划检查生产经营单位260家次，重点检查非煤矿山、危险化学品和工贸企业。',
  ],
  [
    'yjj',
    'gzdt',
    '02.03',
    '2025-05-12',
    '县应急局开展全国防灾减灾日宣传活动',
    '活动通过应急演练、知识讲座等形式，普及防灾减灾知识。',
  ],
  [
    'sthjj',
    'xzxk',
    '10.03',
    '2025-08-29',
    '2025年排污许可证核发情况公告',
    '1至8月共核发排污许可证16件，登记排污单位78家。',
  ],
  [
    'sthjj',
    'jdjc',
    '10.03',
    '2025-12-15',
    '云岭县2025年第三季度环境空气质量状况',
    '第三季度县城环境空气质量优良天数比例为99.1%。',
  ],
  [
    'sthjj',
    'xzcf',
    '10.03',
    '2025-10-28',
    '云岭县生态环境分局行政处罚决定书（云环罚〔2025〕6号）',
    '当事人未按排污许可证规定排放污染物，罚款人民币三万元。',
  ],
  [
    'tjj',
    'tjxx',
    '03.03',
    '2025-04-30',
    '云岭县2025年1至3月主要经济指标',
    '1至3月全县地区生产总值同比增长5.6%。',
  ],
  [
    'tjj',
    'tjxx',
    '03.03',
    '2025-07-31',
    '云岭县2025年上半年主要经济指标',
    '上半年全县规模以上工业增加值同比增长7.1%。',
  ],
  [
    'tjj',
    'gzdt',
    '03.03',
    '2025-11-20',
    '县统计局部署第五次全国经济普查数据发布工作',
    '普查数据将于2026年上半年陆续发布。',
  ],
  [
    'fgj',
    'msbz',
    '03.04',
    '2025-06-10',
    '云岭县居民生活用水阶梯价格调整方案',
    '居民生活用水实行三级阶梯水价，第一阶梯每立方米2.8元。',
  ],
  [
    'fgj',
    'gzdt',
    '03.01',
    '2025-09-18',
    '县发改局召开重点项目推进会',
    '会议通报了全县36个重点项目的推进情况。',
  ],
  [
    'czj',
    'msbz',
    '04.01',
    '2025-03-05',
    '云岭县2025年惠民惠农财政补贴资金“一卡通”发放明细',
    '2025年1至3月通过“一卡通”发放养老服务补贴、耕地地力保护补贴等各类补贴资金8600万元。',
  ],
  [
    'czj',
    'yjs',
    '04.01',
    '2025-02-12',
    '云岭县2025年县级部门预算公开说明',
    '全县76个县级部门同步公开2025年部门预算。',
  ],
];

/** The StaffActor of a demo user (as a session would build it). */
export function actorFor(deps: Deps, username: string): Promise<StaffActor | null> {
  return staffActorByUsername(deps.db, username);
}

export async function seedPublicationDemo(
  deps: Deps,
): Promise<{ published: number; workInProgress: number }> {
  const agencies = new Map(
    (
      await deps.db.selectFrom('agencies').select(['id', 'code', 'name', 'address', 'officeHours']).execute()
    ).map((a) => [a.code, a]),
  );
  let published = 0;
  const routine: DemoDoc[] = ROUTINE.map(([agency, catalog, subject, on, title, body]) => ({
    agency,
    catalog,
    subject,
    on,
    title,
    body: [body],
  }));
  await inTransaction(deps, async (tx) => {
    const keyed = new Map<string, number>();
    for (const d of [...DOCS, ...routine]) {
      const a = agencies.get(d.agency);
      if (!a) continue;
      await ensureCatalog(deps, tx, a.id);
      const entry = (await repo.catalog(tx, a.id)).find((e) => e.code === d.catalog);
      const item: BulkItem = {
        agencyId: a.id,
        catalogEntryId: entry?.id ?? null,
        title: d.title,
        subjectCode: d.subject,
        publisher: a.name,
        generatedOn: d.on,
        publishedOn: d.on,
        docNo: d.docNo ?? null,
        summary: d.summary ?? null,
        keywords: null,
        bodyHtml: d.body
          .map(
            (p) =>
              `<p>${p.replace('{address}', a.address ?? '').replace('{officeHours}', a.officeHours ?? '')}</p>`,
          )
          .join(''),
        interpretationOfId: d.interprets ? (keyed.get(d.interprets) ?? null) : null,
      };
      const [id] = await insertPublishedBatch(deps, tx, [item]);
      if (d.key) keyed.set(d.key, id!);
      published++;
    }
    for (const d of DOCS) {
      if (!d.abolishedBy || !d.key) continue;
      const replacement = DOCS.find((x) => x.key === d.abolishedBy)!;
      await repo.updateItem(tx, keyed.get(d.key)!, {
        validity: 'abolished',
        validityChangedOn: '2026-03-01',
        validityNote: `已被《${replacement.title}》废止。`,
        replacedById: keyed.get(d.abolishedBy)!,
      });
      await tx
        .updateTable('searchDocuments')
        .set({ validity: 'abolished' })
        .where('itemId', '=', keyed.get(d.key)!)
        .execute();
    }
  });

  // work in progress of the justice bureau: a draft the scan flags, one awaiting the leader, one internal-only
  let workInProgress = 0;
  const sfj = agencies.get('sfj');
  const drafter = await actorFor(deps, 'sfj-ng');
  const leader = await actorFor(deps, 'sfj-fg');
  if (sfj && drafter && leader) {
    const base = {
      agencyId: sfj.id,
      generatedOn: chinaDate(deps.clock.now()),
      scope: 'public' as const,
      attribute: 'proactive' as const,
    };
    await inTransaction(deps, (tx) =>
      createItem(
        deps,
        tx,
        { actor: drafter },
        {
          ...base,
          title: '关于公布2026年度法律援助律师名单的通知',
          bodyHtml:
            '<p>现将2026年度法律援助值班律师名单公布如下：</p><p>张明，联系电话13987654321，身份证号11010519491231002X。</p>',
        },
      ),
    );
    const pending = await inTransaction(deps, (tx) =>
      createItem(
        deps,
        tx,
        { actor: drafter },
        {
          ...base,
          title: '云岭县2026年“八五”普法终期评估工作方案',
          bodyHtml: '<p>为做好“八五”普法终期评估工作，制定本方案。</p>',
        },
      ),
    );
    await inTransaction(deps, (tx) =>
      submitItem(deps, tx, { actor: drafter }, pending.id, { opinion: '不涉密，建议主动公开' }),
    );
    await inTransaction(deps, (tx) =>
      leaderReview(deps, tx, { actor: leader }, pending.id, { decision: 'approve', comment: '同意' }),
    );
    await inTransaction(deps, (tx) =>
      createItem(
        deps,
        tx,
        { actor: drafter },
        {
          ...base,
          scope: 'internal',
          title: '局机关2026年公务用车使用情况（内部公开）',
          bodyHtml: '<p>2026年一季度公务用车运行维护费支出1.6万元。</p>',
        },
      ),
    );
    await inTransaction(deps, (tx) =>
      createItem(
        deps,
        tx,
        { actor: drafter },
        {
          ...base,
          attribute: 'not_public',
          nonDisclosureGround: 'process_info',
          title: '关于人民调解员队伍建设的请示（过程稿）',
          bodyHtml: '<p>请示内容（过程性信息）。</p>',
        },
      ),
    );
    workInProgress = 4;
  }

  // the county government's guide (指南), published as version 1 from the prefilled draft
  const gov = agencies.get('gov');
  const gkb = await actorFor(deps, 'gkb');
  if (gov && gkb) {
    const ws = await guideWorkspace(deps, deps.db, gkb, gov.id);
    await inTransaction(deps, async (tx) => {
      await saveGuideDraft(deps, tx, { actor: gkb }, gov.id, ws.draft.sections);
      await publishGuide(deps, tx, { actor: gkb }, gov.id);
    });
  }
  return { published, workInProgress };
}
