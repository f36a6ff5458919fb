import type { ErrorEntry } from '../shared/error-entry.ts';

export const OVERSIGHT_ERRORS = {
  OVERSIGHT_PLAN_NOT_FOUND: { status: 404, message: '检查计划不存在' },
  OVERSIGHT_RECTIFICATION_NOT_FOUND: { status: 404, message: '整改任务不存在' },
  OVERSIGHT_PLAN_NOT_OPEN: { status: 409, message: '检查已结束，不能再登记问题' },
  OVERSIGHT_INVALID_TRANSITION: { status: 409, message: '当前状态下不能执行此操作' },
  OVERSIGHT_FILE_REJECTED: {
    status: 400,
    message: '证据文件只能是 PDF、JPG、PNG、DOCX、XLSX 文件，内容须与扩展名一致，且不超过 5 MB',
  },
  OVERSIGHT_OWN_RECTIFICATION: {
    status: 403,
    message: '被检查机关不能验收本机关的整改，整改报告由监督机关验收',
  },
} as const satisfies Record<string, ErrorEntry>;
