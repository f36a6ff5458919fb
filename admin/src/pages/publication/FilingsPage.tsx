import { App, Button, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { Filing, FilingOptions, FilingStatus } from '../../types/archive';
import { useMyAgencies } from '../../hooks/useMyAgencies';
import { validateForm } from '../../lib/validateForm';

const STATUS_COLOR: Record<FilingStatus, string> = {
  filed: 'processing',
  reviewed: 'success',
  correction_required: 'error',
};

type Dialog =
  | { kind: 'file' }
  | { kind: 'refile'; filing: Filing }
  | { kind: 'review'; filing: Filing }
  | null;

/** 备案: the issuing agency files published / withheld items with its supervising office, which reviews them. */
export default function FilingsPage() {
  const agencies = useMyAgencies();
  const [side, setSide] = useState<'filed' | 'received'>('filed');
  const { data, error, loading, reload } = useApiData<{ items: Filing[] }>(
    `/admin/publication/filings?side=${side}`,
  );
  const [agencyId, setAgencyId] = useState<number | undefined>(agencies[0]?.value);
  const [dialog, setDialog] = useState<Dialog>(null);
  const options = useApiData<FilingOptions>(
    dialog?.kind === 'file' && agencyId ? `/admin/publication/agencies/${agencyId}/filing-options` : null,
  );
  const [form] = Form.useForm();
  const onError = useErrorHandler();
  const { message } = App.useApp();

  const open = (d: Dialog) => {
    form.resetFields();
    if (d?.kind === 'review') form.setFieldsValue({ decision: 'reviewed' });
    setDialog(d);
  };

  const submit = async () => {
    const v = await validateForm(form);
    if (!v) return;
    try {
      if (dialog?.kind === 'file')
        await api.post('/admin/publication/filings', {
          itemId: v.itemId,
          supervisorId: v.supervisorId,
          reportNo: v.reportNo,
          filedOn: v.filedOn,
          note: v.note || null,
        });
      else if (dialog?.kind === 'refile')
        await api.post(`/admin/publication/filings/${dialog.filing.id}/refile`, {
          reportNo: v.reportNo,
          filedOn: v.filedOn,
          note: v.note || null,
        });
      else if (dialog?.kind === 'review')
        await api.post(`/admin/publication/filings/${dialog.filing.id}/review`, {
          decision: v.decision,
          note: v.note || null,
        });
      void message.success('已保存');
      setDialog(null);
      reload();
    } catch (err) {
      onError(err, form);
    }
  };

  return (
    <>
      <PageHeader
        title="备案"
        description="本机关公开的信息（以及暂不公开、不予公开的信息）报送上级政务公开办备案；上级机关对下级机关报备的信息作出“已审查”或“要求纠正”的意见。"
        extra={
          <Space>
            <Link to="/proactive">返回主动公开</Link>
            <Button type="primary" onClick={() => open({ kind: 'file' })}>
              报备
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={side}
        onChange={(k) => setSide(k as 'filed' | 'received')}
        items={[
          { key: 'filed', label: '本机关报备' },
          { key: 'received', label: '下级机关报备（待我审查）' },
        ]}
      />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Filing>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: side === 'filed' ? '尚无报备记录' : '没有下级机关的报备' }}
          columns={[
            {
              title: '信息',
              dataIndex: 'title',
              render: (t: string, r) => (
                <>
                  {side === 'filed' ? <Link to={`/proactive/${r.itemId}`}>{t}</Link> : t}
                  <div style={{ color: '#666', fontSize: 12 }}>
                    {[r.indexNo, r.docNo].filter(Boolean).join(' · ')}
                  </div>
                </>
              ),
            },
            side === 'filed'
              ? { title: '备案机关', dataIndex: 'supervisorName', width: 180 }
              : { title: '报备机关', dataIndex: 'agencyName', width: 180 },
            { title: '报备文号', dataIndex: 'reportNo', width: 160 },
            { title: '报备日期', dataIndex: 'filedOn', width: 110 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 180,
              render: (s: FilingStatus, r) => (
                <>
                  <Tag color={STATUS_COLOR[s]}>{r.statusLabel}</Tag>
                  {r.reviewNote && <div style={{ fontSize: 12 }}>审查意见：{r.reviewNote}</div>}
                </>
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 110,
              render: (_: unknown, r) =>
                side === 'received' && r.status === 'filed' ? (
                  <Button size="small" onClick={() => open({ kind: 'review', filing: r })}>
                    审查
                  </Button>
                ) : side === 'filed' && r.status === 'correction_required' ? (
                  <Button size="small" onClick={() => open({ kind: 'refile', filing: r })}>
                    纠正后重报
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'review' ? '备案审查' : dialog?.kind === 'refile' ? '纠正后重新报备' : '报备'}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog?.kind === 'file' && (
            <>
              <Form.Item label="报备机关（本机关）">
                <Select value={agencyId} onChange={setAgencyId} options={agencies} aria-label="报备机关" />
              </Form.Item>
              <Form.Item
                name="itemId"
                label="报备信息"
                rules={[{ required: true, message: '请选择报备的信息' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={options.loading}
                  options={(options.data?.items ?? []).map((i) => ({
                    value: i.id,
                    label: `${i.title}${i.indexNo ? `（${i.indexNo}）` : ''}`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="supervisorId"
                label="备案机关"
                rules={[{ required: true, message: '请选择备案机关' }]}
                extra={
                  options.data && options.data.supervisors.length === 0
                    ? '本机关没有上级监督机关，无需报备'
                    : undefined
                }
              >
                <Select
                  options={(options.data?.supervisors ?? []).map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </>
          )}
          {dialog?.kind !== 'review' ? (
            <>
              <Form.Item
                name="reportNo"
                label="报备文号"
                rules={[{ required: true, message: '请填写报备文号' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="filedOn"
                label="报备日期"
                rules={[{ required: true, message: '请选择报备日期' }]}
              >
                <DateField />
              </Form.Item>
              <Form.Item name="note" label={dialog?.kind === 'refile' ? '纠正情况说明' : '说明'}>
                <Input.TextArea maxLength={2000} />
              </Form.Item>
            </>
          ) : (
            <>
              <p>
                {dialog.filing.agencyName}：{dialog.filing.title}（{dialog.filing.reportNo}）
              </p>
              <Form.Item name="decision" label="审查结论" rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: 'reviewed', label: '已审查' },
                    { value: 'correction_required', label: '要求纠正' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label="审查意见"
                dependencies={['decision']}
                rules={[
                  ({ getFieldValue }) => ({
                    required: getFieldValue('decision') === 'correction_required',
                    message: '要求纠正时请写明需要纠正的内容',
                  }),
                ]}
              >
                <Input.TextArea maxLength={2000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
