import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api';
import { CatalogTreeSelect } from '../../components/CatalogTreeSelect';
import { DateField } from '../../components/DateField';
import { useMe } from '../../auth/useAuth';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { CatalogEntry, Finding, PublicationItem, PublicationMeta } from '../../types/publication';
import { JointConsentCard } from './JointConsentCard';

const DRAFTING_ROLES = new Set(['drafter', 'unit_head', 'disclosure_office']);
const ROLE_LABELS: Record<string, string> = {
  unit_head: '科室负责人',
  leader: '分管领导',
  principal: '主要负责人',
  disclosure_office: '政务公开工作机构',
};

/** Today in Beijing time (the civil date of 成文日期), not the browser's UTC date. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Plain paragraphs ↔ the sanitised HTML body the server stores. */
function textToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
}
function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.body.children].map((el) => el.textContent ?? '').join('\n') || (doc.body.textContent ?? '');
}

interface FormValues {
  agencyId: number;
  title: string;
  docNo?: string;
  generatedOn: string;
  subjectCode?: string;
  catalogEntryId?: number;
  scope: 'public' | 'internal';
  attribute: 'proactive' | 'on_request' | 'not_public';
  nonDisclosureGround?: string;
  nonDisclosureReason?: string;
  summary?: string;
  keywords?: string;
  bodyText: string;
  partial?: boolean;
  publicBodyText?: string;
  declassified?: boolean;
  producingUnit?: string;
  responsiblePerson?: string;
  scheduledAt?: string;
  jointAgencyIds?: number[];
}

function Findings({ findings, title }: { findings: Finding[]; title: string }) {
  if (findings.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        title="敏感信息检查：未发现身份证号、手机号、银行卡号、电子邮箱或密级标志"
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        <List
          size="small"
          dataSource={findings}
          renderItem={(f) => (
            <List.Item>
              <Tag color="red">{f.label}</Tag>
              <Typography.Text type="secondary">
                {f.field === 'title'
                  ? '标题'
                  : f.field === 'body'
                    ? '正文'
                    : f.field === 'summary'
                      ? '内容概述'
                      : `附件 ${f.field.replace(/^attachment:/, '')}`}
              </Typography.Text>
              ：{f.excerpt}
            </List.Item>
          )}
        />
      }
    />
  );
}

export default function ItemEditorPage() {
  const { id } = useParams();
  const isNew = id === 'new';
  const navigate = useNavigate();
  const me = useMe();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const item = useApiData<PublicationItem>(isNew ? null : `/admin/publication/items/${id}`);
  const meta = useApiData<PublicationMeta>('/admin/publication/meta');
  const agencyId = Form.useWatch('agencyId', form);
  const attribute = Form.useWatch('attribute', form);
  const partial = Form.useWatch('partial', form);
  const catalog = useApiData<{ items: CatalogEntry[] }>(
    agencyId ? `/admin/publication/agencies/${agencyId}/catalog` : null,
  );
  const agencyOptions = useApiData<{ items: { id: number; name: string }[] }>(
    '/admin/publication/agency-options',
  );
  // the national taxonomy plus the agency's own second-level additions
  const agencySubjects = useApiData<{ subjects: PublicationMeta['subjects'] }>(
    agencyId ? `/admin/publication/agencies/${agencyId}/subjects` : null,
  );
  const [liveFindings, setLiveFindings] = useState<Finding[] | null>(null);
  const [saving, setSaving] = useState(false);
  const scanTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const draftAgencies = useMemo(() => {
    const m = new Map<number, string>();
    for (const r of me.roles) if (DRAFTING_ROLES.has(r.role)) m.set(r.agencyId, r.agencyName);
    // an existing item's agency is always named, also for a reviewer who drafts nothing there
    if (item.data) m.set(item.data.agencyId, item.data.agencyName);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [me.roles, item.data]);

  const editable = isNew || item.data?.status === 'draft';

  useEffect(() => {
    const i = item.data;
    if (!i) return;
    form.setFieldsValue({
      agencyId: i.agencyId,
      title: i.title,
      docNo: i.docNo ?? undefined,
      generatedOn: i.generatedOn,
      subjectCode: i.subjectCode ?? undefined,
      catalogEntryId: i.catalogEntryId ?? undefined,
      scope: i.scope,
      attribute: i.attribute,
      nonDisclosureGround: i.nonDisclosureGround ?? undefined,
      nonDisclosureReason: i.nonDisclosureReason ?? undefined,
      summary: i.summary ?? undefined,
      keywords: i.keywords ?? undefined,
      bodyText: htmlToText(i.bodyHtml),
      partial: i.partial,
      publicBodyText: i.publicBodyHtml ? htmlToText(i.publicBodyHtml) : undefined,
      declassified: i.declassified,
      producingUnit: i.producingUnit ?? undefined,
      responsiblePerson: i.responsiblePerson ?? undefined,
      scheduledAt: i.scheduledAt ? i.scheduledAt.slice(0, 16) : undefined,
      jointAgencyIds: (i.jointAgencies ?? []).map((j) => j.agencyId),
    });
    setLiveFindings(null);
  }, [item.data, form]);

  /** Live scan as the drafter types (debounced), over what would be published. */
  const scheduleScan = () => {
    if (scanTimer.current) clearTimeout(scanTimer.current);
    scanTimer.current = setTimeout(() => {
      const v = form.getFieldsValue();
      const body = v.partial ? (v.publicBodyText ?? '') : (v.bodyText ?? '');
      api
        .post<{ findings: Finding[] }>('/admin/publication/scan', {
          title: v.title ?? '',
          bodyHtml: textToHtml(`${v.summary ?? ''}\n${body}`),
          ...(isNew ? {} : { itemId: Number(id) }),
        })
        .then(
          (r) => setLiveFindings(r.findings),
          () => undefined,
        );
    }, 600);
  };
  useEffect(() => () => void (scanTimer.current && clearTimeout(scanTimer.current)), []);

  const toBody = (v: FormValues) => ({
    agencyId: v.agencyId,
    title: v.title,
    docNo: v.docNo || null,
    generatedOn: v.generatedOn,
    subjectCode: v.subjectCode || null,
    catalogEntryId: v.catalogEntryId ?? null,
    scope: v.scope,
    attribute: v.attribute,
    nonDisclosureGround: v.attribute === 'proactive' ? null : (v.nonDisclosureGround ?? null),
    nonDisclosureReason: v.attribute === 'proactive' ? null : (v.nonDisclosureReason ?? null),
    summary: v.summary || null,
    keywords: v.keywords || null,
    bodyHtml: textToHtml(v.bodyText ?? ''),
    partial: !!v.partial,
    publicBodyHtml: v.partial ? textToHtml(v.publicBodyText ?? '') : null,
    declassified: !!v.declassified,
    producingUnit: v.producingUnit || null,
    responsiblePerson: v.responsiblePerson || null,
    scheduledAt: v.scheduledAt ? new Date(v.scheduledAt).toISOString() : null,
    jointAgencyIds: v.jointAgencyIds ?? [],
  });

  const save = async (v: FormValues) => {
    setSaving(true);
    try {
      if (isNew) {
        const created = await api.post<PublicationItem>('/admin/publication/items', toBody(v));
        void message.success('已保存草稿');
        navigate(`/proactive/${created.id}`, { replace: true });
      } else {
        await api.put<PublicationItem>(`/admin/publication/items/${id}`, toBody(v));
        void message.success('已保存');
        item.reload();
      }
    } catch (err) {
      onError(err, form);
    } finally {
      setSaving(false);
    }
  };

  const act = async (path: string, body: unknown, done: string) => {
    try {
      await api.post(`/admin/publication/items/${id}/${path}`, body);
      void message.success(done);
      item.reload();
    } catch (err) {
      onError(err);
      item.reload();
    }
  };

  const upload = async (file: File, publicVisible: boolean) => {
    const buf = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    try {
      await api.post(`/admin/publication/items/${id}/attachments`, {
        name: file.name,
        contentBase64: btoa(bin),
        publicVisible,
      });
      void message.success(`已上传 ${file.name}`);
      item.reload();
    } catch (err) {
      onError(err);
    }
  };

  if (item.error) return <LoadError error={item.error} onRetry={item.reload} />;
  const i = item.data;
  const findings = liveFindings ?? i?.findings ?? [];

  return (
    <>
      <PageHeader
        title={isNew ? '新建公开信息' : (i?.title ?? '公开信息')}
        description={
          i ? (
            <Space wrap>
              <Tag color="blue">{i.statusLabel}</Tag>
              {i.indexNo && <span>索引号 {i.indexNo}</span>}
              {i.publishDueOn && i.status !== 'published' && (
                <span>法定公开期限：{i.publishDueOn}（条例第二十六条）</span>
              )}
              {i.status === 'published' && i.scope === 'public' && (
                <a href={`/d/${i.id}`} target="_blank" rel="noreferrer">
                  查看公开页面
                </a>
              )}
            </Space>
          ) : (
            '保存后可上传附件并提交保密审查。'
          )
        }
        extra={<Link to="/proactive">返回列表</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title="信息内容">
            <Form<FormValues>
              form={form}
              layout="vertical"
              disabled={!editable}
              initialValues={{
                scope: 'public',
                attribute: 'proactive',
                agencyId: draftAgencies[0]?.value,
                generatedOn: chinaToday(),
              }}
              onFinish={save}
              onValuesChange={(changed) => {
                if (
                  'title' in changed ||
                  'bodyText' in changed ||
                  'publicBodyText' in changed ||
                  'partial' in changed ||
                  'summary' in changed
                )
                  scheduleScan();
              }}
            >
              <Form.Item
                name="agencyId"
                label="发布机关"
                rules={[{ required: true, message: '请选择发布机关' }]}
              >
                <Select options={draftAgencies} disabled={!isNew} />
              </Form.Item>
              <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
                <Input maxLength={300} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="docNo" label="文号">
                    <Input placeholder="如 某司发〔2026〕5号" maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="generatedOn"
                    label="成文日期"
                    rules={[{ required: true, message: '请填写成文日期' }]}
                  >
                    <DateField />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="subjectCode" label="主题分类">
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      options={(agencySubjects.data?.subjects ?? meta.data?.subjects ?? []).map((s) => ({
                        label: s.name,
                        title: s.name,
                        options: [
                          { value: s.code, label: s.name },
                          ...s.children.map((c) => ({ value: c.code, label: `${s.name} › ${c.name}` })),
                        ],
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="catalogEntryId" label="目录分类">
                    <CatalogTreeSelect entries={catalog.data?.items ?? []} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="attribute" label="公开属性（源头认定）">
                    <Radio.Group
                      options={[
                        { value: 'proactive', label: '主动公开' },
                        { value: 'on_request', label: '依申请公开' },
                        { value: 'not_public', label: '不予公开' },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="scope" label="公开范围">
                    <Radio.Group
                      options={[
                        { value: 'public', label: '社会' },
                        { value: 'internal', label: '机关内部' },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
              {attribute && attribute !== 'proactive' && (
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item
                      name="nonDisclosureGround"
                      label="不予主动公开的理由"
                      rules={[{ required: true, message: '请选择法定理由' }]}
                    >
                      <Select
                        options={Object.entries(meta.data?.grounds ?? {}).map(([value, label]) => ({
                          value,
                          label,
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="nonDisclosureReason" label="理由说明">
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              <Form.Item name="summary" label="内容概述">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item
                name="bodyText"
                label="正文"
                rules={[{ required: true, message: '请填写正文' }]}
                extra="每段一行；保存时自动排版。"
              >
                <Input.TextArea rows={10} />
              </Form.Item>
              <Form.Item name="partial" valuePropName="checked">
                <Checkbox>部分公开（发布删除不宜公开内容后的版本，原件仅内部留存）</Checkbox>
              </Form.Item>
              {partial && (
                <Form.Item
                  name="publicBodyText"
                  label="公开版本正文"
                  rules={[{ required: true, message: '部分公开时必须提供公开版本' }]}
                >
                  <Input.TextArea rows={6} />
                </Form.Item>
              )}
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="keywords" label="关键词" extra="留空时发布时自动提取">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="producingUnit" label="产生单位">
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="responsiblePerson" label="责任人">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="scheduledAt" label="定时发布（可选）">
                    <Input type="datetime-local" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="declassified" valuePropName="checked" label=" ">
                    <Checkbox>解密后公开（发布前必须删除全部密级标志）</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="jointAgencyIds"
                label="联合制发机关"
                extra="联合制发的信息由牵头机关审查，须取得其他制发机关的书面同意后才能公开"
              >
                <Select
                  mode="multiple"
                  allowClear
                  optionFilterProp="label"
                  placeholder="本机关单独制发时不填"
                  options={(agencyOptions.data?.items ?? [])
                    .filter((a) => a.id !== agencyId)
                    .map((a) => ({ value: a.id, label: a.name }))}
                />
              </Form.Item>
              {editable && (
                <Button type="primary" htmlType="submit" loading={saving}>
                  保存草稿
                </Button>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Findings
              findings={findings}
              title={`敏感信息检查：发现 ${findings.length} 处，发布前必须删除或遮盖${i?.scanOverride ? '（保密审查办公室已登记放行）' : ''}`}
            />
            {i && (
              <Card title="附件" size="small">
                <List
                  size="small"
                  dataSource={i.attachments ?? []}
                  locale={{ emptyText: '暂无附件' }}
                  renderItem={(a) => (
                    <List.Item
                      actions={
                        editable
                          ? [
                              <Button
                                key="d"
                                size="small"
                                danger
                                onClick={() =>
                                  void api
                                    .delete(`/admin/publication/items/${i.id}/attachments/${a.id}`)
                                    .then(item.reload, onError)
                                }
                              >
                                删除
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <a href={`/api/v1/admin/publication/items/${i.id}/attachments/${a.id}`}>{a.name}</a>
                      {!a.publicVisible && <Tag style={{ marginLeft: 8 }}>原件·不公开</Tag>}
                    </List.Item>
                  )}
                />
                {editable && (
                  <Space direction="vertical">
                    <label>
                      上传附件（PDF、DOCX、XLSX、JPG、PNG，≤20 MB）：
                      <input
                        type="file"
                        aria-label="上传附件"
                        accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
                        onChange={(e) => {
                          const f = e.target.files?.[0];
                          e.target.value = '';
                          if (f) void upload(f, true);
                        }}
                      />
                    </label>
                    {i.partial && (
                      <label>
                        上传原件（仅内部留存，不公开）：
                        <input
                          type="file"
                          aria-label="上传原件"
                          accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
                          onChange={(e) => {
                            const f = e.target.files?.[0];
                            e.target.value = '';
                            if (f) void upload(f, false);
                          }}
                        />
                      </label>
                    )}
                  </Space>
                )}
              </Card>
            )}
            {i && <JointConsentCard item={i} onChanged={item.reload} />}
            {i && <Actions item={i} act={act} hasFindings={findings.length > 0} />}
            {i?.reviews && i.reviews.length > 0 && (
              <Card title="审查审批记录" size="small">
                <Timeline
                  items={i.reviews.map((r) => ({
                    children: (
                      <>
                        <strong>{STAGES[r.stage.split(':')[0] ?? ''] ?? r.stage}</strong> ·{' '}
                        {DECISIONS[r.decision] ?? r.decision} · {r.reviewer} · {r.reviewedOn}
                        {r.basis && <div>依据：{r.basis}</div>}
                        {r.reason && <div>意见：{r.reason}</div>}
                      </>
                    ),
                  }))}
                />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </>
  );
}

const STAGES: Record<string, string> = {
  drafter: '拟稿人意见',
  leader: '分管领导审核',
  office: '保密审查办公室',
  approval: '审议审批',
};
const DECISIONS: Record<string, string> = {
  approve: '同意',
  return: '退回',
  public: '公开',
  not_public: '不予公开',
  refer: '需报审',
  defer: '暂缓公开',
  resume: '恢复审查',
  proactive: '主动公开',
  on_request: '依申请公开',
};

function Actions({
  item,
  act,
  hasFindings,
}: {
  item: PublicationItem;
  act: (p: string, b: unknown, done: string) => Promise<void>;
  hasFindings: boolean;
}) {
  const [text, setText] = useState('');
  const [basis, setBasis] = useState('');
  const [conclusion, setConclusion] = useState('public');
  const [override, setOverride] = useState(false);
  const [validity, setValidity] = useState('abolished');
  const [replacedBy, setReplacedBy] = useState('');
  const s = item.status;
  const opinion = (label: string) => (
    <Input.TextArea
      aria-label={label}
      placeholder={label}
      rows={2}
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
  return (
    <Card title="办理" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {s === 'draft' && (
          <>
            {opinion('拟稿人意见（是否涉密、公开属性的理由）')}
            {hasFindings && (
              <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)}>
                内容确需保留，提请保密审查办公室审查放行
              </Checkbox>
            )}
            <Button
              type="primary"
              onClick={() =>
                void act('submit', { opinion: text || '同意公开', requestOverride: override }, '已提交审查')
              }
            >
              提交保密审查
            </Button>
          </>
        )}
        {(s === 'leader_review' || s === 'approval') && (
          <>
            {opinion('审核意见')}
            <Space>
              <Button
                type="primary"
                onClick={() =>
                  void act(
                    s === 'approval' ? 'approve' : 'leader-review',
                    { decision: 'approve', comment: text || null },
                    '已同意',
                  )
                }
              >
                {s === 'approval'
                  ? `审批同意（${item.approvalStep + 1}/${item.approvalChain.length}）`
                  : '审核同意'}
              </Button>
              <Button
                danger
                onClick={() =>
                  void act(
                    s === 'approval' ? 'approve' : 'leader-review',
                    { decision: 'return', comment: text || null },
                    '已退回',
                  )
                }
              >
                退回修改
              </Button>
            </Space>
          </>
        )}
        {s === 'office_review' && (
          <>
            <Radio.Group
              value={conclusion}
              onChange={(e) => setConclusion(e.target.value as string)}
              options={[
                { value: 'public', label: '公开' },
                { value: 'not_public', label: '不予公开' },
                { value: 'refer', label: '需报审' },
                { value: 'defer', label: '暂缓公开' },
                { value: 'return', label: '退回' },
              ]}
            />
            <Input
              aria-label="审查依据"
              placeholder="审查依据"
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
            />
            {opinion('理由')}
            <Button
              type="primary"
              onClick={() =>
                void act(
                  'office-review',
                  { conclusion, basis: basis || null, reason: text || null },
                  '已作出审查结论',
                )
              }
            >
              作出审查结论
            </Button>
          </>
        )}
        {hasFindings && ['office_review', 'approval'].includes(s) && !item.scanOverride && (
          <Button
            onClick={() => void act('override-scan', { reason: text || '经审查可以公开' }, '已登记放行理由')}
          >
            登记敏感信息放行理由（保密审查办公室）
          </Button>
        )}
        {(s === 'referred' || s === 'deferred') && (
          <>
            {opinion('说明（已确定密级或上级审查意见）')}
            <Button onClick={() => void act('resume-review', { note: text || '恢复审查' }, '已恢复审查')}>
              恢复审查
            </Button>
          </>
        )}
        {(s === 'published' || s === 'scheduled') && (
          <>
            {opinion('说明（将随信息公布）')}
            {s === 'published' && (
              <Space wrap>
                <Select
                  aria-label="有效性"
                  value={validity}
                  onChange={setValidity}
                  style={{ width: 120 }}
                  options={[
                    { value: 'valid', label: '有效' },
                    { value: 'amended', label: '已修改' },
                    { value: 'abolished', label: '已废止' },
                    { value: 'expired', label: '已失效' },
                  ]}
                />
                <Input
                  aria-label="替代文件编号"
                  placeholder="替代文件编号（可选）"
                  value={replacedBy}
                  onChange={(e) => setReplacedBy(e.target.value)}
                  style={{ width: 180 }}
                />
                <Button
                  onClick={() =>
                    void act(
                      'validity',
                      { validity, note: text, replacedById: replacedBy ? Number(replacedBy) : null },
                      '已变更有效性',
                    )
                  }
                >
                  变更有效性
                </Button>
              </Space>
            )}
            <Button danger onClick={() => void act('revoke', { explanation: text }, '已撤回')}>
              撤回
            </Button>
          </>
        )}
        {(s === 'withheld' || s === 'revoked') && (
          <Typography.Text type="secondary">本信息已办结。{item.changeNote}</Typography.Text>
        )}
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'c',
              label: '审批流程',
              children: (item.approvalChain.length ? item.approvalChain : ['leader'])
                .map((r) => ROLE_LABELS[r] ?? r)
                .join(' → '),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
