import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { MyAgencySelect } from '../../components/MyAgencySelect';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useAgencyChoice } from '../../hooks/useMyAgencies';
import type { GuideContact, GuideDiffSection, GuideSection, GuideWorkspace } from '../../types/archive';
import { validateForm } from '../../lib/validateForm';

const CONTACT_LABELS: Record<keyof GuideContact, string> = {
  office: '受理机构',
  address: '办公地址',
  postalCode: '邮政编码',
  officeHours: '办公时间',
  phone: '联系电话',
  fax: '传真号码',
  email: '电子邮箱',
  website: '网站',
};

const REASON_TEXT = {
  never_published: '本机关尚未发布政府信息公开指南。',
  review_due: '距上次发布已满一年，应复核并发布新版本（指南每年更新一次）。',
  contact_changed: '机关联系信息已变更，指南中的受理机构信息需要更新。',
} as const;

/** 政府信息公开指南 (R.12): structured draft → publish a new version; history, diff and the yearly-review flag. */
export default function GuidePage() {
  const { agencies, agencyId, setAgencyId } = useAgencyChoice();
  const base = agencyId ? `/admin/publication/agencies/${agencyId}/guide` : null;
  const { data, error, loading, reload } = useApiData<GuideWorkspace>(base);
  const [form] = Form.useForm<{ sections: GuideSection[] }>();
  const onError = useErrorHandler();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [diff, setDiff] = useState<{ from: number; to: number; sections: GuideDiffSection[] } | null>(null);

  useEffect(() => {
    if (data) form.setFieldsValue({ sections: data.draft.sections });
  }, [data, form]);

  const save = async () => {
    const v = await validateForm(form);
    if (!v) return;
    setBusy(true);
    try {
      await api.put(`${base}/draft`, { sections: v.sections });
      void message.success('草稿已保存');
      reload();
    } catch (err) {
      onError(err, form);
    } finally {
      setBusy(false);
    }
  };

  const publish = () =>
    modal.confirm({
      title: '发布新版本',
      content: '先保存当前草稿，再作为新版本在门户“政府信息公开指南”栏目发布；原版本保留在“历史版本”中。',
      okText: '保存并发布',
      onOk: async () => {
        try {
          const v = await validateForm(form);
          if (!v) return;
          await api.put(`${base}/draft`, { sections: v.sections });
          await api.post(`${base}/publish`);
          void message.success('指南新版本已发布');
          reload();
        } catch (err) {
          onError(err, form);
        }
      },
    });

  const showDiff = async (from: number, to: number) => {
    try {
      setDiff({
        from,
        to,
        sections: await api.get<GuideDiffSection[]>(`${base}/diff?from=${from}&to=${to}`),
      });
    } catch (err) {
      onError(err);
    }
  };

  return (
    <>
      <PageHeader
        title="政府信息公开指南"
        description="按条例第十二条编制：信息分类和编排体系、获取方式，以及工作机构的名称、地址、办公时间、电话、传真和网络联系方式。新建草稿时从机关信息自动填写；每年至少复核一次。"
        extra={<Link to="/proactive">返回主动公开</Link>}
      />
      <MyAgencySelect value={agencyId} onChange={setAgencyId} options={agencies} />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {data.review.due ? (
            <Alert
              type="warning"
              showIcon
              message="指南需要复核"
              description={
                <>
                  {data.review.reasons.map((r) => (
                    <div key={r}>{REASON_TEXT[r]}</div>
                  ))}
                  {data.review.changedFields.length > 0 && (
                    <div>
                      变更的项目：{data.review.changedFields.map((f) => CONTACT_LABELS[f]).join('、')}
                    </div>
                  )}
                </>
              }
            />
          ) : (
            <Alert
              type="success"
              showIcon
              message={`现行第 ${data.versions[0]?.version} 版，${data.versions[0]?.publishedOn} 发布，应于 ${data.versions[0]?.nextReviewOn} 前复核`}
            />
          )}
          <Card title="机关联系信息（来自机关信息，发布时随版本保存）" size="small">
            <Descriptions size="small" column={2}>
              {(Object.keys(CONTACT_LABELS) as (keyof GuideContact)[]).map((k) => (
                <Descriptions.Item key={k} label={CONTACT_LABELS[k]}>
                  {data.contact[k] ?? '—'}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          <Card
            title={
              <>
                指南草稿{' '}
                {data.draftSaved ? (
                  <Tag color="blue">草稿已保存 {data.draftUpdatedAt?.slice(0, 16).replace('T', ' ')}</Tag>
                ) : (
                  <Tag>{data.versions.length ? '以现行版本为底稿' : '根据机关信息预填'}</Tag>
                )}
              </>
            }
            extra={
              <Space>
                <Button onClick={save} loading={busy}>
                  保存草稿
                </Button>
                <Button type="primary" onClick={publish}>
                  发布新版本
                </Button>
              </Space>
            }
          >
            <Form form={form} layout="vertical">
              <Form.List name="sections">
                {(fields) =>
                  fields.map((f) => (
                    <div key={f.key}>
                      <Form.Item name={[f.name, 'key']} hidden>
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'heading']}
                        label="章节标题"
                        rules={[{ required: true, message: '请填写章节标题' }]}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'text']}
                        label="章节内容（每段一行）"
                        rules={[{ required: true, message: '请填写章节内容' }]}
                      >
                        <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} maxLength={20000} />
                      </Form.Item>
                    </div>
                  ))
                }
              </Form.List>
            </Form>
          </Card>
          <Card title="历史版本" size="small">
            <Table
              rowKey="version"
              size="small"
              loading={loading}
              pagination={false}
              dataSource={data.versions}
              locale={{ emptyText: '尚未发布' }}
              columns={[
                { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
                { title: '发布日期', dataIndex: 'publishedOn' },
                { title: '应复核日期', dataIndex: 'nextReviewOn' },
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r) => {
                    const prev = data.versions.find((v) => v.version < r.version);
                    return prev ? (
                      <Button type="link" size="small" onClick={() => void showDiff(prev.version, r.version)}>
                        与第 {prev.version} 版比较
                      </Button>
                    ) : null;
                  },
                },
              ]}
            />
          </Card>
        </Space>
      ) : null}
      <Modal
        open={diff !== null}
        title={diff ? `第 ${diff.from} 版 → 第 ${diff.to} 版` : ''}
        onCancel={() => setDiff(null)}
        footer={null}
        width={800}
      >
        {diff?.sections.map((s) => (
          <div key={s.key} style={{ marginBottom: 12 }}>
            <Typography.Title level={5}>{s.heading}</Typography.Title>
            {s.lines.every((l) => l.kind === 'same') ? (
              <Typography.Text type="secondary">未修改</Typography.Text>
            ) : (
              s.lines.map((l, i) => (
                <div
                  key={`${i}-${l.kind}`}
                  className={`guide-diff-${l.kind}`}
                  style={{
                    background: l.kind === 'added' ? '#e6ffec' : l.kind === 'removed' ? '#ffebe9' : undefined,
                    textDecoration: l.kind === 'removed' ? 'line-through' : undefined,
                    padding: '2px 6px',
                  }}
                >
                  {l.kind === 'added' ? '＋ ' : l.kind === 'removed' ? '－ ' : '　 '}
                  {l.text}
                </div>
              ))
            )}
          </div>
        ))}
      </Modal>
    </>
  );
}
