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
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { PressEventDetail, PressQuestion } from '../../types/pressEvents';

type Dialog = { kind: 'summary' } | { kind: 'cancel' } | { kind: 'reject'; question: PressQuestion } | null;

/** One press conference or online interview: facts and actions, the public's questions, the transcript. */
export default function PressEventPage() {
  const { id } = useParams();
  const { data, error, loading, reload } = useApiData<PressEventDetail>(`/admin/press-events/${id}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text: string }>();
  const onError = useErrorHandler();
  const { message, modal } = App.useApp();

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Card loading={loading} />;
  const d = data;
  const p = d.permissions;

  const act = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    try {
      await api.post(`/admin/press-events/${d.id}/${path}`, body);
      void message.success(done);
      setDialog(null);
      form.resetFields();
      reload();
      return true;
    } catch (err) {
      onError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const confirm = (title: string, content: string, path: string, done: string) =>
    modal.confirm({ title, content, okText: '确定', cancelText: '取消', onOk: () => act(path, {}, done) });

  const submitDialog = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'summary') await act('summary', { summaryText: v.text }, '文字实录已发布');
    else if (dialog?.kind === 'cancel') await act('cancel', { reason: v.text }, '已取消');
    else if (dialog?.kind === 'reject')
      await act(
        `questions/${dialog.question.id}/moderation`,
        { outcome: 'rejected', reason: v.text },
        '已标记为不予采用',
      );
  };

  return (
    <>
      <PageHeader
        title={d.topic}
        description={`${d.agencyName} · ${d.kindLabel} · ${d.statusLabel}`}
        extra={
          <Space wrap>
            {p.edit && (
              <Link to="edit">
                <Button>修改</Button>
              </Link>
            )}
            {p.announce && (
              <Button
                type="primary"
                onClick={() =>
                  confirm(
                    '发布预告',
                    '发布后在网站公开时间、地点和发布人，并开始征集网民问题。',
                    'announce',
                    '已发布预告',
                  )
                }
              >
                发布预告
              </Button>
            )}
            {p.hold && (
              <Button onClick={() => confirm('登记为已举办', '确认本场已按计划举办？', 'hold', '已登记举办')}>
                登记已举办
              </Button>
            )}
            {p.publishSummary && (
              <Button type="primary" onClick={() => setDialog({ kind: 'summary' })}>
                发布文字实录
              </Button>
            )}
            {p.cancel && (
              <Button danger onClick={() => setDialog({ kind: 'cancel' })}>
                取消
              </Button>
            )}
            {d.publicUrl && (
              <Typography.Link href={d.publicUrl} target="_blank">
                在网站查看
              </Typography.Link>
            )}
          </Space>
        }
      />
      {d.status === 'held' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="已举办，文字实录或摘要尚未发布。"
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label="形式">{d.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag>{d.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="时间">{`${d.eventDate} ${d.startTime}`}</Descriptions.Item>
          <Descriptions.Item label="地点">{d.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="在线访谈链接">{d.onlineUrl ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="征集网民问题">
            {d.acceptsQuestions ? '征集中' : '未征集'}
          </Descriptions.Item>
          <Descriptions.Item label="发布人" span={2}>
            {d.speakers.map((s) => `${s.title} ${s.name}`).join('；')}
          </Descriptions.Item>
          {d.description && (
            <Descriptions.Item label="简介" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {d.description}
              </Typography.Paragraph>
            </Descriptions.Item>
          )}
          {d.cancelReason && (
            <Descriptions.Item label="取消原因" span={2}>
              {d.cancelReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={`网民问题（${d.questions} 条）`} style={{ marginBottom: 16 }}>
        {!p.seesPersonalData && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="提问人的姓名和联系方式已遮盖。" />
        )}
        <Table<PressQuestion>
          rowKey="id"
          size="small"
          dataSource={d.questionList}
          pagination={false}
          columns={[
            {
              title: '问题',
              dataIndex: 'body',
              render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
            },
            { title: '提问人', render: (_, q) => `${q.authorName}（${q.authorContact}）` },
            { title: '收到日期', dataIndex: 'receivedOn' },
            {
              title: '审核',
              render: (_, q) => (
                <>
                  <Tag>{q.moderationLabel}</Tag>
                  {q.moderationReason}
                </>
              ),
            },
            ...(p.moderate
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, q: PressQuestion) => (
                      <Space>
                        {q.moderation !== 'accepted' && (
                          <Button
                            size="small"
                            loading={busy}
                            onClick={() =>
                              act(`questions/${q.id}/moderation`, { outcome: 'accepted' }, '已采用')
                            }
                          >
                            采用
                          </Button>
                        )}
                        {q.moderation !== 'rejected' && (
                          <Button size="small" onClick={() => setDialog({ kind: 'reject', question: q })}>
                            不予采用
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {d.summaryText && (
        <Card title={`文字实录（${d.summaryPublishedAt?.slice(0, 10) ?? ''} 发布）`}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.summaryText}</Typography.Paragraph>
        </Card>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog?.kind === 'summary'
            ? '发布文字实录或摘要'
            : dialog?.kind === 'cancel'
              ? '取消发布会或访谈'
              : '不予采用'
        }
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submitDialog()}
        onCancel={() => {
          setDialog(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={
              dialog?.kind === 'summary' ? '实录或摘要' : dialog?.kind === 'cancel' ? '取消原因' : '理由'
            }
            rules={[{ required: true, whitespace: true, message: '不能为空' }]}
          >
            <Input.TextArea rows={dialog?.kind === 'summary' ? 14 : 3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
