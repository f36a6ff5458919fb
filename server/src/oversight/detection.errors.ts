import type { ErrorEntry } from '../shared/error-entry.ts';

export const DETECTION_ERRORS = {
  DETECTION_NOT_FOUND: { status: 404, message: '违规发现不存在或不在您的查看范围内' },
  DETECTION_AGENCY_NOT_FOUND: { status: 404, message: '机关不存在' },
  DETECTION_FORBIDDEN: {
    status: 403,
    message: '无权查看该机关的违规发现（仅本机关工作人员和监督机关可以查看）',
  },
} as const satisfies Record<string, ErrorEntry>;
