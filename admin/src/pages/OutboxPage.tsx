import { ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Flex,
  Popconfirm,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, withQuery } from '../api';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { useApiData } from '../hooks/useApiData';
import { useErrorHandler } from '../hooks/useErrorHandler';
import { formatDateTime } from '../lib/format';
import type { Outbox, OutboxItem, OutboxState } from '../types/notifications';

const PAGE = 20;
const STATE_COLORS: Record<OutboxState, string> = { pending: 'processing', sent: 'success', failed: 'error' };

/** 发件箱: e-mail and SMS reminders and their delivery state; a failed message can be sent again. */
export default function OutboxPage() {
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [state, setState] = useState<OutboxState | 'all'>('all');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiData<Outbox>(
    withQuery('/admin/notifications/outbox', {
      state: state === 'all' ? undefined : state,
      limit: PAGE,
      offset: (page - 1) * PAGE,
    }),
  );

  const retry = async (row: OutboxItem) => {
    try {
      await api.post(`/admin/notifications/outbox/${row.id}/retry`);
      void message.success('已重新加入发送队列');
      reload();
    } catch (err) {
      onError(err);
    }
  };

  const columns: TableColumnsType<OutboxItem> = [
    { title: '创建时间', dataIndex: 'createdAt', width: 160, render: (t: string) => formatDateTime(t) },
    { title: '渠道', dataIndex: 'channelLabel', width: 90 },
    { title: '收件人', dataIndex: 'recipient', width: 200, ellipsis: true },
    { title: '标题', dataIndex: 'title', width: 260, ellipsis: true },
    {
      title: '机关',
      dataIndex: 'agencyName',
      width: 160,
      ellipsis: true,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 100,
      render: (label: string, r) => <Tag color={STATE_COLORS[r.state]}>{label}</Tag>,
    },
    { title: '尝试次数', dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: '下次尝试 / 发送时间',
      key: 'when',
      width: 170,
      render: (_, r) =>
        r.state === 'sent'
          ? formatDateTime(r.sentAt)
          : r.state === 'pending'
            ? formatDateTime(r.nextAttemptAt)
            : '—',
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, r) =>
        r.state === 'failed' ? (
          <Popconfirm
            title="重新发送这条消息？"
            okText="重新发送"
            cancelText="取消"
            onConfirm={() => retry(r)}
          >
            <Button size="small" icon={<ReloadOutlined />}>
              重发
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const counts = data?.counts;
  return (
    <>
      <PageHeader
        title="发件箱"
        description="期限提醒等通知的邮件和短信。发送失败会按间隔自动重试，多次失败后标记为“发送失败”，可在此重新发送。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
        }
      />
      <Flex vertical gap={16}>
        {data && (
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="邮件发送方式">{data.transports.email}</Descriptions.Item>
            <Descriptions.Item label="短信发送方式">{data.transports.sms}</Descriptions.Item>
          </Descriptions>
        )}
        <Segmented
          value={state}
          onChange={(v) => {
            setState(v as OutboxState | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'pending', label: `待发送（${counts?.pending ?? 0}）` },
            { value: 'failed', label: `发送失败（${counts?.failed ?? 0}）` },
            { value: 'sent', label: `已发送（${counts?.sent ?? 0}）` },
          ]}
        />
        {error && <LoadError error={error} onRetry={reload} />}
        <Table<OutboxItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 1330 }}
          locale={{ emptyText: '发件箱为空' }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Flex vertical gap={8}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {r.body}
                </Typography.Paragraph>
                {r.lastError && <Typography.Text type="danger">最近一次错误：{r.lastError}</Typography.Text>}
              </Flex>
            ),
          }}
        />
      </Flex>
    </>
  );
}
