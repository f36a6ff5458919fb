import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, withQuery } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import {
  CHANNEL_OPTIONS,
  type ConsultationChannel,
  type ConsultationDetail,
  type ConsultationKind,
  type ConsultationList,
  type ConsultationRules,
  KIND_OPTIONS,
} from '../../types/participation';

interface Values {
  agencyId: number;
  kind: ConsultationKind;
  title: string;
  draftText: string;
  explanation: string;
  period: [Dayjs, Dayjs];
  shortReason?: string;
  channels: ConsultationChannel[];
  contactEmail?: string;
  contactAddress?: string;
}

/** Create or edit a consultation draft; the draft text is split into 第X条 articles by the server. */
export default function ConsultationEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const existing = useApiData<ConsultationDetail>(id ? `/admin/consultations/${id}` : null);
  const list = useApiData<ConsultationList>(id ? null : withQuery('/admin/consultations', { limit: 1 }));
  const agencyId = Form.useWatch('agencyId', form) ?? existing.data?.agencyId;
  const kind = Form.useWatch('kind', form);
  const rules = useApiData<ConsultationRules>(
    agencyId ? withQuery('/admin/consultations/rules', { agencyId }) : null,
  );

  useEffect(() => {
    const d = existing.data;
    if (d)
      form.setFieldsValue({
        agencyId: d.agencyId,
        kind: d.kind,
        title: d.title,
        draftText: d.draftText,
        explanation: d.explanation,
        period: [dayjs(d.startsOn), dayjs(d.endsOn)],
        shortReason: d.shortReason ?? undefined,
        channels: d.channels,
        contactEmail: d.contactEmail ?? undefined,
        contactAddress: d.contactAddress ?? undefined,
      });
  }, [existing.data, form]);

  useEffect(() => {
    const first = list.data?.creatableAgencies[0];
    if (first && !form.getFieldValue('agencyId')) form.setFieldValue('agencyId', first.id);
  }, [list.data, form]);

  const onFinish = async (v: Values) => {
    setBusy(true);
    const body = {
      kind: v.kind,
      title: v.title,
      draftText: v.draftText,
      explanation: v.explanation,
      startsOn: v.period[0].format('YYYY-MM-DD'),
      endsOn: v.period[1].format('YYYY-MM-DD'),
      shortReason: v.shortReason?.trim() || null,
      channels: v.channels,
      contactEmail: v.contactEmail?.trim() || null,
      contactAddress: v.contactAddress?.trim() || null,
    };
    try {
      const saved = id
        ? await api.put<ConsultationDetail>(`/admin/consultations/${id}`, body)
        : await api.post<ConsultationDetail>('/admin/consultations', { agencyId: v.agencyId, ...body });
      navigate(`/participation/consultations/${saved.id}`);
    } catch (err) {
      // the server names the field (e.g. shortReason, endsOn); the period is one picker here
      onError(err, form);
      const e = err as { fields?: { field: string; message: string }[] };
      const p = e.fields?.find((f) => f.field === 'startsOn' || f.field === 'endsOn');
      if (p) form.setFields([{ name: 'period', errors: [p.message] }]);
    } finally {
      setBusy(false);
    }
  };

  if (existing.error) return <LoadError error={existing.error} onRetry={existing.reload} />;
  const ruleText =
    kind === 'major_decision'
      ? rules.data?.majorDecisionRule
      : kind === 'normative_document'
        ? rules.data?.normativeRule
        : undefined;
  return (
    <>
      <PageHeader
        title={id ? '修改意见征集' : '新建意见征集'}
        description="保存为草稿，发布后在网站公开草案并开始接收意见。"
      />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'normative_document', channels: ['portal', 'email', 'letter'] }}
          onFinish={onFinish}
          style={{ maxWidth: 900 }}
        >
          {!id && (
            <Form.Item label="机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
              <Select
                options={(list.data?.creatableAgencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          )}
          <Form.Item label="文件类型" name="kind" rules={[{ required: true, message: '请选择文件类型' }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
          {ruleText && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`法定征求意见期限：${ruleText}`}
              description="期限短于规定的，须在下方写明理由，理由将在网站上与期限一并公布。"
            />
          )}
          <Form.Item
            label="标题"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label="征求意见期限"
            name="period"
            rules={[{ required: true, message: '请选择开始和截止日期' }]}
          >
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item
            label="缩短期限的理由"
            name="shortReason"
            extra="仅在期限短于法定期限时填写（如情况紧急）。"
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item
            label="草案全文"
            name="draftText"
            rules={[{ required: true, whitespace: true, message: '请粘贴草案全文' }]}
            extra="粘贴草案全文；以“第X条”开头的行自动分为条款，公众可针对某一条提出意见；“第X章”作为章标题保留。"
          >
            <Input.TextArea rows={14} maxLength={200_000} />
          </Form.Item>
          <Form.Item
            label="起草说明"
            name="explanation"
            rules={[{ required: true, whitespace: true, message: '请填写起草说明' }]}
          >
            <Input.TextArea rows={6} maxLength={50_000} />
          </Form.Item>
          <Form.Item
            label="意见提交渠道"
            name="channels"
            rules={[{ required: true, message: '至少选择一种渠道' }]}
          >
            <Checkbox.Group options={CHANNEL_OPTIONS} />
          </Form.Item>
          <Form.Item label="意见接收邮箱" name="contactEmail">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="意见接收地址（信函）" name="contactAddress">
            <Input maxLength={500} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存草稿
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
