import type { ErrorEntry } from '../shared/error-entry.ts';

/** Error codes of the participation module (public comment on drafts); listed in docs/errors.md. */
export const PARTICIPATION_ERRORS = {
  CONSULTATION_NOT_FOUND: { status: 404, message: '意见征集不存在' },
  CONSULTATION_NOT_EDITABLE: { status: 409, message: '意见征集已发布，不能再修改草案、期限和渠道' },
  CONSULTATION_BAD_TRANSITION: { status: 409, message: '意见征集当前状态不允许此操作' },
  CONSULTATION_PERIOD_TOO_SHORT: {
    status: 400,
    message: '征求意见期限少于规定的最短期限；缩短期限须写明理由',
  },
  CONSULTATION_PERIOD_NOT_OVER: { status: 409, message: '征求意见期限尚未届满，不能结束征集' },
  CONSULTATION_NOT_ACCEPTING: { status: 409, message: '该意见征集当前不接受意见（未开始或已截止）' },
  CONSULTATION_CHANNEL_NOT_OFFERED: { status: 400, message: '该意见征集未开通此意见提交渠道' },
  CONSULTATION_LEDGER_INCOMPLETE: {
    status: 409,
    message: '还有意见尚未审核或尚未标注采纳情况，不能公布采纳情况',
  },
  CONSULTATION_COMMENT_NOT_FOUND: { status: 404, message: '意见不存在' },
  CONSULTATION_REASON_REQUIRED: { status: 400, message: '请写明理由（将告知提出意见的人）' },
} as const satisfies Record<string, ErrorEntry>;
