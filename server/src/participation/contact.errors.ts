import type { ErrorEntry } from '../shared/error-entry.ts';

/** Error codes of contacts (咨询、建议、投诉举报、领导信箱、评议); listed in docs/errors.md. */
export const CONTACT_ERRORS = {
  CONTACT_NOT_FOUND: { status: 404, message: '留言或来信不存在' },
  CONTACT_TRANSITION_INVALID: { status: 409, message: '该留言当前的办理状态不允许此操作' },
  CONTACT_UNIT_INVALID: { status: 400, message: '承办单位必须是本机关的内设机构' },
  CONTACT_TRANSFER_TARGET_INVALID: {
    status: 400,
    message: '转办机关无效：不能转给本机关，且只能转给启用中的政府或部门',
  },
  CONTACT_RECEIPT_DATE_INVALID: {
    status: 400,
    message: '收到日期不正确：来信须填写签收日期，电子邮件须填写确认日期，且不能晚于今天或早于提交日期',
  },
  CONTACT_OUTCOME_REQUIRED: { status: 400, message: '评议意见的答复须选择处理结果（已整改或已说明）' },
  CONTACT_ALREADY_RATED: { status: 409, message: '该答复已经评价过，或已申请过一次重新答复' },
  CONTACT_AGENCY_NOT_PUBLIC: { status: 400, message: '只能向启用中的政府或部门留言' },
} as const satisfies Record<string, ErrorEntry>;
