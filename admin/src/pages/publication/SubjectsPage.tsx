import { App, Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { MyAgencySelect } from '../../components/MyAgencySelect';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { OFFICE_ROLES, useAgencyChoice } from '../../hooks/useMyAgencies';

interface Subject {
  code: string;
  name: string;
  children: { code: string; name: string }[];
}

/** 主题分类: the State Council's 22 categories with their second level, plus the agency's own second-level additions. */
export default function SubjectsPage() {
  const { agencies, agencyId, setAgencyId } = useAgencyChoice(OFFICE_ROLES);
  const data = useApiData<{
    subjects: Subject[];
    local: { code: string; parentCode: string; name: string }[];
  }>(agencyId ? `/admin/publication/agencies/${agencyId}/subjects` : null);
  const [form] = Form.useForm<{ parentCode: string; name: string }>();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const localCodes = new Set((data.data?.local ?? []).map((l) => l.code));

  const add = async (v: { parentCode: string; name: string }) => {
    try {
      const r = await api.post<{ code: string }>(`/admin/publication/agencies/${agencyId}/subjects`, v);
      void message.success(`已添加二级分类（代码 ${r.code}）`);
      form.resetFields(['name']);
      data.reload();
    } catch (err) {
      onError(err, form);
    }
  };

  return (
    <>
      <PageHeader
        title="主题分类"
        description="国务院政府信息公开22个一级主题分类及其二级分类；各机关可在一级分类下扩展本地的二级分类（如 民政、乡村振兴、救灾）。"
        extra={<Link to="/proactive">返回主动公开</Link>}
      />
      <MyAgencySelect value={agencyId} onChange={setAgencyId} options={agencies} />
      {agencyId && (
        <Card title="扩展二级分类" size="small" style={{ marginBottom: 16 }}>
          <Form form={form} layout="inline" onFinish={add}>
            <Form.Item
              name="parentCode"
              label="一级分类"
              rules={[{ required: true, message: '请选择一级分类' }]}
            >
              <Select
                style={{ width: 260 }}
                showSearch
                optionFilterProp="label"
                options={(data.data?.subjects ?? []).map((s) => ({
                  value: s.code,
                  label: `${s.code} ${s.name}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="name" label="二级分类名称" rules={[{ required: true, message: '请填写名称' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              添加
            </Button>
          </Form>
        </Card>
      )}
      {data.error ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : (
        <Table<Subject>
          rowKey="code"
          size="small"
          loading={data.loading && !data.data}
          dataSource={data.data?.subjects ?? []}
          pagination={false}
          columns={[
            { title: '代码', dataIndex: 'code', width: 80 },
            { title: '一级分类', dataIndex: 'name', width: 240 },
            {
              title: '二级分类',
              key: 'children',
              render: (_, s) =>
                s.children.map((c) => (
                  <Tag key={c.code} color={localCodes.has(c.code) ? 'blue' : undefined}>
                    {c.name}
                    {localCodes.has(c.code) ? '（本机关扩展）' : ''}
                  </Tag>
                )),
            },
          ]}
        />
      )}
    </>
  );
}
