import { Col, Flex, Row, Typography } from 'antd';
import { useMe } from '../auth/useAuth';
import { AuditTrendChart } from '../components/dashboard/AuditTrendChart';
import { DetectionSummary } from '../components/dashboard/DetectionSummary';
import { ModuleGrid } from '../components/dashboard/ModuleGrid';
import { StatCards } from '../components/dashboard/StatCards';
import { WarningList } from '../components/dashboard/WarningList';
import { TodoPanel } from '../components/todo/TodoPanel';
import { LoadError } from '../components/LoadError';
import { useApiData } from '../hooks/useApiData';
import { useTodo } from '../hooks/useTodo';
import { BUSINESS_MODULES, systemModulesFor } from '../lib/modules';
import { canManageSystem } from '../lib/permissions';
import type { Dashboard } from '../types/dashboard';

export default function DashboardPage() {
  const me = useMe();
  const isManager = canManageSystem(me);
  // every staff member gets the warnings (e.g. next year's calendar missing from 1 November, which
  // every disclosure office needs to know); the system figures stay with the managers
  const { data, error, reload } = useApiData<Dashboard>('/admin/dashboard');
  const todo = useTodo();

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          工作台
        </Typography.Title>
        <Typography.Text type="secondary">
          {me.user.displayName}，您好！
          {me.active.agencyName ? `当前身份：${me.active.agencyName} · ${me.active.roleLabel ?? ''}。` : ''}
          {data ? `今天是 ${data.today}。` : ''}
        </Typography.Text>
      </div>
      {error && <LoadError error={error} onRetry={reload} />}
      {data && <WarningList warnings={data.warnings} />}
      {todo.error && <LoadError error={todo.error} onRetry={todo.reload} />}
      {todo.data && <TodoPanel todo={todo.data} />}
      <DetectionSummary />
      {data && isManager && <StatCards stats={data.stats} />}
      {isManager && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <AuditTrendChart />
          </Col>
        </Row>
      )}
      <ModuleGrid title="业务模块" modules={BUSINESS_MODULES} />
      {isManager && <ModuleGrid title="系统管理" modules={systemModulesFor(me.user.isPlatformAdmin)} />}
    </Flex>
  );
}
