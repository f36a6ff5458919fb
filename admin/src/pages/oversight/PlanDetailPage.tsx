import { MinusCircleOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { formatDateTime } from '../../lib/format';
import { validateForm } from '../../lib/validateForm';
import type { CheckPoint, EvidenceKind, Finding, PlanDetail } from '../../types/oversight';
import { RectificationTag } from './RectificationTag';

async function toBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
}

interface FindingValues {
  agencyId: number;
  checkPoint: string;
  description: string;
  requirement: string;
  workingDays: number;
  evidence?: { kind: EvidenceKind; ref: string; note?: string }[];
}

/** One inspection: its scope, the findings per agency with their rectification, and the actions the server allows. */
export default function PlanDetailPage() {
  const { id } = useParams();
  const { data, error, loading, reload } = useApiData<PlanDetail>(`/admin/oversight/plans/${id}`);
  const checkPoints = useApiData<{ items: CheckPoint[] }>('/admin/oversight/check-points');
  const [dialog, setDialog] = useState<'finding' | 'conclude' | null>(null);
  const [form] = Form.useForm();
  const onError = useErrorHandler();
  const { message } = App.useApp();

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return loading ? <FullPageSpin /> : null;
  const { plan, findings, actions } = data;
  const can = (a: (typeof actions)[number]) => actions.includes(a);

  const open = (d: 'finding' | 'conclude') => {
    form.resetFields();
    if (d === 'finding')
      form.setFieldsValue({
        agencyId: plan.agencies.length === 1 ? plan.agencies[0]!.id : undefined,
        workingDays: 20,
      });
    if (d === 'conclude') form.setFieldsValue({ summary: plan.summary ?? '' });
    setDialog(d);
  };

  const submit = async () => {
    const v = await validateForm(form);
    if (!v) return;
    try {
      if (dialog === 'finding') {
        const f = v as FindingValues;
        await api.post(`/admin/oversight/plans/${plan.id}/findings`, {
          agencyId: f.agencyId,
          checkPoint: f.checkPoint,
          description: f.description,
          requirement: f.requirement,
          workingDays: f.workingDays,
          evidence: (f.evidence ?? []).map((e) => ({ kind: e.kind, ref: e.ref, note: e.note || null })),
        });
        void message.success('已登记问题并下达限期整改');
      } else {
        await api.post(`/admin/oversight/plans/${plan.id}/conclude`, {
          summary: (v as { summary: string }).summary,
        });
        void message.success('检查已结束，待审批');
      }
      setDialog(null);
      reload();
    } catch (err) {
      onError(err, form);
    }
  };

  const upload = async (findingId: number, file: File) => {
    try {
      await api.post(`/admin/oversight/findings/${findingId}/files`, {
        filename: file.name,
        contentBase64: await toBase64(file),
      });
      void message.success(`已上传 ${file.name}`);
      reload();
    } catch (err) {
      onError(err);
    }
  };

  const act = async (event: 'reopen' | 'publish') => {
    try {
      await api.post(`/admin/oversight/plans/${plan.id}/${event}`);
      void message.success(event === 'publish' ? '已审批，检查结果已在门户公开' : '已退回继续检查');
      reload();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={plan.title}
        description={`${plan.organizer.name} · ${plan.kindLabel}（${plan.attributesLabel}）`}
        extra={
          <Space wrap>
            <Link to="/oversight">返回检查计划</Link>
            {can('record_finding') && (
              <Button type="primary" onClick={() => open('finding')}>
                登记问题
              </Button>
            )}
            {can('conclude') && <Button onClick={() => open('conclude')}>检查结束，报请审批</Button>}
            {can('reopen') && (
              <Popconfirm title="退回继续检查？" onConfirm={() => void act('reopen')}>
                <Button>退回继续检查</Button>
              </Popconfirm>
            )}
            {can('publish') && (
              <Popconfirm title="审批通过并在门户公开检查结果？" onConfirm={() => void act('publish')}>
                <Button type="primary">审批并公开</Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      {plan.status === 'published' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              检查结果已于 {formatDateTime(plan.publishedAt)} 公开：
              <a href={`/inspections/${plan.id}`} target="_blank" rel="noreferrer">
                在门户查看
              </a>
            </>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="状态">
            <Tag>{plan.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="检查期间">
            {plan.periodStart} 至 {plan.periodEnd}
          </Descriptions.Item>
          <Descriptions.Item label="被检查机关">
            {plan.agencies.map((a) => a.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="发现问题">{plan.findingCount} 个</Descriptions.Item>
          {plan.concludedAt && (
            <Descriptions.Item label="检查结束">
              {formatDateTime(plan.concludedAt)} {plan.concludedBy}
            </Descriptions.Item>
          )}
          {plan.publishedAt && (
            <Descriptions.Item label="审批公开">
              {formatDateTime(plan.publishedAt)} {plan.publishedBy}
            </Descriptions.Item>
          )}
        </Descriptions>
        {plan.summary && (
          <>
            <Typography.Title level={5}>检查情况通报</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{plan.summary}</Typography.Paragraph>
          </>
        )}
      </Card>
      <Table<Finding>
        rowKey="id"
        dataSource={findings}
        pagination={false}
        locale={{ emptyText: '尚未登记问题' }}
        columns={[
          { title: '被检查机关', dataIndex: ['agency', 'name'], width: 160 },
          { title: '检查要点', dataIndex: 'checkPointLabel', width: 140 },
          {
            title: '发现的问题',
            dataIndex: 'description',
            render: (d: string, f) => (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{d}</div>
                {f.evidence.map((e) => (
                  <div key={`${e.kind}-${e.ref}`} style={{ fontSize: 12 }}>
                    {e.kindLabel}：
                    {e.kind === 'url' ? (
                      <a href={e.href} target="_blank" rel="noreferrer noopener">
                        {e.ref}
                      </a>
                    ) : (
                      <Link to={e.href}>{e.ref}</Link>
                    )}
                    {e.note ? `（${e.note}）` : ''}
                  </div>
                ))}
                {f.files.map((file) => (
                  <div key={file.id} style={{ fontSize: 12 }}>
                    <PaperClipOutlined />{' '}
                    <a href={file.href} download>
                      {file.filename}
                    </a>
                  </div>
                ))}
                {can('record_finding') && (
                  <Upload
                    accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void upload(f.id, file);
                      return false;
                    }}
                  >
                    <Button size="small" type="link" icon={<UploadOutlined />}>
                      上传照片或文件
                    </Button>
                  </Upload>
                )}
              </>
            ),
          },
          {
            title: '整改',
            key: 'rect',
            width: 220,
            render: (_: unknown, f) =>
              f.rectification ? (
                <>
                  <RectificationTag r={f.rectification} />
                  <div style={{ fontSize: 12 }}>
                    期限 {f.rectification.dueOn}（{f.rectification.workingDays} 个工作日）
                  </div>
                  <Link to={`/oversight/rectifications/${f.rectification.id}`}>整改详情</Link>
                </>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog === 'finding' ? '登记问题，下达限期整改' : '检查结束，报请审批'}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        okText="保存"
        width={680}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'finding' ? (
            <>
              <Form.Item
                name="agencyId"
                label="被检查机关"
                rules={[{ required: true, message: '请选择被检查机关' }]}
              >
                <Select options={plan.agencies.map((a) => ({ value: a.id, label: a.name }))} />
              </Form.Item>
              <Form.Item
                name="checkPoint"
                label="检查要点"
                rules={[{ required: true, message: '请选择检查要点' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={checkPoints.loading}
                  options={(checkPoints.data?.items ?? []).map((c) => ({
                    value: c.code,
                    label: c.label,
                    title: `${c.description}（${c.basis}）`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="description"
                label="发现的问题"
                rules={[{ required: true, whitespace: true, message: '请填写发现的问题' }]}
                extra="检查结果公开时，问题描述将在门户公开，请勿填写个人信息"
              >
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
              <Form.Item
                name="requirement"
                label="整改要求"
                rules={[{ required: true, whitespace: true, message: '请填写整改要求' }]}
              >
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
              <Form.Item
                name="workingDays"
                label="整改期限（工作日）"
                rules={[{ required: true, message: '请填写整改期限' }]}
                extra="自今日起按被检查机关的工作日历计算"
              >
                <InputNumber min={1} max={60} precision={0} />
              </Form.Item>
              <Form.List name="evidence">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item
                          name={[field.name, 'kind']}
                          rules={[{ required: true, message: '请选择' }]}
                        >
                          <Select
                            aria-label="证据类型"
                            style={{ width: 140 }}
                            options={[
                              { value: 'url', label: '网页' },
                              { value: 'item', label: '公开信息编号' },
                              { value: 'application', label: '申请编号' },
                            ]}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'ref']}
                          rules={[{ required: true, whitespace: true, message: '请填写网址或编号' }]}
                        >
                          <Input aria-label="网址或编号" style={{ width: 260 }} maxLength={2000} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'note']}>
                          <Input aria-label="证据说明" placeholder="说明（可选）" maxLength={500} />
                        </Form.Item>
                        <MinusCircleOutlined aria-label="删除证据" onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({ kind: 'url' })} icon={<PlusOutlined />}>
                      添加证据
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          ) : (
            <Form.Item
              name="summary"
              label="检查情况通报"
              rules={[{ required: true, whitespace: true, message: '请填写检查情况通报' }]}
              extra="审批通过后在门户公开，请勿填写个人信息"
            >
              <Input.TextArea rows={6} maxLength={20000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
