import type { Rules } from '../../types/rules';

type NumberKey = {
  [K in keyof Rules]: Rules[K] extends number ? K : never;
}[keyof Rules];

export interface NumberRuleField {
  key: NumberKey;
  label: string;
  help: string;
  min: number;
  max: number;
}

export interface RuleSection {
  title: string;
  fields: NumberRuleField[];
}

/** The numeric rules, grouped, each labelled with its legal source. */
export const RULE_SECTIONS: RuleSection[] = [
  {
    title: '依申请公开期限',
    fields: [
      {
        key: 'replyDays',
        label: '答复期限（工作日，条例第33条）',
        help: '不能当场答复的，自收到申请之日起 20 个工作日内答复。',
        min: 1,
        max: 60,
      },
      {
        key: 'extensionDays',
        label: '延长期限（工作日，条例第33条）',
        help: '经政府信息公开工作机构负责人同意并告知申请人，延长最长不超过 20 个工作日。',
        min: 0,
        max: 60,
      },
      {
        key: 'correctionNoticeDays',
        label: '补正告知期限（工作日，条例第30条）',
        help: '申请内容不明确的，自收到申请之日起 7 个工作日内一次性告知补正。',
        min: 1,
        max: 30,
      },
      {
        key: 'thirdPartyDays',
        label: '第三方征求意见期限（工作日，条例第32条）',
        help: '第三方自收到征求意见书之日起 15 个工作日内提出意见。',
        min: 1,
        max: 60,
      },
      {
        key: 'interAgencyDays',
        label: '其他机关征求意见期限（工作日，条例第34条）',
        help: '被征求意见机关自收到征求意见书之日起 15 个工作日内提出意见，逾期视为同意公开。',
        min: 1,
        max: 60,
      },
      {
        key: 'feePaymentDays',
        label: '缴费期限（工作日，国办函〔2020〕109号）',
        help: '申请人自收到收费通知之日起 20 个工作日内缴费，逾期视为放弃申请。',
        min: 1,
        max: 60,
      },
    ],
  },
  {
    title: '主动公开与其他期限',
    fields: [
      {
        key: 'proactivePublishDays',
        label: '主动公开期限（工作日，条例第26条）',
        help: '主动公开的政府信息自形成或者变更之日起 20 个工作日内公开。',
        min: 1,
        max: 60,
      },
      {
        key: 'catalogUpdateDays',
        label: '目录更新期限（工作日）',
        help: '政府信息公开目录在信息变更后的更新时限。',
        min: 1,
        max: 60,
      },
      {
        key: 'evaluationFeedbackDays',
        label: '评议反馈期限（工作日）',
        help: '社会评议、监督检查发现问题后整改情况的反馈时限。',
        min: 1,
        max: 60,
      },
      {
        key: 'reviewQuestionDays',
        label: '保密审查问题答复期限（工作日）',
        help: '保密审查中提出的问题的答复时限。',
        min: 1,
        max: 30,
      },
      {
        key: 'interpretationDays',
        label: '政策解读发布期限（工作日）',
        help: '政策文件公开后，解读材料的发布时限。',
        min: 0,
        max: 30,
      },
      {
        key: 'consultationMajorDecisionDays',
        label: '重大行政决策征求意见最短期限（日）',
        help: '《重大行政决策程序暂行条例》第十四条：公开征求意见的期限一般不少于30日；缩短须说明理由。',
        min: 1,
        max: 366,
      },
      {
        key: 'consultationNormativeWorkingDays',
        label: '规范性文件征求意见最短期限（工作日）',
        help: '国办发〔2018〕37号：行政规范性文件征求意见的期限一般不少于7个工作日。',
        min: 1,
        max: 60,
      },
      {
        key: 'consultationSummaryDays',
        label: '采纳情况公布期限（日）',
        help: '征求意见结束后，意见采纳情况应在此期限内在网站公布；逾期将提示。',
        min: 1,
        max: 366,
      },
      {
        key: 'pressEventsPerYear',
        label: '每年新闻发布会、在线访谈目标（场）',
        help: '《省司法厅政务公开意见》：每季度至少举办一次新闻发布会或在线访谈（每年4场）；工作台按已过季度提示进度。',
        min: 0,
        max: 100,
      },
    ],
  },
  {
    title: '救济途径与网上保留',
    fields: [
      {
        key: 'serviceDays',
        label: '送达期限（工作日）',
        help: '答复书等文书发出后应在此期限内送达申请人；逾期未送达的列入待办。平台默认 5 个工作日。',
        min: 1,
        max: 60,
      },
      {
        key: 'reconsiderationDays',
        label: '行政复议期限（日）',
        help: '告知救济途径用：自知道行政行为之日起 60 日内申请行政复议（《行政复议法》）。',
        min: 1,
        max: 365,
      },
      {
        key: 'litigationMonths',
        label: '行政诉讼期限（月）',
        help: '告知救济途径用：自知道作出行政行为之日起 6 个月内提起诉讼（《行政诉讼法》第四十六条）。',
        min: 1,
        max: 24,
      },
      {
        key: 'onlineRetentionYears',
        label: '网上保留年限（年）',
        help: '非永久公开类信息在网上公开列表中的保留年限。',
        min: 1,
        max: 100,
      },
    ],
  },
];

export const REMINDER_HELP =
  '可填写多个，输入数字后按回车，例如 5 和 1：到期前第 5 个和第 1 个工作日各提醒一次。';

export const ANNUAL_REPORT_FIELDS = [
  {
    key: 'annualReportDueDepartment',
    label: '部门年报公布截止（月-日）',
    help: '条例第49条：县级以上人民政府部门每年 1 月 31 日前公布上一年度报告。',
  },
  {
    key: 'annualReportDueGovernment',
    label: '政府年报公布截止（月-日）',
    help: '条例第49条：县级以上地方人民政府每年 3 月 31 日前公布上一年度报告。',
  },
] as const;

export const MONTH_DAY_PATTERN = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Select "tags" yields strings; keep distinct positive integers, largest first. */
export function normaliseReminderDays(values: (string | number)[] | undefined): number[] {
  const numbers = (values ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 60);
  return [...new Set(numbers)].sort((a, b) => b - a);
}
