import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
} from 'antd';
import datePickerZhCN from 'antd/es/date-picker/locale/zh_CN';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { formatDateTime } from '../../lib/format';
import type { CaseService, ServiceRecord } from '../../types/service';

type Step =
  | { kind: 'post' | 'collection'; letterId: number; title: string }
  | { kind: 'received' | 'returned'; recordId: number; title: string };

const DATE_FIELD: Record<Step['kind'], { name: string; label: string }> = {
  post: { name: 'postedOn', label: '寄出日期' },
  collection: { name: 'collectedOn', label: '领取日期' },
  received: { name: 'receivedOn', label: '签收日期（送达日期）' },
  returned: { name: 'returnedOn', label: '退回日期' },
};
const STEP_LABEL: Record<Step['kind'], string> = {
  post: '登记邮寄',
  collection: '登记当面领取',
  received: '登记签收',
  returned: '登记退回',
};

function evidence(r: ServiceRecord): string {
  if (r.method === 'post') return `${r.carrier ?? ''} ${r.trackingNo ?? ''}，${r.dispatchedOn ?? ''} 寄出`;
  if (r.method === 'collect') return `领取人：${r.collectedBy ?? ''}`;
  if (r.method === 'email') return r.emailOutcomeLabel ?? '';
  if (r.method === 'online') return r.downloadedAt ? `申请人首次下载 ${formatDateTime(r.downloadedAt)}` : '';
  return '';
}

async function toBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * 送达记录 of a case: each letter to the applicant with its service records, the period set in the
 * rule profile, and the reconsideration and litigation periods from the date of service. Buttons only
 * when the server says this user may record (canRecord / canStart).
 */
export function ServiceCard({ caseId, onChanged }: { caseId: number; onChanged: () => void }) {
  const { data, reload } = useApiData<CaseService>(`/admin/requests/${caseId}/service`);
  const [step, setStep] = useState<Step | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  if (!data) return null;
  const done = () => {
    reload();
    onChanged();
  };

  async function submit() {
    if (!step) return;
    const values = (await form.validateFields()) as Record<string, unknown>;
    const field = DATE_FIELD[step.kind].name;
    const body = { ...values, [field]: (values[field] as Dayjs).format('YYYY-MM-DD') };
    const url =
      'letterId' in step
        ? `/admin/requests/${caseId}/letters/${step.letterId}/service/${step.kind}`
        : `/admin/requests/${caseId}/service/${step.recordId}/${step.kind}`;
    setSaving(true);
    try {
      await api.post(url, body);
      void message.success('已登记');
      setStep(null);
      form.resetFields();
      done();
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  }

  async function uploadReceipt(recordId: number, file: File) {
    try {
      await api.post(`/admin/requests/${caseId}/service/${recordId}/receipt`, {
        filename: file.name,
        contentBase64: await toBase64(file),
      });
      void message.success('送达回证已上传');
      done();
    } catch (e) {
      onError(e);
    }
  }

  const p = data.periods;
  return (
    <Card title="送达记录" size="small" style={{ marginTop: 16 }} data-testid="service-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="申请人选择的获取方式">{data.deliveryMethodLabel}</Descriptions.Item>
        <Descriptions.Item label="送达期限">文书发出后 {data.serviceDays} 个工作日内</Descriptions.Item>
        {p ? (
          <>
            <Descriptions.Item label="答复书送达日期">{p.servedOn}</Descriptions.Item>
            <Descriptions.Item label="申请行政复议期限">
              {p.reconsideration.until} 前（自送达之日起 {p.reconsiderationDays} 日，《行政复议法》第二十条）
              {!p.reconsideration.calendarChecked && (
                <Tag color="warning">该年节假日安排未录入，未按节假日顺延</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="提起行政诉讼期限">
              {p.litigation.until} 前（自送达之日起 {p.litigationMonths} 个月，《行政诉讼法》第四十六条）
              {!p.litigation.calendarChecked && (
                <Tag color="warning">该年节假日安排未录入，未按节假日顺延</Tag>
              )}
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label="复议、诉讼期限">答复书尚未送达，期限未起算</Descriptions.Item>
        )}
      </Descriptions>
      <Table
        rowKey="letterId"
        size="small"
        pagination={false}
        dataSource={data.letters}
        columns={[
          { title: '文书', dataIndex: 'title' },
          { title: '发出', dataIndex: 'issuedOn' },
          {
            title: '送达',
            key: 'served',
            render: (_: unknown, l: CaseService['letters'][number]) =>
              l.servedOn ? (
                <Tag color="success">{l.servedOn} 送达</Tag>
              ) : l.overdue ? (
                <Tag color="error">逾期未送达（应于 {l.dueOn} 前）</Tag>
              ) : (
                <span>未送达{l.dueOn ? `（应于 ${l.dueOn} 前）` : ''}</span>
              ),
          },
          {
            title: '记录',
            key: 'records',
            render: (_: unknown, l: CaseService['letters'][number]) => (
              <Space direction="vertical" size={4}>
                {l.records.map((r) => (
                  <Space key={r.id} wrap size={4}>
                    <Tag>{r.methodLabel}</Tag>
                    <span>{r.stateLabel}</span>
                    <span>{evidence(r)}</span>
                    {r.failedOn && <span>（{r.failedOn} 退回）</span>}
                    {r.receiptFileId !== null && (
                      <a href={`/api/v1/admin/requests/${caseId}/files/${r.receiptFileId}`}>送达回证</a>
                    )}
                    {data.canRecord && r.method === 'post' && r.state === 'dispatched' && (
                      <>
                        <Button
                          size="small"
                          onClick={() => setStep({ kind: 'received', recordId: r.id, title: l.title })}
                        >
                          登记签收
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setStep({ kind: 'returned', recordId: r.id, title: l.title })}
                        >
                          登记退回
                        </Button>
                      </>
                    )}
                    {data.canRecord &&
                      (r.method === 'post' || r.method === 'collect') &&
                      r.state !== 'failed' &&
                      r.receiptFileId === null && (
                        <label>
                          <span style={{ marginRight: 4 }}>上传送达回证</span>
                          <input
                            type="file"
                            accept=".pdf,.jpg,.jpeg,.png"
                            aria-label={`上传《${l.title}》的送达回证`}
                            onChange={(e) => {
                              const f = e.target.files?.[0];
                              if (f) void uploadReceipt(r.id, f);
                              e.target.value = '';
                            }}
                          />
                        </label>
                      )}
                  </Space>
                ))}
                {l.canStart && (
                  <Space size={4}>
                    <Button
                      size="small"
                      onClick={() => setStep({ kind: 'post', letterId: l.letterId, title: l.title })}
                    >
                      登记邮寄
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setStep({ kind: 'collection', letterId: l.letterId, title: l.title })}
                    >
                      登记领取
                    </Button>
                  </Space>
                )}
              </Space>
            ),
          },
        ]}
      />
      {data.appeals.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.appeals}
          columns={[
            { title: '复议或诉讼', dataIndex: 'kindLabel' },
            { title: '提起日期', dataIndex: 'filedOn' },
            { title: '期限', dataIndex: 'periodUntil', render: (v: string | null) => v ?? '—' },
            {
              title: '是否在期限内',
              dataIndex: 'filedInTime',
              render: (v: boolean | null) =>
                v === null ? (
                  '—'
                ) : v ? (
                  <Tag color="success">在期限内</Tag>
                ) : (
                  <Tag color="error">超过期限</Tag>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={step !== null}
        title={step ? `${STEP_LABEL[step.kind]}：《${step.title}》` : ''}
        onCancel={() => {
          setStep(null);
          form.resetFields();
        }}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={saving}
        okText="确定"
        destroyOnHidden
      >
        {step && (
          <>
            <Alert type="info" showIcon title="登记后记入审计日志，不能修改。" style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical">
              <Form.Item
                name={DATE_FIELD[step.kind].name}
                label={DATE_FIELD[step.kind].label}
                rules={[{ required: true, message: `请选择${DATE_FIELD[step.kind].label}` }]}
              >
                <DatePicker
                  locale={datePickerZhCN}
                  format="YYYY-MM-DD"
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  style={{ width: 200 }}
                />
              </Form.Item>
              {step.kind === 'post' && (
                <>
                  <Form.Item
                    name="carrier"
                    label="寄送单位"
                    rules={[{ required: true, message: '请填写寄送单位' }]}
                  >
                    <Input maxLength={100} placeholder="如：中国邮政EMS" />
                  </Form.Item>
                  <Form.Item
                    name="trackingNo"
                    label="邮件单号"
                    rules={[{ required: true, message: '请填写邮件单号' }]}
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                </>
              )}
              {step.kind === 'collection' && (
                <Form.Item
                  name="collectedBy"
                  label="领取人"
                  rules={[{ required: true, message: '请填写领取人' }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              )}
              {(step.kind === 'post' || step.kind === 'collection' || step.kind === 'returned') && (
                <Form.Item name="note" label="备注">
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
              )}
            </Form>
          </>
        )}
      </Modal>
    </Card>
  );
}
