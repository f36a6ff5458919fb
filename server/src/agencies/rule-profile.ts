/**
 * A rule profile holds every statutory number an agency's work is measured against, as data, so a
 * jurisdiction can adapt them without code changes. The 2019 Regulation (国务院令第711号) is the
 * default; 《县局政务公开制度汇编》 older local regime (15 + 15 working days) is the second built-in profile.
 */
export interface FeeTier {
  /** first unit of the band, inclusive (piece or page number) */
  from: number;
  /** last unit of the band, inclusive; null = open-ended */
  to: number | null;
  /** yuan per unit within this band */
  yuan: number;
}

export interface Rules {
  /** R.33 ¶2: reply within 20 working days of receipt */
  replyDays: number;
  /** R.33 ¶2: extension of at most 20 working days, approved by the head of the disclosure office */
  extensionDays: number;
  /** R.30: correction notice within 7 working days of receipt */
  correctionNoticeDays: number;
  /** R.32: a third party has 15 working days to give its opinion */
  thirdPartyDays: number;
  /** R.34: co-producing agencies answer within 15 working days; silence is consent */
  interAgencyDays: number;
  /** 国办函〔2020〕109号: pay within 20 working days of the fee notice */
  feePaymentDays: number;
  /** whether the notice-to-payment period is excluded from the reply period (国办函〔2020〕109号) */
  feePaymentPausesClock: boolean;
  /** R.26: proactive information public within 20 working days of being generated or changed */
  proactivePublishDays: number;
  /** docs/product.md §2.2: the catalog updated within 20 working days of a change */
  catalogUpdateDays: number;
  /** 《县局政务公开制度汇编》 §2: feedback on an evaluation's rectification within 15 working days */
  evaluationFeedbackDays: number;
  /** 《县司法局公开工作制度》 §9 art.16: a confidentiality-review question from the public answered within 3 working days */
  reviewQuestionDays: number;
  /** 《市司法局自查报告》: interpretation published within 3 working days of its policy document */
  interpretationDays: number;
  /** 《重大行政决策程序暂行条例》第十四条: a major decision's draft open for comment at least 30 days */
  consultationMajorDecisionDays: number;
  /** 国办发〔2018〕37号: a normative document's draft open for comment at least 7 working days */
  consultationNormativeWorkingDays: number;
  /** participation/consultation.ts: the adoption summary published within 30 days after the period */
  consultationSummaryDays: number;
  /** 《省司法厅政务公开意见》 (docs/product.md): press conferences and online interviews, at least one a quarter — four a year */
  pressEventsPerYear: number;
  /** reminders this many working days before a due date */
  reminderDaysBefore: number[];
  /**
   * 送达: the reply (and every other letter to the applicant) served within this many working days
   * after it is issued — a platform default of 5 (docs/rules.md), not a statutory number; a letter not
   * served by then appears on the to-do list
   */
  serviceDays: number;
  /** remedy clause: 行政复议 within 60 days (行政复议法 art. 20) */
  reconsiderationDays: number;
  /** remedy clause: 行政诉讼 within 6 months (行政诉讼法 art. 46) */
  litigationMonths: number;
  /** 《省司法厅信息公开指南》: non-permanent items leave the public lists after 1 year */
  onlineRetentionYears: number;
  /** R.49 ¶1: a department's annual report published by 31 January (MM-DD) */
  annualReportDueDepartment: string;
  /** R.49 ¶2: a government's annual report published by 31 March (MM-DD) */
  annualReportDueGovernment: string;
  /** 109号 art.4: per piece, monthly cumulative per applicant: ≤10 free, 11–30 at 100 元 … */
  feePerPieceTiers: FeeTier[];
  /** 109号 art.4: from piece 31 on, bands of this many pieces … */
  feePerPieceBandSize: number;
  /** … each band adding this many yuan per piece */
  feePerPieceBandIncrement: number;
  /** 109号 art.5: per volume: ≤30 pages free, 31–100 at 10 元, 101–200 at 20 元, ≥201 at 40 元 */
  feePerVolumeTiers: FeeTier[];
}

export const REGULATION_2019: Rules = Object.freeze({
  replyDays: 20,
  extensionDays: 20,
  correctionNoticeDays: 7,
  thirdPartyDays: 15,
  interAgencyDays: 15,
  feePaymentDays: 20,
  feePaymentPausesClock: true,
  proactivePublishDays: 20,
  catalogUpdateDays: 20,
  evaluationFeedbackDays: 15,
  reviewQuestionDays: 3,
  interpretationDays: 3,
  consultationMajorDecisionDays: 30,
  consultationNormativeWorkingDays: 7,
  consultationSummaryDays: 30,
  pressEventsPerYear: 4,
  reminderDaysBefore: [5, 1],
  serviceDays: 5,
  reconsiderationDays: 60,
  litigationMonths: 6,
  onlineRetentionYears: 1,
  annualReportDueDepartment: '01-31',
  annualReportDueGovernment: '03-31',
  feePerPieceTiers: [
    { from: 1, to: 10, yuan: 0 },
    { from: 11, to: 30, yuan: 100 },
  ],
  feePerPieceBandSize: 10,
  feePerPieceBandIncrement: 100,
  feePerVolumeTiers: [
    { from: 1, to: 30, yuan: 0 },
    { from: 31, to: 100, yuan: 10 },
    { from: 101, to: 200, yuan: 20 },
    { from: 201, to: null, yuan: 40 },
  ],
});

/** 《县局政务公开制度汇编》 (a county market-supervision bureau, pre-2019): reply in 15 working days, extension 15. */
export const LOCAL_15_15: Rules = Object.freeze({ ...REGULATION_2019, replyDays: 15, extensionDays: 15 });

export const BUILTIN_PROFILES = [
  {
    code: 'regulation-2019',
    name: '《政府信息公开条例》（2019年修订）',
    description: '国务院令第711号，2019年5月15日起施行。默认规则。',
    isDefault: true,
    rules: REGULATION_2019,
  },
  {
    code: 'local-15-15',
    name: '地方旧规（15+15个工作日）',
    description: '旧版地方制度：15个工作日内答复，经批准可延长15个工作日（见种子文件 001）。',
    isDefault: false,
    rules: LOCAL_15_15,
  },
] as const;

/** Stored JSON merged over the defaults, so a profile saved before a new rule existed still works. */
export function parseRules(json: string): Rules {
  let stored: Partial<Rules> = {};
  try {
    stored = JSON.parse(json) as Partial<Rules>;
  } catch {
    stored = {};
  }
  return { ...REGULATION_2019, ...stored };
}

export const RULE_LABELS: Record<keyof Rules, string> = {
  replyDays: '答复期限（工作日，条例第三十三条）',
  extensionDays: '延长答复期限（工作日，条例第三十三条）',
  correctionNoticeDays: '补正告知期限（工作日，条例第三十条）',
  thirdPartyDays: '第三方征求意见期限（工作日，条例第三十二条）',
  interAgencyDays: '其他机关征求意见期限（工作日，条例第三十四条）',
  feePaymentDays: '缴费期限（工作日，国办函〔2020〕109号）',
  feePaymentPausesClock: '缴费期间不计入答复期限',
  proactivePublishDays: '主动公开期限（工作日，条例第二十六条）',
  catalogUpdateDays: '公开目录更新期限（工作日）',
  evaluationFeedbackDays: '评议整改反馈期限（工作日）',
  reviewQuestionDays: '保密审查问题答复期限（工作日）',
  interpretationDays: '政策解读发布期限（工作日）',
  consultationMajorDecisionDays: '重大行政决策征求意见最短期限（日，《重大行政决策程序暂行条例》第十四条）',
  consultationNormativeWorkingDays: '规范性文件征求意见最短期限（工作日，国办发〔2018〕37号）',
  consultationSummaryDays: '征求意见采纳情况公布期限（征求意见结束后日数）',
  pressEventsPerYear: '每年新闻发布会、在线访谈目标场次',
  reminderDaysBefore: '到期提醒（提前工作日数）',
  serviceDays: '送达期限（答复书发出后工作日）',
  reconsiderationDays: '行政复议申请期限（日）',
  litigationMonths: '行政诉讼起诉期限（月）',
  onlineRetentionYears: '非永久类信息网上保留年限（年）',
  annualReportDueDepartment: '部门年度报告公布截止日（月-日）',
  annualReportDueGovernment: '政府年度报告公布截止日（月-日）',
  feePerPieceTiers: '按件计收阶梯',
  feePerPieceBandSize: '按件计收：超出后每档件数',
  feePerPieceBandIncrement: '按件计收：每档加收（元/件）',
  feePerVolumeTiers: '按量计收阶梯',
};
