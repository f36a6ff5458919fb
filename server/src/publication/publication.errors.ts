/** Error catalog of the publication module (主动公开), registered with the others in http/error-registry.ts. */
import type { ErrorEntry } from '../shared/error-entry.ts';

export const PUBLICATION_ERRORS = {
  ITEM_NOT_FOUND: { status: 404, message: '公开信息不存在或不在您的办理范围内' },
  ITEM_INVALID_TRANSITION: { status: 409, message: '该信息当前的办理状态不允许此操作，请刷新后重试' },
  ITEM_NOT_EDITABLE: { status: 409, message: '该信息已提交审查，不能修改；如需修改请由审查人退回' },
  ITEM_SCAN_BLOCKED: {
    status: 409,
    message:
      '敏感信息检查发现身份证号、手机号、银行卡号、电子邮箱或密级标志，不能发布；请删除或遮盖后重新提交，或由保密审查办公室登记放行理由',
  },
  ITEM_DECLASSIFIED_MARKS: {
    status: 409,
    message: '解密信息中仍有密级标志（秘密、机密、绝密、★等），必须删除后才能公开',
  },
  ITEM_NOT_PROACTIVE: {
    status: 409,
    message: '公开属性为依申请公开或不予公开的信息不能主动发布',
  },
  ITEM_JOINT_CONSENT_MISSING: {
    status: 409,
    message: '联合制发的信息须取得其他制发机关的书面同意后才能公开',
  },
  ITEM_SCHEDULE_IN_PAST: { status: 400, message: '定时发布时间必须晚于当前时间' },
  ITEM_REPLACEMENT_INVALID: { status: 400, message: '替代文件必须是本机关已发布的其他信息' },
  ITEM_NOT_PUBLISHED: { status: 409, message: '该信息尚未发布' },
  ITEM_POLICY_NOT_PUBLISHABLE: {
    status: 409,
    message: '所解读的政策文件已撤回或不予公开，解读材料不能单独发布',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 400,
    message: '附件格式不支持：只能上传 PDF、DOCX、XLSX、JPG、PNG 文件，且文件内容须与扩展名一致',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, message: '附件过大：单个文件不能超过 20 MB' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: '附件不存在或尚未公开' },
  INDEX_PATTERN_INVALID: { status: 400, message: '索引号规则不正确' },
  CATALOG_ENTRY_NOT_FOUND: { status: 404, message: '目录分类不存在' },
  CATALOG_CODE_TAKEN: { status: 409, message: '目录分类代码已被使用' },
  SUBJECT_UNKNOWN: { status: 400, message: '主题分类不存在' },
} as const satisfies Record<string, ErrorEntry>;
