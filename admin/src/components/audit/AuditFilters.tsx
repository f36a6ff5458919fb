import { Button, Form, Input, InputNumber, Space } from 'antd';
import type { AgencyNode } from '../../lib/agencyTree';
import { AgencyTreeSelect } from '../AgencyTreeSelect';
import type { AuditFilterValues } from './useAuditLog';

interface AuditFiltersProps {
  tree: AgencyNode[];
  onSearch: (values: AuditFilterValues) => void;
}

const trimmed = (v: string | undefined) => v?.trim() || undefined;

export function AuditFilters({ tree, onSearch }: AuditFiltersProps) {
  const [form] = Form.useForm<AuditFilterValues>();
  const submit = (v: AuditFilterValues) =>
    onSearch({
      agencyId: v.agencyId ?? undefined,
      entityType: trimmed(v.entityType),
      entityId: trimmed(v.entityId),
      actorUserId: v.actorUserId ?? undefined,
      action: trimmed(v.action),
    });

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label="机关" name="agencyId">
        <AgencyTreeSelect tree={tree} placeholder="全部机关" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="对象类型" name="entityType">
        <Input placeholder="例如 agency、user" style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label="对象编号" name="entityId">
        <Input style={{ width: 100 }} />
      </Form.Item>
      <Form.Item label="操作人编号" name="actorUserId">
        <InputNumber min={1} precision={0} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="操作" name="action">
        <Input placeholder="例如 agency.update" style={{ width: 160 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
}
