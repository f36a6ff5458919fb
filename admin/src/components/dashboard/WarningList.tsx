import { Alert, Flex } from 'antd';
import type { DashboardWarning } from '../../types/dashboard';

export function WarningList({ warnings }: { warnings: DashboardWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Flex vertical gap={8} role="region" aria-label="系统提醒">
      {warnings.map((w) => (
        <Alert key={w.code} type={w.level} showIcon title={w.message} />
      ))}
    </Flex>
  );
}
