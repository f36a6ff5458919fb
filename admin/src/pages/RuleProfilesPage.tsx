import { App, Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { RuleProfileDrawer, type RuleProfileFormValues } from '../components/rules/RuleProfileDrawer';
import { useApiData } from '../hooks/useApiData';
import type { RuleProfile } from '../types/rules';

interface Editing {
  profile: RuleProfile | null;
  initialValues: RuleProfileFormValues;
}

export default function RuleProfilesPage() {
  const { data, error, loading, reload } = useApiData<{ items: RuleProfile[] }>('/admin/rule-profiles');
  const [editing, setEditing] = useState<Editing | null>(null);
  const { message } = App.useApp();
  const profiles = data?.items ?? [];
  const template = profiles.find((p) => p.isDefault) ?? profiles[0];

  const edit = (p: RuleProfile) =>
    setEditing({
      profile: p,
      initialValues: { code: p.code, name: p.name, description: p.description, rules: p.rules },
    });
  const copy = (p: RuleProfile) =>
    setEditing({
      profile: null,
      initialValues: {
        code: '',
        name: `${p.name}（副本）`,
        description: p.description,
        rules: structuredClone(p.rules),
      },
    });

  const columns: TableColumnsType<RuleProfile> = [
    { title: '代码', dataIndex: 'code', width: 160 },
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, p) => (
        <>
          {name} {p.isDefault && <Tag color="red">默认</Tag>}
        </>
      ),
    },
    { title: '说明', dataIndex: 'description', render: (d: string | null) => d || '—' },
    {
      title: '答复 + 延长（工作日）',
      key: 'reply',
      width: 170,
      render: (_, p) => `${p.rules.replyDays} + ${p.rules.extensionDays}`,
    },
    { title: '适用机关数', dataIndex: 'agencyCount', width: 110, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, p) => (
        <Space>
          <Button size="small" onClick={() => edit(p)}>
            编辑
          </Button>
          <Button size="small" onClick={() => copy(p)}>
            复制为新配置
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="规则配置"
        description="各类法定期限与信息处理费标准以数据形式保存，机关可按适用的规定选择不同的规则配置。"
        extra={
          <Button type="primary" disabled={!template} onClick={() => template && copy(template)}>
            新增规则配置
          </Button>
        }
      />
      {error && <LoadError error={error} onRetry={reload} />}
      <Table<RuleProfile>
        rowKey="id"
        columns={columns}
        dataSource={profiles}
        loading={loading}
        pagination={false}
        locale={{ emptyText: '暂无规则配置' }}
      />
      {editing && (
        <RuleProfileDrawer
          open
          profile={editing.profile}
          initialValues={editing.initialValues}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            void message.success(`已保存：${saved.name}`);
            setEditing(null);
            reload();
          }}
        />
      )}
    </>
  );
}
