/** Error catalog of the requests module (依申请公开), registered with the others in http/error-registry.ts. */
import type { ErrorEntry } from '../shared/error-entry.ts';

export const REQUEST_ERRORS = {
  REQUEST_NOT_FOUND: { status: 404, message: '申请不存在或不在您的办理范围内' },
  REQUEST_TRACKING_NOT_FOUND: {
    status: 404,
    message: '未查询到申请：请核对登记号和查询码（均在登记回执上）后重试',
  },
  REQUEST_AGENCY_NOT_ACCEPTING: { status: 400, message: '该机关不受理政府信息公开申请，请选择其他机关' },
  REQUEST_APPEAL_DATE_IN_FUTURE: { status: 400, message: '复议或诉讼的日期不能晚于今天' },
  REQUEST_INVALID_TRANSITION: { status: 409, message: '申请当前的办理状态不允许此操作，请刷新后重试' },
  REQUEST_RECEIPT_DATE_INVALID: {
    status: 400,
    message: '收到申请日期不正确：不能晚于今天，也不能早于申请提交日期（条例第三十一条）',
  },
  REQUEST_RECEIPT_DATE_REQUIRED: {
    status: 400,
    message:
      '请填写收到申请日期：挂号信为签收日期，平信、网上申请、传真、电子邮件为双方确认日期（条例第三十一条）',
  },
  REQUEST_EXTENSION_TOO_LONG: {
    status: 400,
    message: '延长答复期限累计不得超过规定的上限（条例第三十三条第二款）',
  },
  REQUEST_EXTENSION_NOT_REQUESTED: { status: 409, message: '没有待审批的延期申请' },
  REQUEST_DECISION_INCOMPLETE: { status: 400, message: '处理决定不完整，请按提示补充后保存' },
  REQUEST_ITEMS_UNDECIDED: { status: 409, message: '尚有申请事项未作出处理决定，不能提交审批' },
  REQUEST_APPROVAL_NOT_YOUR_STEP: { status: 403, message: '当前审批环节不由您审批' },
  REQUEST_APPROVAL_INCOMPLETE: { status: 409, message: '答复尚未完成全部审批环节，不能发出' },
  REQUEST_FEE_METHOD_CONFLICT: {
    status: 409,
    message: '同一申请只能选择按件或按量其中一种方式计收（国办函〔2020〕109号第三条）',
  },
  REQUEST_FILE_REJECTED: {
    status: 400,
    message: '附件类型或大小不符合要求：仅接受 PDF、JPG、PNG，单个不超过 5 MB',
  },
  REQUEST_LETTER_NOT_FOUND: { status: 404, message: '文书不存在' },
  REQUEST_APPEAL_NOT_FOUND: { status: 404, message: '复议或诉讼记录不存在' },
  REQUEST_APPEAL_ALREADY_DECIDED: {
    status: 409,
    message: '该复议或诉讼已登记结果；只有“尚未审结”的记录可以登记结果',
  },
  REQUEST_THIRD_PARTY_NOTICE_MISSING: {
    status: 409,
    message:
      '第三方不同意公开而本机关决定予以公开的，须先将决定公开的内容和理由书面告知第三方（条例第三十二条），再发出答复书',
  },
  REQUEST_THIRD_PARTY_NOTICE_NOT_NEEDED: {
    status: 409,
    message: '该第三方没有提出不同意公开的意见，或没有决定予以公开（部分公开）的事项，无需发出第三方告知书',
  },
  REQUEST_IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message:
      '该 Idempotency-Key 已用于一份内容不同的申请：重试时请提交与第一次完全相同的内容；提出新的申请请使用新的 Idempotency-Key',
  },
} as const satisfies Record<string, ErrorEntry>;
