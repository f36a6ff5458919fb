/** Error catalog of serving the letters (service-record.ts), merged into ERROR_CATALOG. */
import type { ErrorEntry } from '../shared/error-entry.ts';

export const SERVICE_RECORD_ERRORS = {
  REQUEST_SERVICE_LETTER_NOT_SENT: {
    status: 409,
    message: '该文书尚未发出或不向申请人送达（致第三方的文书不在此登记），不能登记送达',
  },
  REQUEST_SERVICE_ALREADY_RECORDED: {
    status: 409,
    message: '该文书已有送达记录（已送达或正在送达）；邮件被退回或寄件被退回后才能重新送达',
  },
  REQUEST_SERVICE_RECORD_NOT_FOUND: { status: 404, message: '未找到该送达记录' },
  REQUEST_SERVICE_INVALID_TRANSITION: {
    status: 409,
    message: '送达记录当前状态下不能进行该操作（已送达或未能送达的记录不能再更改）',
  },
  REQUEST_SERVICE_METHOD_MISMATCH: {
    status: 409,
    message: '该操作不适用于此送达方式（签收日期、退回只适用于邮寄；送达回证只适用于领取或邮寄）',
  },
} as const satisfies Record<string, ErrorEntry>;
