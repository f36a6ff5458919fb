import type { ErrorEntry } from '../shared/error-entry.ts';

export const NOTIFICATION_ERRORS = {
  NOTIFICATION_NOT_FOUND: { status: 404, message: '通知不存在' },
  NOTIFICATION_NOT_RETRYABLE: { status: 409, message: '只有发送失败的邮件或短信可以重新发送' },
} as const satisfies Record<string, ErrorEntry>;
