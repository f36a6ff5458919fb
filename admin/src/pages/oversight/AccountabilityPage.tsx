import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, withQuery } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { validateForm } from '../../lib/validateForm';
import type { Candidates, CaseDetail, CaseList, CaseStatus, Catalog } from '../../types/accountability';

const STATUS_COLORS: Record<CaseStatus, string> = {
  opened: 'default',
  investigating: 'processing',
  statement_recorded: 'processing',
  decided: 'warning',
  review_requested: 'orange',
  review_decided: 'purple',
  closed: 'success',
};

const SOURCES = [
  { value: 'manual', label: '直接立案' },
  { value: 'finding', label: '监督检查发现的问题' },
  { value: 'detection', label: '违规自动发现' },
  { value: 'complaint', label: '投诉举报' },
];

interface OpenForm {
  supervisorAgencyId: number;
  agencyId: number;
  title: string;
  source: string;
  sourceId?: number;
  linkedType?: 'information_item' | 'request_application';
  linkedId?: number;
  violations: string[];
  facts: string;
  againstUnit: boolean;
  persons?: { userId: number; role: string }[];
}

/**
 * 责任追究（问责）: the cases the user's supervising office handles and the cases in which the user is
 * a person concerned (《区督查问责办法》第八条至第十四条). Every view is recorded in the audit log.
 */
export default function AccountabilityPage() {
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const { data, error, loading, reload } = useApiData<CaseList>(
    withQuery('/admin/oversight/accountability', { status, limit: 200 }),
  );
  const catalog = useApiData<Catalog>('/admin/oversight/accountability/catalog');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OpenForm>();
  const supervisorAgencyId = Form.useWatch('supervisorAgencyId', form);
  const agencyId = Form.useWatch('agencyId', form);
  const source = Form.useWatch('source', form);
  const candidates = useApiData<Candidates>(
    supervisorAgencyId && agencyId
      ? withQuery('/admin/oversight/accountability/candidates', { supervisorAgencyId, agencyId })
      : null,
  );
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const navigate = useNavigate();

  if (error) return <LoadError error={error} onRetry={reload} />;
  const offices = data?.offices ?? [];
  const office = offices.find((o) => o.id === supervisorAgencyId);

  const submit = async () => {
    const v = await validateForm(form);
    if (!v) return;
    try {
      const c = await api.post<CaseDetail>('/admin/oversight/accountability', {
        ...v,
        sourceId: v.source === 'manual' ? null : (v.sourceId ?? null),
        linkedType: v.linkedType ?? null,
        linkedId: v.linkedId ?? null,
        persons: v.persons ?? [],
      });
      void message.success(`已立案：${c.caseNo}`);
      setOpen(false);
      form.resetFields();
      navigate(`/oversight/accountability/${c.id}`);
    } catch (err) {
      onError(err, form);
    }
  };

  return (
    <>
      <PageHeader
        title="责任追究（问责）"
        description="监督机关对违反政务公开规定的单位和个人立案调查、听取陈述申辩、区分责任、作出问责决定并办理复核；被问责人可查看本人的案件。每次查看均记入审计日志。"
        extra={
          <Space>
            <Select
              allowClear
              placeholder="按状态筛选"
              style={{ width: 160 }}
              value={status}
              onChange={setStatus}
              options={Object.entries({
                opened: '已立案',
                investigating: '调查中',
                statement_recorded: '已听取陈述申辩',
                decided: '已作出问责决定',
                review_requested: '复核中',
                review_decided: '已复核',
                closed: '已结案',
              }).map(([value, label]) => ({ value, label }))}
            />
            {offices.length > 0 && (
              <Button
                type="primary"
                onClick={() => {
                  form.setFieldsValue({
                    supervisorAgencyId: offices[0]!.id,
                    source: 'manual',
                    againstUnit: true,
                    violations: [],
                  });
                  setOpen(true);
                }}
              >
                立案
              </Button>
            )}
          </Space>
        }
      />
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: '案号',
            dataIndex: 'caseNo',
            width: 150,
            render: (v: string, r) => <Link to={`/oversight/accountability/${r.id}`}>{v}</Link>,
          },
          { title: '案由', dataIndex: 'title' },
          { title: '被问责单位', dataIndex: 'agencyName', width: 200 },
          {
            title: '被问责人',
            dataIndex: 'persons',
            width: 160,
            render: (p: string[]) => p.join('、') || '—',
          },
          { title: '来源', dataIndex: 'sourceLabel', width: 150 },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 140,
            render: (v: string, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag>,
          },
          { title: '复核期限', dataIndex: 'reviewDueOn', width: 120, render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Modal
        title="立案"
        open={open}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText="立案"
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="supervisorAgencyId"
            label="监督机关"
            rules={[{ required: true, message: '请选择' }]}
          >
            <Select options={offices.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="agencyId" label="被监督机关" rules={[{ required: true, message: '请选择' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(office?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label="案由"
            rules={[{ required: true, whitespace: true, message: '请填写案由' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="source" label="立案来源" rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={SOURCES} />
            </Form.Item>
            {source && source !== 'manual' && (
              <Form.Item name="sourceId" label="来源编号" rules={[{ required: true, message: '请填写编号' }]}>
                <InputNumber min={1} precision={0} style={{ width: 140 }} />
              </Form.Item>
            )}
            <Form.Item name="linkedType" label="涉及的记录（从审计记录预填拟稿人和审批人）">
              <Select
                allowClear
                style={{ width: 200 }}
                options={[
                  { value: 'information_item', label: '公开信息' },
                  { value: 'request_application', label: '依申请公开申请' },
                ]}
              />
            </Form.Item>
            <Form.Item name="linkedId" label="记录编号">
              <InputNumber min={1} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="violations" label="违规情形" rules={[{ required: true, message: '至少选择一项' }]}>
            <Select
              mode="multiple"
              options={[
                {
                  label: '单位违规情形（《区督查问责办法》第八条）',
                  options: (catalog.data?.violations ?? [])
                    .filter((k) => k.level === 'unit')
                    .map((k) => ({ value: k.code, label: k.label })),
                },
                {
                  label: '工作人员违规行为（《区督查问责办法》第九条）',
                  options: (catalog.data?.violations ?? [])
                    .filter((k) => k.level === 'individual')
                    .map((k) => ({ value: k.code, label: k.label })),
                },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="facts"
            label="违规事实"
            rules={[{ required: true, whitespace: true, message: '请填写' }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="againstUnit" label="追究单位责任" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
          <Form.List name="persons">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item
                      name={[f.name, 'userId']}
                      label="被问责人"
                      rules={[{ required: true, message: '请选择' }]}
                    >
                      <Select
                        style={{ width: 240 }}
                        showSearch
                        optionFilterProp="label"
                        options={(candidates.data?.items ?? []).map((u) => ({
                          value: u.userId,
                          label: `${u.name}（${u.roles.join('、')}）`,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'role']}
                      label="在行为中的角色"
                      rules={[{ required: true, message: '请选择' }]}
                    >
                      <Select
                        style={{ width: 180 }}
                        options={(catalog.data?.personRoles ?? []).map((r) => ({
                          value: r.code,
                          label: r.label,
                        }))}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>移除</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ role: 'handler' })} disabled={!agencyId}>
                  添加被问责人
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
