import type { ErrorEntry } from '../shared/error-entry.ts';

/** Error codes of press conferences and online interviews; listed in docs/errors.md. */
export const PRESS_EVENT_ERRORS = {
  PRESS_EVENT_NOT_FOUND: { status: 404, message: '发布会或访谈不存在' },
  PRESS_EVENT_NOT_EDITABLE: { status: 409, message: '发布会或访谈已举办或已取消，不能再修改' },
  PRESS_EVENT_BAD_TRANSITION: { status: 409, message: '发布会或访谈当前状态不允许此操作' },
  PRESS_EVENT_NOT_ACCEPTING: {
    status: 409,
    message: '该发布会或访谈当前不征集问题（未预告、已举办或已取消）',
  },
  PRESS_QUESTION_NOT_FOUND: { status: 404, message: '问题不存在' },
} as const satisfies Record<string, ErrorEntry>;
