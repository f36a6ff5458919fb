import { Button, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { type AgencyNode, unitsOf } from '../../lib/agencyTree';
import type { Agency } from '../../types/agency';
import type { RoleInfo, User } from '../../types/user';
import { AgencyTreeSelect } from '../AgencyTreeSelect';

interface GrantValues {
  agencyId: number | null;
  role: string;
  unitId: number | null;
  reason: string;
}

interface RoleGrantFormProps {
  user: User;
  agencies: Agency[];
  tree: AgencyNode[];
  roles: RoleInfo[];
  onGranted: (user: User) => void;
}

const isUnit = (a: Agency) => a.kind === 'unit';

export function RoleGrantForm({ user, agencies, tree, roles, onGranted }: RoleGrantFormProps) {
  const [form] = Form.useForm<GrantValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useErrorHandler();
  const agencyId = Form.useWatch('agencyId', form);
  const units = useMemo(() => (agencyId ? unitsOf(agencies, agencyId) : []), [agencies, agencyId]);

  const onFinish = async (v: GrantValues) => {
    setSaving(true);
    try {
      const body = {
        agencyId: v.agencyId,
        role: v.role,
        reason: v.reason,
        ...(v.unitId ? { unitId: v.unitId } : {}),
      };
      onGranted(await api.post<User>(`/admin/users/${user.id}/roles`, body));
      form.resetFields();
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={(changed: Partial<GrantValues>) => {
        if ('agencyId' in changed) form.setFieldValue('unitId', null);
      }}
    >
      <Form.Item label="机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
        <AgencyTreeSelect tree={tree} isDisabled={isUnit} placeholder="选择授予角色的机关" />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          placeholder="选择角色"
          options={roles.map((r) => ({ value: r.role, label: r.label, title: r.description }))}
          optionRender={(option) => (
            <div>
              <div>{option.data.label}</div>
              <div style={{ fontSize: 12, color: '#888', whiteSpace: 'normal' }}>{option.data.title}</div>
            </div>
          )}
        />
      </Form.Item>
      <Form.Item
        label="所在内设机构（可选）"
        name="unitId"
        extra={agencyId && units.length === 0 ? '该机关下没有内设机构' : '例如拟稿人所在的科室'}
      >
        <Select
          allowClear
          disabled={units.length === 0}
          placeholder="不指定"
          options={units.map((u) => ({ value: u.id, label: u.label }))}
        />
      </Form.Item>
      <Form.Item
        label="授予理由"
        name="reason"
        rules={[{ required: true, min: 2, message: '请写明授予理由（如任职文件、岗位调整）' }]}
        extra="记入审计日志；不能给自己授予角色"
      >
        <Input maxLength={500} placeholder="例如：根据县司法局〔2026〕5号任职通知" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        授予角色
      </Button>
    </Form>
  );
}
