import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useAgencies } from '../../hooks/useAgencies';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { validateForm } from '../../lib/validateForm';
import type { ContactAction, ContactDetail } from '../../types/contacts';
import { ContactDue } from './ContactListPage';

type Dialog = 'assign' | 'transfer' | 'draft_reply' | 'return' | null;

/** One contact: the message, its clock, transfers, the reply and its review; only the server's actions are offered. */
export default function ContactDetailPage() {
  const id = Number(useParams().id);
  const path = Number.isInteger(id) && id > 0 ? `/admin/contacts/${id}` : null;
  const { data, error, loading, reload } = useApiData<ContactDetail>(path);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const onError = useErrorHandler();
  const { message, modal } = App.useApp();
  const { agencies } = useAgencies();

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Card loading={loading} />;
  const c = data;
  const can = (a: ContactAction) => c.actions.includes(a);

  async function run(action: ContactAction, body?: unknown) {
    setBusy(true);
    try {
      const route = action === 'draft_reply' ? 'reply' : action;
      await api.post<ContactDetail>(`/admin/contacts/${c.id}/${route}`, body ?? {});
      setDialog(null);
      form.resetFields();
      void message.success('已保存');
      reload();
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  }
  async function submitDialog() {
    const v = await validateForm(form);
    if (!v || !dialog) return;
    await run(dialog, v);
  }

  return (
    <>
      <PageHeader
        title={`${c.kindLabel} ${c.trackingNo}`}
        description={c.subject}
        extra={
          <Space wrap>
            {can('assign') ? <Button onClick={() => setDialog('assign')}>分办</Button> : null}
            {can('transfer') ? <Button onClick={() => setDialog('transfer')}>转办</Button> : null}
            {can('draft_reply') ? (
              <Button type="primary" onClick={() => setDialog('draft_reply')}>
                拟写答复
              </Button>
            ) : null}
            {can('approve') ? (
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  modal.confirm({
                    title: '审核通过答复？',
                    content:
                      '通过后答复即向留言人公开；留言人同意公开的，同时在门户网站答复公开栏目公开（不含个人信息）。',
                    onOk: () => run('approve'),
                  })
                }
              >
                审核通过
              </Button>
            ) : null}
            {can('return') ? <Button onClick={() => setDialog('return')}>退回重拟</Button> : null}
            {can('close') ? (
              <Button loading={busy} onClick={() => void run('close')}>
                办结
              </Button>
            ) : null}
          </Space>
        }
      />
      {c.actions.length === 0 && !c.permissions.personalData ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="只读：您可以查看本件的办理情况，留言人的个人信息已遮盖。"
        />
      ) : null}
      <Card title="基本情况" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="办理状态">
            <Tag>{c.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="渠道">{c.channelLabel}</Descriptions.Item>
          <Descriptions.Item label="承办机关">{c.agencyName}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{c.unitName ?? '未分办'}</Descriptions.Item>
          <Descriptions.Item label="来信来访日期">{c.submittedOn}</Descriptions.Item>
          <Descriptions.Item label="收到日期">
            {c.receivedOn}
            <Typography.Text type="secondary">（{c.receiptRule}）</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="答复期限">
            <ContactDue item={c} />
          </Descriptions.Item>
          <Descriptions.Item label="首次收到">{c.firstReceivedOn}</Descriptions.Item>
          <Descriptions.Item label="留言人">{c.senderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系方式">{c.senderContact ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="同意公开">{c.publishConsent ? '同意' : '不同意'}</Descriptions.Item>
          {c.satisfactionLabel ? (
            <Descriptions.Item label="满意度">{c.satisfactionLabel}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Paragraph type="secondary">{c.clockNote}</Typography.Paragraph>
        <Typography.Title level={5}>内容</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
        {c.scores.length > 0 ? (
          <Descriptions title="评议打分" size="small" column={4}>
            {c.scores.map((s) => (
              <Descriptions.Item key={s.aspect} label={s.label}>
                {s.score ?? '—'}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : null}
      </Card>
      {c.transfers.length > 0 ? (
        <Card title="转办记录" style={{ marginBottom: 16 }}>
          {c.transfers.map((t) => (
            <p key={`${t.transferredOn}-${t.toAgencyName}`}>
              {t.transferredOn}：{t.fromAgencyName} → {t.toAgencyName}（{t.reason}）
            </p>
          ))}
        </Card>
      ) : null}
      <Card title="答复">
        {c.replyText ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.replyText}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {c.replyOutcomeLabel ? `处理结果：${c.replyOutcomeLabel}；` : ''}
              {c.replyApprovedAt
                ? `已于 ${c.answeredOn ?? ''} 审核通过（${c.answeredByUnit ?? ''}）`
                : '待政务公开工作机构审核'}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">尚未拟写答复。</Typography.Text>
        )}
        {c.ratingComment ? <p>留言人意见：{c.ratingComment}</p> : null}
      </Card>
      <Modal
        open={dialog !== null}
        title={
          dialog === 'assign'
            ? '分办到内设机构'
            : dialog === 'transfer'
              ? '转办到其他机关'
              : dialog === 'return'
                ? '退回重拟'
                : '拟写答复'
        }
        onCancel={() => setDialog(null)}
        onOk={() => void submitDialog()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'assign' ? (
            <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
              <Select options={c.units.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          ) : null}
          {dialog === 'transfer' ? (
            <>
              <Form.Item
                name="toAgencyId"
                label="转办机关"
                rules={[{ required: true, message: '请选择转办机关' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={agencies
                    .filter(
                      (a) =>
                        a.active &&
                        (a.kind === 'government' || a.kind === 'department') &&
                        a.id !== c.agencyId,
                    )
                    .map((a) => ({ value: a.id, label: a.name }))}
                />
              </Form.Item>
              <Form.Item
                name="reason"
                label="转办理由"
                rules={[{ required: true, min: 2, message: '请写明转办理由' }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
              <Typography.Text type="secondary">
                承办机关自收到转办之日起按其工作日历重新计算答复期限。
              </Typography.Text>
            </>
          ) : null}
          {dialog === 'draft_reply' ? (
            <>
              {c.kind === 'evaluation' ? (
                <Form.Item
                  name="outcome"
                  label="处理结果"
                  rules={[{ required: true, message: '请选择处理结果' }]}
                >
                  <Radio.Group
                    options={[
                      { value: 'rectified', label: '已整改' },
                      { value: 'explained', label: '已说明' },
                    ]}
                  />
                </Form.Item>
              ) : null}
              <Form.Item
                name="text"
                label="答复内容"
                rules={[{ required: true, min: 2, message: '请填写答复内容' }]}
              >
                <Input.TextArea rows={6} maxLength={5000} />
              </Form.Item>
              <Typography.Text type="secondary">
                提交后由政务公开工作机构审核，拟稿人本人不能审核。
              </Typography.Text>
            </>
          ) : null}
          {dialog === 'return' ? (
            <Form.Item
              name="reason"
              label="退回理由"
              rules={[{ required: true, min: 2, message: '请写明退回理由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
