import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth/useAuth';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useAgencies } from '../../hooks/useAgencies';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { LetterTemplateView, RequestSettings } from '../../types/requests';
import { validateForm } from '../../lib/validateForm';
import { NoticeSettingsCard } from './NoticeSettingsCard';

/** The agency picker shared by the settings and the same-information pages. */
export function useRequestAgency() {
  const { me } = useAuth();
  const { agencies } = useAgencies();
  const choices = agencies.filter((a) => a.kind === 'government' || a.kind === 'department');
  const preferred =
    me?.active.agencyId ?? me?.roles.find((r) => r.role === 'disclosure_office')?.agencyId ?? null;
  const [agencyId, setAgencyId] = useState<number | null>(null);
  useEffect(() => {
    if (agencyId === null && choices.length > 0)
      setAgencyId(choices.find((a) => a.id === preferred)?.id ?? choices[0]!.id);
  }, [agencyId, choices, preferred]);
  const picker = (
    <Select
      aria-label="机关"
      showSearch
      optionFilterProp="label"
      style={{ width: 320 }}
      value={agencyId ?? undefined}
      onChange={setAgencyId}
      options={choices.map((a) => ({ value: a.id, label: a.name }))}
    />
  );
  return { agencyId, picker };
}

function ApprovalChainCard({ s, onSaved }: { s: RequestSettings; onSaved: (s: RequestSettings) => void }) {
  const [chain, setChain] = useState<string[]>(s.approvalChain);
  const [saving, setSaving] = useState(false);
  const onError = useErrorHandler();
  const { message } = App.useApp();
  useEffect(() => setChain(s.approvalChain), [s]);
  const label = (r: string) => s.approvalRoles.find((x) => x.value === r)?.label ?? r;
  const move = (i: number, d: -1 | 1) => {
    const next = [...chain];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    setChain(next);
  };
  const unused = s.approvalRoles.filter((r) => !chain.includes(r.value));
  async function save() {
    setSaving(true);
    try {
      onSaved(
        await api.put<RequestSettings>(`/admin/requests/settings/${s.agencyId}/approval-chain`, {
          approvalChain: chain,
        }),
      );
      void message.success('审批环节已保存');
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Card title="答复发出前的审批环节" size="small">
      <Typography.Paragraph type="secondary">
        答复书须按顺序经以下环节审批后才能发出。默认：{s.defaultApprovalChain.map(label).join(' → ')}
        。申请未分办到科室时，跳过“科室负责人”环节。
      </Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={chain}
        locale={{ emptyText: '尚未设置审批环节' }}
        renderItem={(r, i) => (
          <List.Item
            actions={
              s.canEdit
                ? [
                    <Button
                      key="up"
                      size="small"
                      aria-label={`上移${label(r)}`}
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    />,
                    <Button
                      key="down"
                      size="small"
                      aria-label={`下移${label(r)}`}
                      icon={<ArrowDownOutlined />}
                      disabled={i === chain.length - 1}
                      onClick={() => move(i, 1)}
                    />,
                    <Button
                      key="rm"
                      size="small"
                      danger
                      aria-label={`删除${label(r)}`}
                      icon={<DeleteOutlined />}
                      onClick={() => setChain(chain.filter((_, j) => j !== i))}
                    />,
                  ]
                : []
            }
          >
            第 {i + 1} 步：{label(r)}
          </List.Item>
        )}
      />
      {s.canEdit && (
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            aria-label="添加审批环节"
            placeholder="添加审批环节"
            style={{ width: 220 }}
            value={null}
            options={unused}
            onChange={(v: string) => setChain([...chain, v])}
          />
          <Button type="primary" onClick={save} loading={saving}>
            保存审批环节
          </Button>
        </Space>
      )}
    </Card>
  );
}

function TemplateEditor({
  s,
  t,
  onSaved,
}: {
  s: RequestSettings;
  t: LetterTemplateView;
  onSaved: (s: RequestSettings) => void;
}) {
  const [form] = Form.useForm<{ title: string; paragraphs: string[] }>();
  const [preview, setPreview] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const onError = useErrorHandler();
  const { message } = App.useApp();
  useEffect(() => {
    form.setFieldsValue({ title: t.title, paragraphs: t.paragraphs });
    setPreview(null);
  }, [form, t]);
  const url = `/admin/requests/settings/${s.agencyId}/templates/${t.kind}`;
  async function run(what: 'preview' | 'save' | 'reset') {
    setBusy(true);
    try {
      if (what === 'reset') {
        onSaved(await api.delete<RequestSettings>(url));
        void message.success(`${t.label}已恢复默认`);
        return;
      }
      const values = await validateForm(form);
      if (!values) return;
      if (what === 'preview') setPreview((await api.post<{ text: string[] }>(`${url}/preview`, values)).text);
      else {
        onSaved(await api.put<RequestSettings>(url, values));
        void message.success(`${t.label}模板已保存`);
      }
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Typography.Paragraph>
        可用的占位符（生成文书时替换为本案信息）：
        {t.placeholders.map((p) => (
          <Tag key={p.name} style={{ marginBottom: 4 }}>
            <code>{`{{${p.name}}}`}</code> {p.label}
          </Tag>
        ))}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        机关名称、登记号、发文日期和（答复书、第三方告知书的）救济途径条款由系统自动加上；答复书的各事项处理结果附在正文之后。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!s.canEdit} aria-label={`${t.label}模板`}>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.List name="paragraphs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Form.Item key={f.key} label={`正文第${i + 1}段`} required={false}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={f.name} noStyle>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label={`正文第${i + 1}段`} />
                    </Form.Item>
                    <Button
                      aria-label={`删除第${i + 1}段`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                    />
                  </Space.Compact>
                </Form.Item>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add('')} style={{ marginBottom: 16 }}>
                添加一段
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Space wrap>
        <Button onClick={() => run('preview')} loading={busy}>
          用示例数据预览
        </Button>
        {s.canEdit && (
          <>
            <Button type="primary" onClick={() => run('save')} loading={busy}>
              保存模板
            </Button>
            <Popconfirm
              title={`将${t.label}恢复为默认模板？`}
              okText="恢复默认"
              cancelText="取消"
              onConfirm={() => run('reset')}
              disabled={t.isDefault}
            >
              <Button disabled={t.isDefault}>恢复默认</Button>
            </Popconfirm>
          </>
        )}
      </Space>
      {preview && (
        <Card size="small" title="预览（示例数据）" style={{ marginTop: 12 }} data-testid="template-preview">
          {preview.map((line, i) => (
            <p key={i} style={{ margin: '4px 0', textIndent: i > 1 ? '2em' : undefined }}>
              {line}
            </p>
          ))}
        </Card>
      )}
    </>
  );
}

/** 依申请公开设置 of one agency: the approval chain and the letter templates (docs/product.md §3.3–3.4). */
export default function RequestSettingsPage() {
  const { agencyId, picker } = useRequestAgency();
  const { data, error, loading, reload } = useApiData<RequestSettings>(
    agencyId ? `/admin/requests/settings/${agencyId}` : null,
  );
  const [saved, setSaved] = useState<RequestSettings | null>(null);
  useEffect(() => setSaved(null), [data]);
  const s = saved && saved.agencyId === agencyId ? saved : data;
  return (
    <>
      <PageHeader
        title="依申请公开设置"
        description="本机关答复发出前的审批环节和各类文书模板。只有本机关的政务公开工作机构或机关管理员可以修改，修改记入审计日志。"
        extra={<Link to="/requests">返回队列</Link>}
      />
      <Space style={{ marginBottom: 16 }}>{picker}</Space>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !s || loading ? (
        <FullPageSpin />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          {!s.canEdit && (
            <Alert
              type="info"
              showIcon
              title="您可以查看本机关的设置；修改须由政务公开工作机构或机关管理员进行。"
            />
          )}
          <ApprovalChainCard s={s} onSaved={setSaved} />
          <NoticeSettingsCard agencyId={s.agencyId} />
          <Card title="文书模板" size="small">
            <Collapse
              items={s.templates.map((t) => ({
                key: t.kind,
                label: (
                  <Space>
                    {t.label}
                    <Typography.Text type="secondary">{t.title}</Typography.Text>
                    {t.isDefault ? <Tag>默认</Tag> : <Tag color="blue">已修改</Tag>}
                  </Space>
                ),
                children: <TemplateEditor s={s} t={t} onSaved={setSaved} />,
              }))}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
