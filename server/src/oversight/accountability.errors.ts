import type { ErrorEntry } from '../shared/error-entry.ts';

export const ACCOUNTABILITY_ERRORS = {
  ACCOUNTABILITY_NOT_FOUND: { status: 404, message: '问责案件不存在或不在您的查看范围内' },
  ACCOUNTABILITY_FORBIDDEN: {
    status: 403,
    message: '无权办理问责案件（仅监督机关的监督员和政务公开工作机构可以办理）',
  },
  ACCOUNTABILITY_INVALID_TRANSITION: { status: 409, message: '问责案件当前状态不允许该操作' },
  ACCOUNTABILITY_NOT_CONCERNED: { status: 403, message: '只有被问责人本人可以提交陈述申辩或申请复核' },
  ACCOUNTABILITY_REVIEW_LATE: { status: 409, message: '已超过申请复核的期限' },
  ACCOUNTABILITY_SOURCE_NOT_FOUND: {
    status: 404,
    message: '立案来源（问题、违规发现或投诉）不存在或不在监督范围内',
  },
} as const satisfies Record<string, ErrorEntry>;
