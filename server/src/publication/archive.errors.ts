/** Error catalog of the guide versions, filing, archive volumes and hand-over log; registered in http/error-registry.ts. */
import type { ErrorEntry } from '../shared/error-entry.ts';

export const ARCHIVE_ERRORS = {
  GUIDE_VERSION_NOT_FOUND: { status: 404, message: '政府信息公开指南的该版本不存在' },
  GUIDE_DRAFT_MISSING: { status: 409, message: '没有待发布的指南草稿：请先编辑并保存草稿' },
  FILING_NOT_FOUND: { status: 404, message: '备案记录不存在或不在您的办理范围内' },
  FILING_ITEM_NOT_FILEABLE: {
    status: 409,
    message: '只有已发布（或定时发布）、不予主动公开或暂缓公开的信息可以报备',
  },
  FILING_SUPERVISOR_INVALID: {
    status: 400,
    message: '报备机关（备案机关）必须是对本机关有监督关系的上级政务公开主管机关',
  },
  FILING_DUPLICATE: { status: 409, message: '该信息已向该机关报备，请勿重复报备' },
  FILING_INVALID_TRANSITION: { status: 409, message: '该备案当前的状态不允许此操作，请刷新后重试' },
  VOLUME_NOT_FOUND: { status: 404, message: '归档卷不存在或不在您的办理范围内' },
  VOLUME_CLOSED: { status: 409, message: '该年度归档卷已封卷，不能再修改' },
  VOLUME_YEAR_NOT_ENDED: { status: 409, message: '该年度尚未结束，不能封卷（可先整理，年度结束后封卷）' },
  HANDOVER_VOLUME_NOT_CLOSED: { status: 409, message: '按归档卷移交前须先封卷' },
} as const satisfies Record<string, ErrorEntry>;
