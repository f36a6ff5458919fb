import type { ErrorEntry } from '../shared/error-entry.ts';

export const REPORTING_ERRORS = {
  REPORT_NOT_FOUND: { status: 404, message: '年度报告不存在' },
  REPORT_YEAR_INVALID: { status: 400, message: '报告年度不正确：只能编制已经结束或当前的年度' },
  REPORT_ACTION_NOT_ALLOWED: { status: 409, message: '年度报告当前状态下不能执行此操作' },
  REPORT_NOT_EDITABLE: { status: 409, message: '年度报告已提交审批，不能修改；如需修改请先退回' },
  REPORT_IDENTITIES_BROKEN: {
    status: 422,
    message: '年度报告表格的勾稽关系不成立，不能发布；请核对列出的问题',
  },
  REPORT_EXISTS: { status: 409, message: '该年度的报告已存在' },
  REPORT_ROW_UNKNOWN: { status: 404, message: '表三中没有这一行：请检查“行”参数' },
  REPORT_ROW_NO_RECORDS: {
    status: 409,
    message: '录入或导入的往年报告没有平台办理记录，无法查看构成该行的申请',
  },
} as const satisfies Record<string, ErrorEntry>;
