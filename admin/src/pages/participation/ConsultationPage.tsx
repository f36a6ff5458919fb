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
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import {
  ADOPTION_OPTIONS,
  type Adoption,
  CHANNEL_OPTIONS,
  type ConsultationChannel,
  type ConsultationComment,
  type ConsultationDetail,
  MODERATION_OPTIONS,
  type ModerationOutcome,
} from '../../types/participation';
import type { PublicationItem } from '../../types/publication';

type Dialog =
  | { kind: 'moderate'; comment: ConsultationComment }
  | { kind: 'decide' }
  | { kind: 'group' }
  | { kind: 'enter' }
  | { kind: 'summary' }
  | null;

/** One consultation: facts and actions, the articles, and the comments with moderation and the adoption ledger. */
export default function ConsultationPage() {
  const { id } = useParams();
  const { data, error, loading, reload } = useApiData<ConsultationDetail>(`/admin/consultations/${id}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const onError = useErrorHandler();
  const { message, modal } = App.useApp();

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Card loading={loading} />;
  const d = data;
  const p = d.permissions;

  const act = async (path: string, body: unknown, done: string, form?: Parameters<typeof onError>[1]) => {
    setBusy(true);
    try {
      await api.post(`/admin/consultations/${d.id}/${path}`, body);
      void message.success(done);
      setDialog(null);
      setSelected([]);
      reload();
      return true;
    } catch (err) {
      onError(err, form);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const confirm = (title: string, content: string, path: string, done: string) =>
    modal.confirm({ title, content, okText: '确定', cancelText: '取消', onOk: () => act(path, {}, done) });

  const groupTitle = new Map(d.groups.map((g) => [g.id, g.title]));
  const selectable = p.decide;

  return (
    <>
      <PageHeader
        title={d.title}
        description={`${d.agencyName} · ${d.kindLabel} · ${d.phaseLabel}`}
        extra={
          <Space wrap>
            {p.edit && (
              <Link to="edit">
                <Button>修改草稿</Button>
              </Link>
            )}
            {p.open && (
              <Button
                type="primary"
                onClick={() =>
                  confirm(
                    '发布意见征集',
                    '发布后草案在网站公开并开始接收意见，不能再修改草案和期限。',
                    'open',
                    '已发布',
                  )
                }
              >
                发布
              </Button>
            )}
            {p.close && (
              <Button
                onClick={() => confirm('结束意见征集', '征求意见期限已届满，确认结束？', 'close', '已结束')}
              >
                结束征集
              </Button>
            )}
            {p.publishSummary && (
              <Button type="primary" onClick={() => setDialog({ kind: 'summary' })}>
                公布采纳情况
              </Button>
            )}
            {d.portalUrl && (
              <Typography.Link href={d.portalUrl} target="_blank">
                在网站查看
              </Typography.Link>
            )}
          </Space>
        }
      />
      {d.summaryOverdue && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`采纳情况逾期未公布（应于 ${d.summaryDueOn} 前公布）`}
        />
      )}
      {!p.seesPersonalData && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="您以监督身份查阅，提出意见的人的姓名和联系方式已隐去。"
        />
      )}
      <Tabs
        items={[
          {
            key: 'facts',
            label: '概况',
            children: (
              <Card>
                <Descriptions column={1} bordered size="small">
                  <Descriptions.Item label="状态">{d.statusLabel}</Descriptions.Item>
                  <Descriptions.Item label="征求意见期限">
                    {d.startsOn} 至 {d.endsOn}
                    {d.period &&
                      `（共 ${d.period.length} ${d.period.unit === 'working' ? '个工作日' : '日'}${d.period.short ? '，短于法定期限' : ''}）`}
                  </Descriptions.Item>
                  {d.ruleText && <Descriptions.Item label="法定期限">{d.ruleText}</Descriptions.Item>}
                  {d.shortReason && (
                    <Descriptions.Item label="缩短期限的理由">{d.shortReason}</Descriptions.Item>
                  )}
                  <Descriptions.Item label="渠道">
                    {d.channels.map((c) => CHANNEL_OPTIONS.find((o) => o.value === c)?.label).join('、')}
                  </Descriptions.Item>
                  {d.summaryDueOn && (
                    <Descriptions.Item label="采纳情况公布期限">{d.summaryDueOn} 前</Descriptions.Item>
                  )}
                  <Descriptions.Item label="起草说明">
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {d.explanation}
                    </Typography.Paragraph>
                  </Descriptions.Item>
                  <Descriptions.Item label="通过的正式文件">
                    <DecisionLink detail={d} onSaved={reload} />
                  </Descriptions.Item>
                  {d.summaryText && (
                    <Descriptions.Item label="已公布的采纳情况">
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {d.summaryText}
                      </Typography.Paragraph>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            ),
          },
          {
            key: 'articles',
            label: `条款（${d.articles.length}）`,
            children: (
              <Card>
                {d.preamble && <Typography.Paragraph strong>{d.preamble}</Typography.Paragraph>}
                {d.articles.map((a, i) => (
                  <div key={a.id}>
                    {a.heading && a.heading !== d.articles[i - 1]?.heading && (
                      <Typography.Title level={5}>{a.heading}</Typography.Title>
                    )}
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                      <strong>{a.label}</strong> {a.body}
                    </Typography.Paragraph>
                  </div>
                ))}
              </Card>
            ),
          },
          {
            key: 'ledger',
            label: `意见与采纳情况（${d.comments.length}）`,
            children: (
              <Card>
                <Space size="large" wrap style={{ display: 'flex', marginBottom: 16 }}>
                  <Statistic title="收到意见" value={d.counts.received} />
                  <Statistic title="采纳" value={d.counts.adopted} />
                  <Statistic title="部分采纳" value={d.counts.partlyAdopted} />
                  <Statistic title="未采纳" value={d.counts.notAdopted} />
                  <Statistic title="待标注" value={d.counts.undecided} />
                  <Statistic title="不予受理" value={d.counts.rejected} />
                </Space>
                <Space wrap style={{ marginBottom: 12 }}>
                  {p.enterComments && <Button onClick={() => setDialog({ kind: 'enter' })}>录入意见</Button>}
                  {p.decide && (
                    <Button disabled={selected.length === 0} onClick={() => setDialog({ kind: 'decide' })}>
                      标注采纳情况（{selected.length}）
                    </Button>
                  )}
                  {p.decide && (
                    <Button disabled={selected.length === 0} onClick={() => setDialog({ kind: 'group' })}>
                      归并同类意见（{selected.length}）
                    </Button>
                  )}
                </Space>
                <Table<ConsultationComment>
                  rowKey="id"
                  size="small"
                  dataSource={d.comments}
                  pagination={{ pageSize: 50 }}
                  rowSelection={
                    selectable
                      ? {
                          selectedRowKeys: selected,
                          onChange: (keys) => setSelected(keys.map(Number)),
                          getCheckboxProps: (r) => ({ disabled: r.moderation === 'rejected' }),
                        }
                      : undefined
                  }
                  columns={[
                    { title: '编号', dataIndex: 'id', width: 70 },
                    { title: '条款', render: (_, r) => r.articleLabel ?? '整体', width: 80 },
                    {
                      title: '意见',
                      dataIndex: 'body',
                      render: (t: string) => (
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                          {t}
                        </Typography.Paragraph>
                      ),
                    },
                    {
                      title: '提出人',
                      render: (_, r) => (
                        <Space direction="vertical" size={0}>
                          <span>{r.authorName ?? '—'}</span>
                          <Typography.Text type="secondary">{r.authorContact ?? ''}</Typography.Text>
                          {r.displayName && (
                            <Typography.Text type="secondary">公开称呼：{r.displayName}</Typography.Text>
                          )}
                        </Space>
                      ),
                    },
                    { title: '渠道', render: (_, r) => `${r.channelLabel} ${r.receivedOn}` },
                    {
                      title: '审核',
                      render: (_, r) => (
                        <Space direction="vertical" size={0}>
                          <Tag
                            color={
                              r.moderation === 'pending'
                                ? 'gold'
                                : r.moderation === 'rejected'
                                  ? 'red'
                                  : 'default'
                            }
                          >
                            {r.moderationLabel}
                          </Tag>
                          {r.moderationReason && (
                            <Typography.Text type="secondary">{r.moderationReason}</Typography.Text>
                          )}
                          {p.moderate && (
                            <Button
                              size="small"
                              type="link"
                              onClick={() => setDialog({ kind: 'moderate', comment: r })}
                            >
                              审核
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                    {
                      title: '采纳情况',
                      render: (_, r) =>
                        r.moderation === 'rejected' ? (
                          '—'
                        ) : (
                          <Space direction="vertical" size={0}>
                            {r.adoptionLabel ? <Tag color="blue">{r.adoptionLabel}</Tag> : <Tag>待标注</Tag>}
                            {r.adoptionReason && (
                              <Typography.Text type="secondary">{r.adoptionReason}</Typography.Text>
                            )}
                            {r.groupId && (
                              <Typography.Text type="secondary">
                                分组：{groupTitle.get(r.groupId)}
                              </Typography.Text>
                            )}
                          </Space>
                        ),
                    },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      {dialog?.kind === 'moderate' && (
        <ModerateModal comment={dialog.comment} busy={busy} onCancel={() => setDialog(null)} act={act} />
      )}
      {dialog?.kind === 'decide' && (
        <DecideModal ids={selected} busy={busy} onCancel={() => setDialog(null)} act={act} />
      )}
      {dialog?.kind === 'group' && (
        <GroupModal ids={selected} groups={d.groups} busy={busy} onCancel={() => setDialog(null)} act={act} />
      )}
      {dialog?.kind === 'enter' && (
        <EnterModal detail={d} busy={busy} onCancel={() => setDialog(null)} act={act} />
      )}
      {dialog?.kind === 'summary' && (
        <SummaryModal detail={d} busy={busy} onCancel={() => setDialog(null)} act={act} />
      )}
    </>
  );
}

/** The adopted document (a published information item of the agency) that links back to the consultation. */
function DecisionLink({ detail, onSaved }: { detail: ConsultationDetail; onSaved: () => void }) {
  const items = useApiData<{ items: PublicationItem[] }>(
    detail.permissions.linkDecision ? '/admin/publication/items?queue=published&pageSize=100' : null,
  );
  const [choice, setChoice] = useState<number | null>(detail.decisionItemId);
  const [saving, setSaving] = useState(false);
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const own = (items.data?.items ?? []).filter((i) => i.agencyId === detail.agencyId);
  const current = own.find((i) => i.id === detail.decisionItemId);
  if (!detail.permissions.linkDecision)
    return <span>{detail.decisionItemId ? `已关联（信息编号 ${detail.decisionItemId}）` : '尚未关联'}</span>;
  return (
    <Space wrap>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        aria-label="通过的正式文件"
        placeholder="选择本机关已发布的正式文件"
        style={{ minWidth: 360 }}
        loading={items.loading}
        value={choice ?? undefined}
        onChange={(v) => setChoice(v ?? null)}
        options={own.map((i) => ({ value: i.id, label: i.title }))}
      />
      <Button
        loading={saving}
        disabled={choice === detail.decisionItemId}
        onClick={async () => {
          setSaving(true);
          try {
            await api.put(`/admin/consultations/${detail.id}/decision`, { itemId: choice });
            void message.success('已保存');
            onSaved();
          } catch (err) {
            onError(err);
          } finally {
            setSaving(false);
          }
        }}
      >
        保存关联
      </Button>
      {current && <Typography.Text type="secondary">当前：{current.title}</Typography.Text>}
    </Space>
  );
}

type Act = (
  path: string,
  body: unknown,
  done: string,
  form?: Parameters<ReturnType<typeof useErrorHandler>>[1],
) => Promise<boolean>;
interface ModalProps {
  busy: boolean;
  onCancel: () => void;
  act: Act;
}

function ModerateModal({ comment, busy, onCancel, act }: ModalProps & { comment: ConsultationComment }) {
  const [form] = Form.useForm<{ outcome: ModerationOutcome; reason?: string }>();
  const outcome = Form.useWatch('outcome', form);
  return (
    <Modal
      open
      title={`审核第 ${comment.id} 号意见`}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          outcome: comment.moderation === 'pending' ? 'published' : comment.moderation,
          reason: comment.moderationReason ?? '',
        }}
        onFinish={(v) =>
          act(
            `comments/${comment.id}/moderation`,
            { outcome: v.outcome, reason: v.reason || null },
            '已审核',
            form,
          )
        }
      >
        <Form.Item label="审核结果" name="outcome" rules={[{ required: true, message: '请选择审核结果' }]}>
          <Radio.Group options={MODERATION_OPTIONS} />
        </Form.Item>
        <Form.Item
          label="理由（提出人凭查询码可见）"
          name="reason"
          rules={[
            { required: outcome !== 'published', whitespace: true, message: '不公开或不予受理须写明理由' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({ ids, busy, onCancel, act }: ModalProps & { ids: number[] }) {
  const [form] = Form.useForm<{ adoption: Adoption; reason?: string }>();
  const adoption = Form.useWatch('adoption', form);
  return (
    <Modal
      open
      title={`标注 ${ids.length} 条意见的采纳情况`}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ adoption: 'adopted' }}
        onFinish={(v) =>
          act('ledger', { commentIds: ids, adoption: v.adoption, reason: v.reason || null }, '已标注', form)
        }
      >
        <Form.Item label="采纳情况" name="adoption" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group options={ADOPTION_OPTIONS} />
        </Form.Item>
        <Form.Item
          label="理由或采纳方式（随采纳情况公布）"
          name="reason"
          rules={[
            { required: adoption !== 'adopted', whitespace: true, message: '部分采纳或未采纳须写明理由' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GroupModal({
  ids,
  groups,
  busy,
  onCancel,
  act,
}: ModalProps & { ids: number[]; groups: ConsultationDetail['groups'] }) {
  const [form] = Form.useForm<{ groupId?: number | 'new' | 'none'; title?: string }>();
  const choice = Form.useWatch('groupId', form);
  return (
    <Modal
      open
      title={`归并 ${ids.length} 条同类意见`}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ groupId: 'new' }}
        onFinish={(v) =>
          act(
            'groups',
            {
              commentIds: ids,
              groupId: typeof v.groupId === 'number' ? v.groupId : null,
              title: v.groupId === 'new' ? v.title : null,
            },
            '已归组',
            form,
          )
        }
      >
        <Form.Item label="分组" name="groupId">
          <Select
            options={[
              { value: 'new', label: '新建分组' },
              ...groups.map((g) => ({ value: g.id, label: `${g.title}（${g.size} 条）` })),
              { value: 'none', label: '取消归组' },
            ]}
          />
        </Form.Item>
        {choice === 'new' && (
          <Form.Item
            label="分组名称"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写分组名称' }]}
          >
            <Input maxLength={200} placeholder="例如：关于适用范围的意见" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function EnterModal({ detail, busy, onCancel, act }: ModalProps & { detail: ConsultationDetail }) {
  const [form] = Form.useForm<{
    channel: ConsultationChannel;
    receivedOn: Dayjs;
    articleId?: number | null;
    body: string;
    name?: string;
    contact?: string;
    displayName?: string;
  }>();
  const channels = CHANNEL_OPTIONS.filter((o) => o.value !== 'portal' && detail.channels.includes(o.value));
  return (
    <Modal
      open
      title="录入意见（信函、邮件、座谈会、听证会）"
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      {channels.length === 0 ? (
        <Alert type="warning" showIcon title="本次征集只开通了网站渠道。" />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ channel: channels[0]?.value, receivedOn: dayjs(), articleId: null }}
          onFinish={(v) =>
            act(
              'comments',
              {
                channel: v.channel,
                receivedOn: v.receivedOn.format('YYYY-MM-DD'),
                articleId: v.articleId ?? null,
                body: v.body,
                name: v.name || null,
                contact: v.contact || null,
                displayName: v.displayName || null,
              },
              '已录入',
              form,
            )
          }
        >
          <Form.Item label="渠道" name="channel" rules={[{ required: true, message: '请选择渠道' }]}>
            <Select options={channels} />
          </Form.Item>
          <Form.Item
            label="收到日期"
            name="receivedOn"
            rules={[{ required: true, message: '请选择收到日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item label="针对的条款" name="articleId">
            <Select
              options={[
                { value: null, label: '对草案整体' },
                ...detail.articles.map((a) => ({ value: a.id, label: a.label })),
              ]}
            />
          </Form.Item>
          <Form.Item
            label="意见内容"
            name="body"
            rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}
          >
            <Input.TextArea rows={5} maxLength={5000} />
          </Form.Item>
          <Form.Item label="姓名（不公开）" name="name">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="联系方式（不公开）" name="contact">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="公开显示的称呼" name="displayName">
            <Input maxLength={30} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function SummaryModal({ detail, busy, onCancel, act }: ModalProps & { detail: ConsultationDetail }) {
  const [form] = Form.useForm<{ summaryText: string }>();
  const c = detail.counts;
  const draft = `本次征求意见期间共收到意见${c.received}条，经研究，采纳${c.adopted}条，部分采纳${c.partlyAdopted}条，未采纳${c.notAdopted}条。`;
  return (
    <Modal
      open
      width={720}
      title="公布采纳情况"
      okText="公布"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      {c.undecided > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`还有 ${c.undecided} 条意见尚未标注采纳情况`}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ summaryText: draft }}
        onFinish={(v) => act('summary', v, '已公布', form)}
      >
        <Form.Item
          label="采纳情况说明（在网站公布，附各条意见的采纳情况和数量）"
          name="summaryText"
          rules={[{ required: true, whitespace: true, message: '请填写采纳情况说明' }]}
        >
          <Input.TextArea rows={8} maxLength={50_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
