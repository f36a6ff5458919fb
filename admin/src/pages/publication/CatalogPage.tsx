import { App, Button, Checkbox, Form, Input, Modal, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { CatalogTreeSelect } from '../../components/CatalogTreeSelect';
import { DateField } from '../../components/DateField';
import { LoadError } from '../../components/LoadError';
import { MyAgencySelect } from '../../components/MyAgencySelect';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useAgencyChoice } from '../../hooks/useMyAgencies';
import { filterCatalog } from '../../lib/catalogTree';
import type { CatalogEntry } from '../../types/publication';
import { validateForm } from '../../lib/validateForm';

type Row = CatalogEntry & { children?: Row[] };

/** 主动公开基本目录 per agency: matter, time limit and form of each entry; a change is due in the catalog within 20 working days. */
export default function CatalogPage() {
  const { agencies, agencyId, setAgencyId } = useAgencyChoice();
  const { data, error, loading, reload } = useApiData<{ items: CatalogEntry[] }>(
    agencyId ? `/admin/publication/agencies/${agencyId}/catalog` : null,
  );
  const [editing, setEditing] = useState<Partial<CatalogEntry> | null>(null);
  const [form] = Form.useForm();
  const onError = useErrorHandler();
  const { message } = App.useApp();

  const [search, setSearch] = useState('');
  const tree = useMemo(() => {
    const items = filterCatalog(data?.items ?? [], search);
    const build = (parentId: number | null): Row[] =>
      items
        .filter((e) => e.parentId === parentId)
        .map((e) => {
          const kids = build(e.id);
          return kids.length ? { ...e, children: kids } : { ...e };
        });
    return build(null);
  }, [data, search]);

  const save = async () => {
    const v = await validateForm(form);
    if (!v) return;
    try {
      const body = {
        ...v,
        parentId: v.parentId ?? null,
        matter: v.matter || null,
        permanent: !!v.permanent,
        changedOn: v.changedOn || null,
      };
      if (editing?.id) await api.put(`/admin/publication/agencies/${agencyId}/catalog/${editing.id}`, body);
      else await api.post(`/admin/publication/agencies/${agencyId}/catalog`, body);
      void message.success('目录已更新');
      setEditing(null);
      reload();
    } catch (err) {
      onError(err, form);
    }
  };

  return (
    <>
      <PageHeader
        title="主动公开基本目录"
        description="每个目录分类写明公开事项、公开时限和公开方式；事项、时限或方式变更后须在20个工作日内更新目录。"
        extra={<Link to="/proactive">返回主动公开</Link>}
      />
      <MyAgencySelect value={agencyId} onChange={setAgencyId} options={agencies} />
      <Button
        style={{ marginLeft: 8 }}
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({ timeLimit: '信息形成或者变更之日起20个工作日内', form: '政府网站' });
          setEditing({});
        }}
      >
        新增分类
      </Button>
      <Input.Search
        aria-label="搜索目录分类"
        placeholder="输入名称或代码搜索目录"
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ width: 260, marginLeft: 8 }}
      />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Row>
          rowKey="id"
          loading={loading}
          dataSource={tree}
          pagination={false}
          // a search shows every match in its place in the tree, all branches open
          key={search ? 'search' : 'all'}
          expandable={{ defaultExpandAllRows: true }}
          columns={[
            {
              title: '分类',
              dataIndex: 'name',
              render: (n: string, r) => (
                <>
                  {n}
                  {r.statutoryItem ? (
                    <Tag style={{ marginLeft: 8 }}>条例第二十条第（{r.statutoryItem}）项</Tag>
                  ) : null}
                </>
              ),
            },
            { title: '公开时限', dataIndex: 'timeLimit', width: 240 },
            { title: '公开方式', dataIndex: 'form', width: 120 },
            {
              title: '长期公开',
              dataIndex: 'permanent',
              width: 90,
              render: (p: boolean) => (p ? '是' : '一年'),
            },
            {
              title: '目录更新期限',
              dataIndex: 'updateDueOn',
              width: 120,
              render: (d: string | null) => d ?? '—',
            },
            {
              title: '操作',
              width: 80,
              render: (_: unknown, r) => (
                <Button
                  size="small"
                  onClick={() => {
                    form.setFieldsValue({ ...r, changedOn: undefined });
                    setEditing(r);
                  }}
                >
                  修改
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing?.id ? '修改目录分类' : '新增目录分类'}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okText="保存"
        cancelText="取消"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="parentId" label="上级分类">
            <CatalogTreeSelect
              entries={data?.items ?? []}
              excludeId={editing?.id}
              placeholder="不选则为顶级分类"
            />
          </Form.Item>
          <Form.Item
            name="code"
            label="分类代码"
            rules={[
              { required: true, pattern: /^[a-z0-9-]{1,30}$/, message: '小写字母、数字和连字符，最多30位' },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="name" label="分类名称" rules={[{ required: true, message: '请填写分类名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="matter" label="公开事项">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="timeLimit"
            label="公开时限"
            rules={[{ required: true, message: '请填写公开时限' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="form" label="公开方式" rules={[{ required: true, message: '请填写公开方式' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="changedOn" label="事项变更日期（用于计算20个工作日的目录更新期限，默认今天）">
            <DateField />
          </Form.Item>
          <Form.Item name="permanent" valuePropName="checked">
            <Checkbox>长期公开（不受一年网上保留期限制）</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
