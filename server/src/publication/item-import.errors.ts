/** Error codes of the bulk import from an old site, registered with the others in http/error-registry.ts. */
import type { ErrorEntry } from '../shared/error-entry.ts';

export const ITEM_IMPORT_ERRORS = {
  IMPORT_NOT_FOUND: { status: 404, message: '导入任务不存在或不在您的办理范围内' },
  IMPORT_CONFLICT: { status: 409, message: '该导入任务正由另一进程处理，请刷新查看进度' },
} as const satisfies Record<string, ErrorEntry>;
