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
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { validateForm } from '../../lib/validateForm';
import type { CaseDetail, Catalog } from '../../types/accountability';

type Dialog = 'statement' | 'decision' | 'review-request' | 'review-decision' | 'close' | null;

/**
 * One accountability case: facts, persons and their statements, the decision with the split of
 * responsibility (《区督查问责办法》第十条), the review, and only the actions the server allows.
 */
export default function AccountabilityCasePage() {
  const { id } = useParams();
  const path = `/admin/oversight/accountability/${id}`;
  const { data, error, loading, reload } = useApiData<CaseDetail>(path);
  const catalog = useApiData<Catalog>('/admin/oversight/accountability/catalog');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const severity = Form.useWatch('severity', form) as string | undefined;
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const onError = useErrorHandler();
  const { message } = App.useApp();

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return loading ? <FullPageSpin /> : null;
  const c = data;
  const p = c.permissions;
  const cat = catalog.data;
  const order = cat?.severities.map((s) => s.code) ?? [];
  const allowed = (target: 'person' | 'unit') =>
    (cat?.sanctions ?? [])
      .filter(
        (s) =>
          (s.applies === 'both' || s.applies === target) &&
          severity !== undefined &&
          order.indexOf(s.severity) <= order.indexOf(severity),
      )
      .map((s) => ({ value: s.code, label: s.label }));

  const act = async (suffix: string, body: unknown, done: string) => {
    try {
      await api.post(`${path}/${suffix}`, body);
      void message.success(done);
      setDialog(null);
      form.resetFields();
      reload();
    } catch (err) {
      onError(err, form);
    }
  };

  const submit = async () => {
    const v = (await validateForm(form)) as Record<string, unknown> | undefined;
    if (!v) return;
    if (dialog === 'statement') await act('statements', v, '陈述和申辩已登记');
    if (dialog === 'decision') {
      const persons = c.persons.map((x) => ({
        personId: x.id,
        sanctions: (v[`p${x.id}`] as string[] | undefined) ?? [],
      }));
      await act(
        'decision',
        {
          decisionMode: v.decisionMode,
          severity: v.severity,
          persons,
          unitSanctions: (v.unitSanctions as string[] | undefined) ?? [],
          decisionText: v.decisionText,
          deliveredOn: (v.deliveredOn as Dayjs).format('YYYY-MM-DD'),
        },
        '已作出问责决定',
      );
    }
    if (dialog === 'review-request') await act('review-request', v, '已申请复核；复核期间原决定不停止执行');
    if (dialog === 'review-decision') await act('review-decision', v, '已作出复核结论');
    if (dialog === 'close') await act('close', v, '已结案');
  };

  const openDialog = (d: Dialog) => {
    form.resetFields();
    if (d === 'decision')
      form.setFieldsValue({ decisionMode: c.decisionMode ?? undefined, deliveredOn: dayjs() });
    if (d === 'statement' && c.myPersonId) form.setFieldsValue({ personId: c.myPersonId });
    setDialog(d);
  };

  return (
    <>
      <PageHeader
        title={`${c.caseNo} ${c.title}`}
        description={
          <Space>
            <Tag>{c.statusLabel}</Tag>
            {c.decidedOn && (c.inForce ? <Tag color="red">决定执行中</Tag> : <Tag>决定已撤销</Tag>)}
          </Space>
        }
        extra={<Link to="/oversight/accountability">返回问责案件</Link>}
      />
      {c.status === 'review_requested' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="复核期间，问责决定不停止执行（《区督查问责办法》第十三条）。"
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        {p.investigate && (
          <Button type="primary" onClick={() => act('investigate', {}, '已开始调查取证')}>
            开始调查
          </Button>
        )}
        {p.recordStatement && <Button onClick={() => openDialog('statement')}>登记陈述和申辩</Button>}
        {p.decide && (
          <Button type="primary" onClick={() => openDialog('decision')}>
            作出问责决定
          </Button>
        )}
        {p.requestReview && <Button onClick={() => openDialog('review-request')}>申请复核</Button>}
        {p.decideReview && (
          <Button type="primary" onClick={() => openDialog('review-decision')}>
            作出复核结论
          </Button>
        )}
        {p.close && <Button onClick={() => openDialog('close')}>结案</Button>}
        {p.downloadLetter && <a href={`/api/v1${path}/decision.docx`}>下载问责决定书（DOCX）</a>}
      </Space>
      <Card title="案件" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="监督机关">{c.supervisorAgencyName}</Descriptions.Item>
          <Descriptions.Item label="被问责单位">
            {c.agencyName}
            {c.againstUnit ? '（追究单位责任）' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="来源">
            {c.sourceLabel}
            {c.sourceId ? ` #${c.sourceId}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="立案时间">{c.createdAt.slice(0, 10)}</Descriptions.Item>
          <Descriptions.Item label="违规情形" span={2}>
            <Space direction="vertical" size={0}>
              {c.violations.map((v) => (
                <span key={v.code}>
                  {v.label}
                  <Typography.Text type="secondary">（{v.basis}）</Typography.Text>
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="违规事实" span={2}>
            {c.facts}
          </Descriptions.Item>
          {c.trail && (
            <Descriptions.Item label="审计记录" span={2}>
              拟稿：{c.trail.drafterLabel ?? '—'}；审批：{c.trail.approverLabel ?? '未经领导审批'}
            </Descriptions.Item>
          )}
          {c.decisionModeLabel && (
            <Descriptions.Item label="行为的决定方式">{c.decisionModeLabel}</Descriptions.Item>
          )}
          {c.severityLabel && <Descriptions.Item label="情节">{c.severityLabel}</Descriptions.Item>}
          {c.decisionText && (
            <Descriptions.Item label="问责决定" span={2}>
              {c.decisionText}（{c.decidedBy}，送达 {c.deliveredOn}，复核期限至 {c.reviewDueOn}）
            </Descriptions.Item>
          )}
          {c.unitSanctions.length > 0 && (
            <Descriptions.Item label="对单位的处理" span={2}>
              {c.unitSanctions.map((s) => s.label).join('、')}
            </Descriptions.Item>
          )}
          {c.reviewReason && (
            <Descriptions.Item label="复核申请" span={2}>
              {c.reviewRequestedOn}：{c.reviewReason}
            </Descriptions.Item>
          )}
          {c.reviewOutcomeLabel && (
            <Descriptions.Item label="复核结论" span={2}>
              {c.reviewOutcomeLabel}：{c.reviewNote}（{c.reviewedBy}，{c.reviewedOn}）
            </Descriptions.Item>
          )}
          {c.rectificationReport && (
            <Descriptions.Item label="书面整改报告" span={2}>
              {c.rectificationReport}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title="被问责人">
        <Table
          rowKey="id"
          pagination={false}
          dataSource={c.persons}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '角色', dataIndex: 'roleLabel', width: 140 },
            { title: '陈述和申辩', dataIndex: 'statement', render: (v: string | null) => v ?? '—' },
            {
              title: '责任',
              dataIndex: 'shareLabel',
              width: 220,
              render: (v: string | null, r) => (v ? `${v}（${r.shareBasis}）` : '—'),
            },
            {
              title: '处理',
              dataIndex: 'sanctions',
              width: 200,
              render: (s: { label: string }[]) => s.map((x) => x.label).join('、') || '—',
            },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={
          {
            statement: '登记陈述和申辩',
            decision: '作出问责决定',
            'review-request': '申请复核',
            'review-decision': '作出复核结论',
            close: '结案',
          }[dialog ?? 'statement']
        }
        onOk={submit}
        onCancel={() => setDialog(null)}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'statement' && (
            <>
              <Form.Item name="personId" label="被问责人" rules={[{ required: true, message: '请选择' }]}>
                <Select
                  options={c.persons
                    .filter((x) => p.decide || x.id === c.myPersonId || c.myPersonId === null)
                    .map((x) => ({ value: x.id, label: x.name }))}
                />
              </Form.Item>
              <Form.Item
                name="statement"
                label="陈述和申辩"
                rules={[{ required: true, whitespace: true, message: '请填写' }]}
              >
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
            </>
          )}
          {dialog === 'decision' && (
            <>
              <Form.Item
                name="decisionMode"
                label="行为的决定方式（决定责任区分）"
                rules={[{ required: true, message: '请选择' }]}
              >
                <Radio.Group
                  options={(cat?.decisionModes ?? []).map((m) => ({ value: m.code, label: m.label }))}
                />
              </Form.Item>
              <Form.Item name="severity" label="情节" rules={[{ required: true, message: '请选择' }]}>
                <Select options={(cat?.severities ?? []).map((s) => ({ value: s.code, label: s.label }))} />
              </Form.Item>
              {c.persons.map((x) => (
                <Form.Item key={x.id} name={`p${x.id}`} label={`对${x.name}（${x.roleLabel}）的处理`}>
                  <Select mode="multiple" options={allowed('person')} />
                </Form.Item>
              ))}
              {c.againstUnit && (
                <Form.Item name="unitSanctions" label="对单位的处理">
                  <Select mode="multiple" options={allowed('unit')} />
                </Form.Item>
              )}
              <Form.Item
                name="decisionText"
                label="决定内容"
                rules={[{ required: true, whitespace: true, message: '请填写' }]}
              >
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <Form.Item name="deliveredOn" label="送达日期" rules={[{ required: true, message: '请选择' }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {dialog === 'review-request' && (
            <Form.Item
              name="reason"
              label={`复核理由（送达之日起${cat?.reviewRequestDays ?? 15}日内，至${c.reviewDueOn}）`}
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          )}
          {dialog === 'review-decision' && (
            <>
              <Form.Item name="outcome" label="复核结论" rules={[{ required: true, message: '请选择' }]}>
                <Radio.Group
                  options={(cat?.reviewOutcomes ?? []).map((o) => ({ value: o.code, label: o.label }))}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label="复核意见"
                rules={[{ required: true, whitespace: true, message: '请填写' }]}
              >
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              {outcome === 'corrected' && (
                <Form.Item
                  name="decisionText"
                  label="纠正后的决定"
                  rules={[{ required: true, whitespace: true, message: '请填写' }]}
                >
                  <Input.TextArea rows={3} maxLength={4000} />
                </Form.Item>
              )}
            </>
          )}
          {dialog === 'close' && (
            <Form.Item
              name="rectificationReport"
              label="被问责单位的书面整改报告（《区督查问责办法》第十四条）"
              rules={c.againstUnit ? [{ required: true, whitespace: true, message: '请填写' }] : []}
            >
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
