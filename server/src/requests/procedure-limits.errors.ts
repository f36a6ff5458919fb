/** Error catalog of the procedure limits (procedure-limits.ts; docs/rules.md §3), registered in http/error-registry.ts. */
import type { ErrorEntry } from '../shared/error-entry.ts';

export const PROCEDURE_ERRORS = {
  REQUEST_CORRECTION_ALREADY_NOTIFIED: {
    status: 409,
    message: '本申请已发出过补正告知：补正应一次性告知申请人（条例第三十条），不能再次告知补正',
  },
  REQUEST_CORRECTION_BEFORE_NOTICE: {
    status: 400,
    message: '收到补正日期不能早于补正告知日期，也不能晚于今天（条例第三十条）',
  },
  REQUEST_EXTENSION_AFTER_EXPIRY: {
    status: 409,
    message: '答复期限已届满，不能再延长：延长答复期限须在答复期限内决定并告知申请人（条例第三十三条第二款）',
  },
  REQUEST_EXTENSION_NOT_RUNNING: {
    status: 409,
    message:
      '答复期限当前未在计算（待确认、待补正、征求意见、待缴费、中止或已答复），不能延长（条例第三十三条第二款）',
  },
  REQUEST_STEP_DATE_IN_FUTURE: { status: 400, message: '办理环节的实际日期不能晚于今天' },
  REQUEST_STEP_DATE_BEFORE_PREVIOUS: {
    status: 400,
    message: '办理环节的实际日期不能早于上一个已登记的办理环节',
  },
} as const satisfies Record<string, ErrorEntry>;
