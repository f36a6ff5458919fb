export interface FeeTier {
  from: number;
  /** null = open-ended */
  to: number | null;
  yuan: number;
}

export interface Rules {
  replyDays: number;
  extensionDays: number;
  correctionNoticeDays: number;
  thirdPartyDays: number;
  interAgencyDays: number;
  feePaymentDays: number;
  feePaymentPausesClock: boolean;
  proactivePublishDays: number;
  catalogUpdateDays: number;
  evaluationFeedbackDays: number;
  reviewQuestionDays: number;
  interpretationDays: number;
  consultationMajorDecisionDays: number;
  consultationNormativeWorkingDays: number;
  consultationSummaryDays: number;
  pressEventsPerYear: number;
  reminderDaysBefore: number[];
  /** working days after issue within which a letter is served (0021) */
  serviceDays: number;
  reconsiderationDays: number;
  litigationMonths: number;
  onlineRetentionYears: number;
  /** MM-DD */
  annualReportDueDepartment: string;
  /** MM-DD */
  annualReportDueGovernment: string;
  feePerPieceTiers: FeeTier[];
  feePerVolumeTiers: FeeTier[];
  feePerPieceBandSize: number;
  feePerPieceBandIncrement: number;
}

export interface RuleProfile {
  id: number;
  code: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  rules: Rules;
  agencyCount: number;
}
