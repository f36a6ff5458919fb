import { WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import datePickerZhCN from 'antd/es/date-picker/locale/zh_CN';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, isAbortError, toApiError } from '../../api';
import { DateField } from '../../components/DateField';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { formatDateTime } from '../../lib/format';
import type { RequestAppeal, RequestCase, RequestItem, RequestMeta } from '../../types/requests';
import { AssignModal } from './AssignModal';
import { type ActionDef, actionDefaults, CASE_ACTIONS, caseButtons } from './caseActions';
import { ServiceCard } from './ServiceCard';
import { validateForm } from '../../lib/validateForm';

const ROLE_LABELS: Record<string, string> = {
  unit_head: '科室负责人',
  disclosure_office: '政务公开工作机构',
  leader: '分管领导',
  principal: '主要负责人',
};
const KIND_LABELS: Record<string, string> = {
  reply: '答复期限',
  correction: '补正期限',
  third_party: '第三方意见期限',
  inter_agency: '其他机关意见期限',
  fee: '缴费期限',
};
const STATE_LABELS: Record<string, string> = {
  open: '进行中',
  paused: '暂停',
  met: '已完成',
  superseded: '已重新计算',
  cancelled: '已取消',
  lapsed: '已逾期',
};

function ActionModal({
  caseId,
  def,
  initial,
  today,
  onClose,
  onDone,
}: {
  caseId: number;
  def: ActionDef | null;
  /** the form's starting values (actionDefaults) */
  initial: Record<string, unknown>;
  /** the server's day: no step done on paper can be dated later */
  today: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  // a refusal (e.g. 条例第三十条 one correction notice, 第三十三条 no extension after expiry) stays
  // visible in the dialog in the server's Chinese wording, not only as a passing toast
  const [refusal, setRefusal] = useState<string | null>(null);
  const onError = useErrorHandler();
  const { message } = App.useApp();
  if (!def) return null;
  async function run() {
    const values = (await validateForm(form)) as Record<string, unknown> | undefined;
    if (!values) return;
    for (const k of Object.keys(values))
      if (values[k] === '' || values[k] === undefined || values[k] === null) delete values[k];
    for (const f of def!.fields)
      if (f.kind === 'stepDate' && values[f.name])
        values[f.name] = (values[f.name] as Dayjs).format('YYYY-MM-DD');
    if (typeof values.approve === 'string') values.approve = values.approve === 'true';
    setSaving(true);
    setRefusal(null);
    try {
      await api.post(`/admin/requests/${caseId}/${def!.path}`, { ...values, ...def!.extra });
      void message.success(`${def!.label}：已完成`);
      form.resetFields();
      onDone();
    } catch (e) {
      if (!isAbortError(e)) setRefusal(toApiError(e).message);
      onError(e, form);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={def.label}
      onCancel={onClose}
      onOk={run}
      confirmLoading={saving}
      okText="确定"
      okButtonProps={{ danger: def.danger }}
    >
      {def.fields.length === 0 && <p>确定要“{def.label}”吗？此操作将记入审计日志。</p>}
      {refusal && (
        <Alert type="error" showIcon title="未能办理" description={refusal} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        {def.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
          >
            {f.kind === 'date' ? (
              <DateField maxDate={f.defaultToday ? today : undefined} />
            ) : f.kind === 'stepDate' ? (
              <DatePicker
                locale={datePickerZhCN}
                format="YYYY-MM-DD"
                placeholder="今天"
                allowClear
                disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
                style={{ width: 200 }}
              />
            ) : f.kind === 'days' ? (
              <InputNumber min={1} max={100000} style={{ width: 200 }} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea rows={3} />
            ) : f.kind === 'select' ? (
              <Radio.Group options={f.options} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function DecisionEditor({
  caseId,
  item,
  meta,
  onDone,
}: {
  caseId: number;
  item: RequestItem;
  meta: RequestMeta;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const code = Form.useWatch('code', form) as string | undefined;
  const def = meta.dispositions.find((d) => d.code === code);
  const groups = useMemo(() => {
    const m = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const d of meta.dispositions) {
      const g = m.get(d.group) ?? { label: d.groupLabel, options: [] };
      g.options.push({ value: d.code, label: `${d.row} ${d.label}` });
      m.set(d.group, g);
    }
    return [...m.values()];
  }, [meta]);
  async function save() {
    const values = await validateForm(form);
    if (!values) return;
    setSaving(true);
    try {
      await api.put(`/admin/requests/${caseId}/items/${item.id}/decision`, values);
      void message.success('处理决定已保存');
      onDone();
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Form
      form={form}
      name={`decision-${item.id}`}
      layout="vertical"
      initialValues={item.disposition ? item : undefined}
      aria-label={`第${item.seq}项的处理决定`}
    >
      <Form.Item
        name="code"
        label="处理结果（年报表三统一分类）"
        rules={[{ required: true, message: '请选择处理结果' }]}
      >
        <Select options={groups} showSearch optionFilterProp="label" />
      </Form.Item>
      {def && <Typography.Paragraph type="secondary">默认依据：{def.basis}</Typography.Paragraph>}
      <Form.Item name="legalBasis" label="法律依据（留空则用默认依据）">
        <Input />
      </Form.Item>
      {def?.requires.includes('withheld') && (
        <Form.Item
          name="withheld"
          label="不予公开的内容"
          rules={[{ required: true, message: '部分公开须写明不予公开的内容' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {(def?.requires.includes('reasons') || def?.code === 'other_other') && (
        <Form.Item name="reasons" label="理由" rules={[{ required: true, message: '须说明理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {def?.requires.includes('holding_agency') && (
        <Space wrap>
          <Form.Item name="holdingAgency" label="掌握该信息的机关（知道时填写）">
            <Input />
          </Form.Item>
          <Form.Item name="holdingContact" label="联系方式">
            <Input />
          </Form.Item>
        </Space>
      )}
      {(def?.requires.includes('how_to_obtain') || def?.requires.includes('proper_channel')) && (
        <Form.Item
          name="howToObtain"
          label={def?.requires.includes('proper_channel') ? '相应渠道或法定途径' : '获取方式、途径和时间'}
          // R.36(1)(2): a reply that provides information tells how, where and when to get it
          rules={
            def?.requires.includes('how_to_obtain')
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: '须写明获取该政府信息的方式、途径和时间（条例第三十六条）',
                  },
                ]
              : []
          }
          extra={
            def?.requires.includes('how_to_obtain')
              ? '例如：随本答复书邮寄纸质复印件；或自收到本答复书之日起十五个工作日内到本机关政务服务窗口领取'
              : undefined
          }
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      <Button type="primary" onClick={save} loading={saving}>
        保存处理决定
      </Button>
    </Form>
  );
}

const FILE_KINDS: Record<string, string> = {
  provided: '提供的政府信息',
  scan: '申请扫描件',
  identity_proof: '身份证明',
};

function FilesCard({ c, onDone }: { c: RequestCase; onDone: () => void }) {
  const [kind, setKind] = useState('provided');
  const [busy, setBusy] = useState(false);
  const onError = useErrorHandler();
  const { message } = App.useApp();
  async function upload(file: File) {
    setBusy(true);
    try {
      const buf = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
      await api.post(`/admin/requests/${c.id}/files`, {
        kind,
        filename: file.name,
        contentBase64: btoa(bin),
      });
      void message.success('文件已上传');
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title="文件" size="small" style={{ marginTop: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.files}
        columns={[
          { title: '类别', dataIndex: 'kind', render: (v: string) => FILE_KINDS[v] ?? v },
          {
            title: '文件名',
            dataIndex: 'filename',
            // identity proofs and scans download only for staff who see the applicant (docs/access.md)
            render: (v: string, r: { id: number; kind: string }) =>
              c.permissions.personalData || r.kind === 'provided' ? (
                <a href={`/api/v1/admin/requests/${c.id}/files/${r.id}`}>{v}</a>
              ) : (
                v
              ),
          },
          { title: '大小', dataIndex: 'size', render: (v: number) => `${Math.ceil(v / 1024)} KB` },
        ]}
      />
      {c.permissions.handle && (
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            aria-label="文件类别"
            value={kind}
            onChange={setKind}
            style={{ width: 180 }}
            options={Object.entries(FILE_KINDS).map(([value, label]) => ({ value, label }))}
          />
          <label>
            <span className="sr-only">选择文件</span>
            <input
              type="file"
              data-testid="file-upload"
              accept=".pdf,.jpg,.jpeg,.png"
              disabled={busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
                e.target.value = '';
              }}
            />
          </label>
          <Typography.Text type="secondary">
            PDF、JPG、PNG，不超过 5 MB；“提供的政府信息”会在申请人的查询页面显示。
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}

/** R.36(6) repeat requests, R.44 same information from several applicants, R.32 notices owed. */
function CaseWarnings({ c, onAction }: { c: RequestCase; onAction: (d: ActionDef) => void }) {
  const seqOf = (itemId: number) => c.items.find((i) => i.id === itemId)?.seq ?? '';
  const canNotify = c.permissions.manage && ['in_progress', 'awaiting_approval'].includes(c.status);
  if (!c.thirdPartyNoticesOwed.length && !c.repeats.length && !c.sameInformation.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {c.thirdPartyNoticesOwed.map((n) => (
        <Alert
          key={`tp-${n.consultationId}`}
          type="error"
          showIcon
          title={`第三方“${n.party}”不同意公开，本机关决定予以公开：须先书面告知第三方决定公开的内容和理由（条例第三十二条），告知后才能发出答复书。`}
          action={
            canNotify ? (
              <Button
                size="small"
                danger
                onClick={() =>
                  onAction({
                    ...CASE_ACTIONS.third_party_notice!,
                    label: `发出第三方告知书（${n.party}）`,
                    extra: { consultationId: n.consultationId },
                  })
                }
              >
                发出第三方告知书
              </Button>
            ) : undefined
          }
        />
      ))}
      {c.repeats.map((r) => (
        <Alert
          key={`rep-${r.itemId}-${r.applicationId}`}
          type="warning"
          showIcon
          title={
            <span>
              事项 {seqOf(r.itemId)}：该申请人曾就相同内容提出申请（登记号{' '}
              <Link to={`/requests/${r.applicationId}`}>{r.registrationNo}</Link>，已答复
              {r.repliedOn ? `于 ${r.repliedOn}` : ''}）— 可考虑按重复申请处理（条例第三十六条第（六）项）。
            </span>
          }
        />
      ))}
      {c.sameInformation.map((s) => (
        <Alert
          key={`same-${s.itemId}`}
          type={s.suggestProactive ? 'warning' : 'info'}
          showIcon
          title={
            <span>
              事项 {seqOf(s.itemId)}：
              {s.suggestProactive
                ? `已有 ${s.applicants} 个申请人申请相同信息，建议转为主动公开（条例第四十四条）。`
                : `近12个月内另有申请人申请过相同信息（共 ${s.applicants} 个申请人）。`}
              相关申请：
              {s.others.map((o, i) => (
                <span key={o.applicationId}>
                  {i > 0 ? '、' : ''}
                  <Link to={`/requests/${o.applicationId}`}>{o.registrationNo}</Link>
                </span>
              ))}
            </span>
          }
        />
      ))}
    </Space>
  );
}

function AppealsCard({ c, onAction }: { c: RequestCase; onAction: (d: ActionDef) => void }) {
  if (c.appeals.length === 0) return null;
  return (
    <Card title="行政复议和行政诉讼（年报表四）" size="small" style={{ marginTop: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.appeals}
        columns={[
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '申请复议或起诉日期', dataIndex: 'filedOn' },
          {
            title: '结果',
            dataIndex: 'outcomeLabel',
            render: (v: string, r: RequestAppeal) => (
              <Tag color={r.outcome === 'pending' ? 'gold' : r.outcome === 'corrected' ? 'red' : 'default'}>
                {v}
              </Tag>
            ),
          },
          { title: '决定或判决日期', dataIndex: 'decidedOn', render: (v: string | null) => v ?? '—' },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, r: RequestAppeal) =>
              r.outcome === 'pending' && c.permissions.manage ? (
                <Button
                  size="small"
                  onClick={() =>
                    onAction({
                      ...CASE_ACTIONS.appeal_outcome!,
                      label: `登记结果：${r.kindLabel}（${r.filedOn}）`,
                      extra: { appealId: r.id },
                    })
                  }
                >
                  登记结果
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

/** One application: clock, applicant (masked unless handling), items and decisions, actions, letters, approvals, timeline. */
export default function RequestCasePage() {
  const id = Number(useParams().id);
  const { data: c, error, loading, reload } = useApiData<RequestCase>(`/admin/requests/${id}`);
  const meta = useApiData<RequestMeta>('/admin/requests/meta');
  const [action, setAction] = useState<ActionDef | null>(null);
  const [assignOpen, setAssignOpen] = useState(false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !c) return <FullPageSpin />;
  if (!c) return null;
  const buttons = caseButtons(c);
  const decidable = ['registered', 'in_progress'].includes(c.status) && c.permissions.handle;
  const roundStart = c.approvals.map((a) => a.decision).lastIndexOf('submitted');
  const approvedSteps = c.approvals.filter(
    (a, i) => a.subject === 'reply' && i > roundStart && a.decision === 'approved',
  ).length;

  return (
    <>
      <PageHeader
        title={`申请 ${c.registrationNo}`}
        description={
          <Space wrap>
            <Tag color="blue">{c.statusLabel}</Tag>
            <span>{c.agencyName}</span>
            <span>{c.channelLabel}</span>
            {c.reportCategoryLabel && <span>年报统计：{c.reportCategoryLabel}</span>}
          </Space>
        }
        extra={<Link to="/requests">返回队列</Link>}
      />
      <CaseWarnings c={c} onAction={setAction} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title="答复期限" size="small">
            {c.clock.overdue && (
              <Alert
                type="error"
                showIcon
                icon={<WarningOutlined />}
                title={`已逾期：${c.clock.leftText}`}
                style={{ marginBottom: 8 }}
              />
            )}
            <Descriptions column={1} size="small">
              <Descriptions.Item label="收到申请日期">{c.clock.receivedOn ?? '待确认'}</Descriptions.Item>
              <Descriptions.Item label="起算日期">{c.clock.clockStart ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="答复期限">
                <Typography.Text strong>{c.clock.dueOn ?? '—'}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="剩余">{c.clock.leftText ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="已批准延期">{c.clock.extensionDays} 个工作日</Descriptions.Item>
              {c.clock.extensionRequestedDays && (
                <Descriptions.Item label="待批延期">
                  {c.clock.extensionRequestedDays} 个工作日
                </Descriptions.Item>
              )}
              <Descriptions.Item label="不计入期限">
                {c.clock.pausedDays} 个工作日{c.clock.pauseKind ? '（当前计时暂停）' : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="申请人" size="small" style={{ marginTop: 16 }}>
            {c.applicant.masked && (
              <Typography.Paragraph type="secondary">
                您不是本案承办人员，申请人信息已遮蔽。
              </Typography.Paragraph>
            )}
            <Descriptions column={1} size="small">
              <Descriptions.Item label="类型">
                {c.applicant.kindLabel}
                {c.applicant.orgTypeLabel ? `（${c.applicant.orgTypeLabel}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="姓名或名称">{c.applicant.name}</Descriptions.Item>
              {c.applicant.idNumber && (
                <Descriptions.Item label={c.applicant.idTypeLabel ?? '证件'}>
                  {c.applicant.idNumber}
                </Descriptions.Item>
              )}
              {c.applicant.creditCode && (
                <Descriptions.Item label="统一社会信用代码">{c.applicant.creditCode}</Descriptions.Item>
              )}
              <Descriptions.Item label="联系电话">{c.applicant.phone}</Descriptions.Item>
              {c.applicant.email && (
                <Descriptions.Item label="电子邮箱">{c.applicant.email}</Descriptions.Item>
              )}
              {c.applicant.address && (
                <Descriptions.Item label="通信地址">{c.applicant.address}</Descriptions.Item>
              )}
              <Descriptions.Item label="提供形式">{c.provisionFormLabel}</Descriptions.Item>
              <Descriptions.Item label="获取方式">{c.deliveryMethodLabel}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title="办理" size="small">
            <Space wrap>
              {c.permissions.manage && ['registered', 'in_progress'].includes(c.status) && (
                <Button onClick={() => setAssignOpen(true)}>
                  {c.status === 'registered' ? '受理并分办' : '改派'}
                </Button>
              )}
              {buttons.map((b) => (
                <Button key={b.key} danger={b.def.danger} onClick={() => setAction(b.def)}>
                  {b.def.label}
                </Button>
              ))}
            </Space>
            {!c.permissions.manage && !c.permissions.handle && buttons.length === 0 && (
              <Typography.Paragraph type="secondary" data-testid="read-only-case">
                您可以查阅本案（申请人信息已按规定遮蔽），但不在本案的办理人员之列，不能在本案中办理。
              </Typography.Paragraph>
            )}
            {c.status === 'awaiting_approval' && (
              <Typography.Paragraph style={{ marginTop: 12 }}>
                审批环节：
                {c.approvalChain
                  .map((r, i) => `${i + 1}. ${ROLE_LABELS[r] ?? r}${i < approvedSteps ? '（已同意）' : ''}`)
                  .join(' → ')}
              </Typography.Paragraph>
            )}
          </Card>
          {c.items.map((item) => (
            <Card
              key={item.id}
              size="small"
              style={{ marginTop: 16 }}
              title={`事项 ${item.seq}：${item.description}`}
            >
              <Descriptions column={1} size="small">
                {item.title && <Descriptions.Item label="信息名称">{item.title}</Descriptions.Item>}
                {item.docNo && <Descriptions.Item label="文号或索引号">{item.docNo}</Descriptions.Item>}
                <Descriptions.Item label="处理结果">
                  {item.dispositionLabel ? `${item.dispositionRow} ${item.dispositionLabel}` : '尚未决定'}
                </Descriptions.Item>
                {item.withheld && (
                  <Descriptions.Item label="不予公开的内容">{item.withheld}</Descriptions.Item>
                )}
                {item.reasons && <Descriptions.Item label="理由">{item.reasons}</Descriptions.Item>}
                {item.legalBasis && <Descriptions.Item label="依据">{item.legalBasis}</Descriptions.Item>}
              </Descriptions>
              {decidable && meta.data && (
                <DecisionEditor caseId={c.id} item={item} meta={meta.data} onDone={reload} />
              )}
            </Card>
          ))}
          <Card
            title="文书"
            size="small"
            style={{ marginTop: 16 }}
            extra={
              ['in_progress', 'awaiting_approval'].includes(c.status) &&
              c.items.every((i) => i.disposition) && (
                <a href={`/api/v1/admin/requests/${c.id}/reply-draft`}>预览答复书草稿（DOCX）</a>
              )
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.letters}
              columns={[
                { title: '文书', dataIndex: 'title' },
                { title: '日期', dataIndex: 'issuedOn' },
                {
                  title: '状态',
                  dataIndex: 'sentAt',
                  render: (v: string | null) => (v ? `已送达 ${formatDateTime(v)}` : '未发出'),
                },
                {
                  title: '下载',
                  key: 'dl',
                  render: (_: unknown, r: { id: number }) => (
                    <a href={`/api/v1/admin/requests/${c.id}/letters/${r.id}`}>DOCX</a>
                  ),
                },
              ]}
            />
          </Card>
          {c.letters.some((l) => l.sentAt) && <ServiceCard caseId={c.id} onChanged={reload} />}
          <AppealsCard c={c} onAction={setAction} />
          <FilesCard c={c} onDone={reload} />
          <Card title="期限记录" size="small" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.deadlines}
              columns={[
                { title: '期限', dataIndex: 'kind', render: (v: string) => KIND_LABELS[v] ?? v },
                { title: '起算', dataIndex: 'startDate' },
                { title: '工作日', dataIndex: 'workingDays' },
                { title: '到期', dataIndex: 'dueDate' },
                { title: '状态', dataIndex: 'state', render: (v: string) => STATE_LABELS[v] ?? v },
              ]}
            />
          </Card>
          <Card title="时间线" size="small" style={{ marginTop: 16 }}>
            <Timeline
              items={c.timeline.map((e) => ({
                children: `${formatDateTime(e.at)} ${e.actor}：${e.label ?? e.action}${
                  e.action === 'request.step_backdated' && e.detail
                    ? `（${String(e.detail.stepLabel ?? '')}，实际日期 ${String(e.detail.actualOn ?? '')}）`
                    : ''
                }`,
              }))}
            />
          </Card>
        </Col>
      </Row>
      <ActionModal
        caseId={c.id}
        def={action}
        initial={action ? actionDefaults(action, c) : {}}
        today={c.today}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          reload();
        }}
      />
      <AssignModal
        caseId={c.id}
        open={assignOpen}
        title={c.status === 'registered' ? '受理并分办' : '改派'}
        onClose={() => setAssignOpen(false)}
        onDone={() => {
          setAssignOpen(false);
          reload();
        }}
      />
    </>
  );
}
