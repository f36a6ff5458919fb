import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { validateForm } from '../../lib/validateForm';
import type { InspectionKind, Plan, PlanDetail, PlanList, PlanStatus } from '../../types/oversight';

const STATUS_COLOR: Record<PlanStatus, string> = {
  open: 'processing',
  concluded: 'warning',
  published: 'success',
};

interface CreateValues {
  kind: InspectionKind;
  organizerAgencyId: number;
  title: string;
  period: [Dayjs, Dayjs];
  regular: boolean;
  mutual: boolean;
  sampling: boolean;
  agencyIds: number[];
}

/** 监督检查: the inspection plans the user organizes, is inspected by, or supervises. */
export default function PlansPage() {
  const [status, setStatus] = useState<PlanStatus | ''>('');
  const { data, error, loading, reload } = useApiData<PlanList>(
    `/admin/oversight/plans?limit=100${status ? `&status=${status}` : ''}`,
  );
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form);
  const organizerId = Form.useWatch('organizerAgencyId', form);
  const can = data?.canCreate;
  const mayCreate = !!can && (can.self.length > 0 || can.supervision.length > 0);

  const organizers =
    kind === 'self' ? (can?.self ?? []) : (can?.supervision ?? []).map(({ id, name }) => ({ id, name }));
  const scopeOptions =
    kind === 'self'
      ? (can?.self ?? []).filter((a) => a.id === organizerId)
      : (can?.supervision.find((s) => s.id === organizerId)?.supervised ?? []);

  const startCreate = () => {
    form.resetFields();
    const k: InspectionKind = can && can.supervision.length > 0 ? 'supervision' : 'self';
    const first = k === 'self' ? can?.self[0] : can?.supervision[0];
    form.setFieldsValue({
      kind: k,
      organizerAgencyId: first?.id,
      regular: true,
      mutual: false,
      sampling: false,
      agencyIds: k === 'self' && first ? [first.id] : [],
    });
    setOpen(true);
  };

  const onKindOrOrganizer = () => {
    const v = form.getFieldsValue();
    if (v.kind === 'self') {
      const own = can?.self.find((a) => a.id === v.organizerAgencyId) ?? can?.self[0];
      form.setFieldsValue({ organizerAgencyId: own?.id, agencyIds: own ? [own.id] : [], mutual: false });
    } else {
      const sup = can?.supervision.find((a) => a.id === v.organizerAgencyId) ?? can?.supervision[0];
      form.setFieldsValue({ organizerAgencyId: sup?.id, agencyIds: [] });
    }
  };

  const submit = async () => {
    const v = await validateForm(form);
    if (!v) return;
    try {
      const created = await api.post<PlanDetail>('/admin/oversight/plans', {
        kind: v.kind,
        organizerAgencyId: v.organizerAgencyId,
        title: v.title,
        periodStart: v.period[0].format('YYYY-MM-DD'),
        periodEnd: v.period[1].format('YYYY-MM-DD'),
        regular: v.regular,
        mutual: v.kind === 'self' ? false : v.mutual,
        sampling: v.sampling,
        agencyIds: v.agencyIds,
      });
      void message.success('检查计划已制定');
      setOpen(false);
      navigate(`/oversight/plans/${created.plan.id}`);
    } catch (err) {
      onError(err, form);
    }
  };

  return (
    <>
      <PageHeader
        title="监督检查"
        description="政务公开办、督查室对所监督机关的督查和专项检查，各机关每半年一次的自查；登记发现的问题，下达限期整改，验收整改报告，检查结果经审批后在门户公开。"
        extra={
          <Space>
            <Link to="/oversight/rectifications">整改任务</Link>
            {mayCreate && (
              <Button type="primary" onClick={startCreate}>
                制定检查计划
              </Button>
            )}
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <span>状态</span>
        <Select
          aria-label="状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: '全部' },
            { value: 'open', label: '检查中' },
            { value: 'concluded', label: '待审批' },
            { value: 'published', label: '已审批公开' },
          ]}
        />
      </Space>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Plan>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: '暂无检查计划' }}
          columns={[
            {
              title: '检查名称',
              dataIndex: 'title',
              render: (t: string, r) => (
                <>
                  <Link to={`/oversight/plans/${r.id}`}>{t}</Link>
                  <div style={{ color: '#666', fontSize: 12 }}>{r.attributesLabel}</div>
                </>
              ),
            },
            { title: '类型', dataIndex: 'kindLabel', width: 100 },
            { title: '组织机关', dataIndex: ['organizer', 'name'], width: 180 },
            {
              title: '检查期间',
              key: 'period',
              width: 200,
              render: (_: unknown, r) => `${r.periodStart} 至 ${r.periodEnd}`,
            },
            {
              title: '被检查机关',
              key: 'agencies',
              width: 110,
              render: (_: unknown, r) => `${r.agencies.length} 个`,
            },
            { title: '问题', dataIndex: 'findingCount', width: 80 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 120,
              render: (s: PlanStatus, r) => <Tag color={STATUS_COLOR[s]}>{r.statusLabel}</Tag>,
            },
          ]}
        />
      )}
      <Modal
        open={open}
        title="制定检查计划"
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText="保存"
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="检查类型" rules={[{ required: true, message: '请选择检查类型' }]}>
            <Radio.Group
              onChange={onKindOrOrganizer}
              options={[
                ...((can?.supervision.length ?? 0) > 0
                  ? [
                      { value: 'supervision', label: '督查' },
                      { value: 'special', label: '专项检查' },
                    ]
                  : []),
                ...((can?.self.length ?? 0) > 0 ? [{ value: 'self', label: '自查' }] : []),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="organizerAgencyId"
            label="组织检查的机关"
            rules={[{ required: true, message: '请选择组织检查的机关' }]}
          >
            <Select
              onChange={onKindOrOrganizer}
              options={organizers.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label="检查名称"
            rules={[{ required: true, whitespace: true, message: '请填写检查名称' }]}
          >
            <Input maxLength={200} placeholder="例如：2026年度政务公开工作督查" />
          </Form.Item>
          <Form.Item name="period" label="检查期间" rules={[{ required: true, message: '请选择检查期间' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="regular" label="定期检查" valuePropName="checked">
              <Switch checkedChildren="定期" unCheckedChildren="不定期" />
            </Form.Item>
            {kind !== 'self' && (
              <Form.Item name="mutual" label="互查" valuePropName="checked">
                <Switch checkedChildren="互查" unCheckedChildren="否" />
              </Form.Item>
            )}
            <Form.Item name="sampling" label="抽查" valuePropName="checked">
              <Switch checkedChildren="抽查" unCheckedChildren="普查" />
            </Form.Item>
          </Space>
          <Form.Item
            name="agencyIds"
            label="检查范围（被检查机关）"
            rules={[{ required: true, message: '请选择被检查机关' }]}
            extra={kind === 'self' ? '自查的范围是本机关' : '只能检查本机关监督的机关'}
          >
            <Select
              mode="multiple"
              disabled={kind === 'self'}
              showSearch
              optionFilterProp="label"
              options={scopeOptions.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
