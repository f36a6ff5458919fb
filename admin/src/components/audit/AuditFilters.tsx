import { Button, Form, Input, Select, Space } from 'antd';
import { useApiData } from '../../hooks/useApiData';
import type { AgencyNode } from '../../lib/agencyTree';
import type { AuditMeta } from '../../types/audit';
import { AgencyTreeSelect } from '../AgencyTreeSelect';
import type { AuditFilterValues } from './useAuditLog';

interface AuditFiltersProps {
  tree: AgencyNode[];
  onSearch: (values: AuditFilterValues) => void;
}

const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** Filters in words: the kind of record, the event and the operator's name — no codes or numeric ids to type. */
export function AuditFilters({ tree, onSearch }: AuditFiltersProps) {
  const [form] = Form.useForm<AuditFilterValues>();
  const { data: meta } = useApiData<AuditMeta>('/admin/audit/meta');
  const submit = (v: AuditFilterValues) =>
    onSearch({
      agencyId: v.agencyId ?? undefined,
      entityType: v.entityType ?? undefined,
      actor: trimmed(v.actor),
      action: v.action ?? undefined,
    });

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label="机关" name="agencyId">
        <AgencyTreeSelect tree={tree} placeholder="全部机关" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="对象" name="entityType">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部对象"
          options={meta?.entityTypes}
          style={{ width: 170 }}
        />
      </Form.Item>
      <Form.Item label="事件" name="action">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部事件"
          options={meta?.actions}
          style={{ width: 220 }}
        />
      </Form.Item>
      <Form.Item label="操作人" name="actor">
        <Input placeholder="姓名或用户名" style={{ width: 140 }} />
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
