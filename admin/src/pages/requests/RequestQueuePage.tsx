import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { withQuery } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import type { RequestMeta, RequestQueue, RequestQueueItem } from '../../types/requests';
import { IntakeModal } from './IntakeModal';

const QUEUES = [
  { key: 'unconfirmed', label: '待确认收到' },
  { key: 'new', label: '新申请' },
  { key: 'open', label: '办理中（全部）' },
  { key: 'correction', label: '待补正' },
  { key: 'consultation', label: '征求意见中' },
  { key: 'fee', label: '待缴费' },
  { key: 'approval', label: '待审批' },
  { key: 'due_soon', label: '5个工作日内到期' },
  { key: 'overdue', label: '已逾期' },
  { key: 'closed', label: '已办结' },
  { key: 'all', label: '全部' },
] as const;

/** The due date with the working days left — in colour AND in words, so it never relies on colour alone. */
export function DueCell({
  item,
}: {
  item: Pick<RequestQueueItem, 'dueOn' | 'workingDaysLeft' | 'overdue' | 'paused'>;
}) {
  if (!item.dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  if (item.paused) return <Tag>计时暂停（原定 {item.dueOn}）</Tag>;
  const left = item.workingDaysLeft;
  if (item.overdue)
    return (
      <Tag color="red" icon={<WarningOutlined />}>
        已逾期 {left !== null ? -left : ''} 个工作日（{item.dueOn}）
      </Tag>
    );
  if (left === null) return <span>{item.dueOn}</span>;
  return (
    <Tag color={left <= 1 ? 'orange' : left <= 5 ? 'gold' : 'default'}>
      {item.dueOn}：{left === 0 ? '今日到期' : `剩余 ${left} 个工作日`}
    </Tag>
  );
}

/** 依申请公开: work queues with due dates and working days left; search and filters; offline intake. */
export default function RequestQueuePage() {
  const [queue, setQueue] = useState<string>('open');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [channel, setChannel] = useState<string | undefined>();
  const [intakeOpen, setIntakeOpen] = useState(false);
  const meta = useApiData<RequestMeta>('/admin/requests/meta');
  const { data, error, loading, reload } = useApiData<RequestQueue>(
    withQuery('/admin/requests', { queue, page, pageSize: 20, q, channel }),
  );
  return (
    <>
      <PageHeader
        title="依申请公开"
        description="申请登记、补正、征求意见、延期、答复与送达；答复期限按本机关的工作日历和规则配置自动计算（条例第三十条至第三十五条）。"
        extra={
          <Space wrap>
            <Link to="/requests/same-information">多人申请的相同信息</Link>
            <Link to="/requests/settings">审批环节和文书模板</Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)}>
              登记线下申请
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={queue}
        onChange={(k) => {
          setQueue(k);
          setPage(1);
        }}
        items={QUEUES.map((x) => ({
          key: x.key,
          label: (
            <Space size={4}>
              {x.label}
              {data?.counts[x.key] ? (
                <Badge count={data.counts[x.key]} color={x.key === 'overdue' ? 'red' : 'blue'} />
              ) : null}
            </Space>
          ),
        }))}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder="登记号、申请人或申请内容"
          aria-label="搜索申请"
          style={{ width: 320 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder="申请渠道"
          aria-label="申请渠道"
          style={{ width: 220 }}
          value={channel}
          onChange={(v) => {
            setChannel(v);
            setPage(1);
          }}
          options={meta.data?.channels.map((c) => ({ value: c.value, label: c.label }))}
        />
      </Space>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<RequestQueueItem>
          rowKey="id"
          loading={loading}
          dataSource={data?.items}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 件`,
          }}
          columns={[
            {
              title: '登记号',
              dataIndex: 'registrationNo',
              render: (v: string, r) => <Link to={`/requests/${r.id}`}>{v}</Link>,
            },
            { title: '申请人', dataIndex: 'applicantName' },
            {
              title: '申请内容',
              dataIndex: 'firstItem',
              ellipsis: true,
              render: (v: string | null, r) => (
                <span>
                  {v}
                  {r.itemCount > 1 ? (
                    <Typography.Text type="secondary">（共 {r.itemCount} 项）</Typography.Text>
                  ) : null}
                </span>
              ),
            },
            { title: '机关', dataIndex: 'agencyName' },
            { title: '收到日期', dataIndex: 'receivedOn', render: (v: string | null) => v ?? '待确认' },
            { title: '答复期限', key: 'due', render: (_: unknown, r) => <DueCell item={r} /> },
            { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
          ]}
        />
      )}
      <IntakeModal
        open={intakeOpen}
        channels={meta.data?.channels ?? []}
        today={data?.today}
        onClose={() => setIntakeOpen(false)}
        onDone={() => {
          setIntakeOpen(false);
          reload();
        }}
      />
    </>
  );
}
