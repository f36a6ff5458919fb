import { Alert, Button } from 'antd';
import type { ApiError } from '../api';

/** Shown in place of content that failed to load. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={error.message}
      action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}
