import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Timeline,
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
import type { RectificationDetail } from '../../types/oversight';
import { RectificationTag } from './RectificationTag';

/** One rectification task: the finding, the requirement and deadline, the reports, and the form the server allows. */
export default function RectificationPage() {
  const { id } = useParams();
  const { data, error, loading, reload } = useApiData<RectificationDetail>(
    `/admin/oversight/rectifications/${id}`,
  );
  const [reportForm] = Form.useForm<{ body: string }>();
  const [decisionForm] = Form.useForm<{
    decision: 'accept' | 'return';
    note?: string;
    workingDays?: number;
  }>();
  const [deciding, setDeciding] = useState(false);
  const decision = Form.useWatch('decision', decisionForm);
  const onError = useErrorHandler();
  const { message } = App.useApp();

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return loading ? <FullPageSpin /> : null;
  const { rectification: r, finding, plan, reports, actions } = data;

  const submitReport = async () => {
    const v = await validateForm(reportForm);
    if (!v) return;
    try {
      await api.post(`/admin/oversight/rectifications/${r.id}/report`, { body: v.body });
      void message.success('整改报告已提交，待监督机关验收');
      reportForm.resetFields();
      reload();
    } catch (err) {
      onError(err, reportForm);
    }
  };

  const decide = async () => {
    const v = await validateForm(decisionForm);
    if (!v) return;
    try {
      await api.post(`/admin/oversight/rectifications/${r.id}/decision`, {
        decision: v.decision,
        note: v.note || null,
        ...(v.decision === 'return' && v.workingDays ? { workingDays: v.workingDays } : {}),
      });
      void message.success(v.decision === 'accept' ? '已验收' : '已退回重新整改');
      setDeciding(false);
      reload();
    } catch (err) {
      onError(err, decisionForm);
    }
  };

  return (
    <>
      <PageHeader
        title={`限期整改：${finding.checkPointLabel}`}
        description={`${r.owner.name} · ${plan.title}（${plan.organizer.name}${plan.kindLabel}）`}
        extra={
          <Space>
            <Link to="/oversight/rectifications">返回整改任务</Link>
            <Link to={`/oversight/plans/${plan.id}`}>查看检查</Link>
            {actions.includes('accept') && (
              <Button
                type="primary"
                onClick={() => {
                  decisionForm.resetFields();
                  decisionForm.setFieldsValue({ decision: 'accept' });
                  setDeciding(true);
                }}
              >
                验收
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="状态">
            <RectificationTag r={r} />
          </Descriptions.Item>
          <Descriptions.Item label="整改期限">
            {r.dueOn}（{r.orderedOn} 下达，{r.workingDays} 个工作日）
          </Descriptions.Item>
          <Descriptions.Item label="发现的问题" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{finding.description}</span>
          </Descriptions.Item>
          <Descriptions.Item label="整改要求" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.requirement}</span>
          </Descriptions.Item>
          {finding.evidence.length > 0 && (
            <Descriptions.Item label="证据" span={2}>
              {finding.evidence.map((e) => (
                <div key={`${e.kind}-${e.ref}`}>
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
            </Descriptions.Item>
          )}
          {finding.files.length > 0 && (
            <Descriptions.Item label="证据文件" span={2}>
              {finding.files.map((file) => (
                <div key={file.id}>
                  <a href={file.href} download>
                    {file.filename}
                  </a>
                </div>
              ))}
            </Descriptions.Item>
          )}
          {r.acceptedOn && <Descriptions.Item label="验收日期">{r.acceptedOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title="整改报告" style={{ marginBottom: 16 }}>
        {reports.length === 0 ? (
          <p>尚未提交整改报告。</p>
        ) : (
          <Timeline
            items={reports.map((rep) => ({
              color: rep.decision === 'accepted' ? 'green' : rep.decision === 'returned' ? 'red' : 'blue',
              children: (
                <>
                  <div>
                    第 {rep.round} 次报告 · {rep.submittedOn} {rep.submittedBy}
                  </div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{rep.body}</div>
                  {rep.decision && (
                    <div style={{ marginTop: 4 }}>
                      {rep.decision === 'accepted' ? '验收通过' : '退回'}（{formatDateTime(rep.decidedAt)}{' '}
                      {rep.decidedBy}）{rep.decisionNote ? `：${rep.decisionNote}` : ''}
                    </div>
                  )}
                </>
              ),
            }))}
          />
        )}
        {actions.includes('submit_report') && (
          <Form form={reportForm} layout="vertical" onFinish={() => void submitReport()}>
            <Form.Item
              name="body"
              label={r.status === 'returned' ? '重新提交整改报告' : '整改报告'}
              rules={[{ required: true, whitespace: true, message: '请填写整改报告' }]}
              extra="写明整改措施、完成情况和相关链接"
            >
              <Input.TextArea rows={6} maxLength={20000} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              提交整改报告
            </Button>
          </Form>
        )}
      </Card>
      <Modal
        open={deciding}
        title="验收整改报告"
        onCancel={() => setDeciding(false)}
        onOk={() => void decide()}
        okText="保存"
        destroyOnHidden
      >
        <Form form={decisionForm} layout="vertical">
          <Form.Item name="decision" label="验收结论" rules={[{ required: true, message: '请选择验收结论' }]}>
            <Radio.Group
              options={[
                { value: 'accept', label: '验收通过' },
                { value: 'return', label: '退回重新整改' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={decision === 'return' ? '退回理由' : '验收意见'}
            rules={
              decision === 'return' ? [{ required: true, whitespace: true, message: '请写明退回理由' }] : []
            }
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          {decision === 'return' && (
            <Form.Item name="workingDays" label="重新整改期限（工作日，可选）" extra="不填写则沿用原期限">
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
