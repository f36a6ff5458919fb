import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { withQuery } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import {
  CONTACT_CHANNEL_OPTIONS,
  CONTACT_KIND_OPTIONS,
  CONTACT_STATUS_OPTIONS,
  type ContactList,
  type ContactSummary,
} from '../../types/contacts';
import { RegisterContactModal } from './RegisterContactModal';

const PAGE_SIZE = 20;

/** The due date, with overdue and the three-month inspection flag in words as well as colour. */
export function ContactDue({
  item,
}: {
  item: Pick<ContactSummary, 'dueOn' | 'overdue' | 'inspectionFailure'>;
}) {
  return (
    <Space size={4} wrap>
      {item.overdue ? (
        <Tag color="red" icon={<WarningOutlined />}>
          已逾期（{item.dueOn}）
        </Tag>
      ) : (
        <span>{item.dueOn}</span>
      )}
      {item.inspectionFailure ? <Tag color="volcano">超过三个月未答复</Tag> : null}
    </Space>
  );
}

/** 留言咨询投诉: every contact with its channel, receipt date, due date and overdue tag; filters; staff registration. */
export default function ContactListPage() {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [channel, setChannel] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [registerOpen, setRegisterOpen] = useState(false);
  const { data, error, loading, reload } = useApiData<ContactList>(
    withQuery('/admin/contacts', {
      q,
      status,
      kind,
      channel,
      overdue: overdue || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <PageHeader
        title="留言咨询投诉"
        description="领导信箱、咨询、建议、投诉举报和评议：登记、分办、转办、答复审核；答复期限按本机关工作日历计算，评议整改情况在 15 个工作日内反馈。"
        extra={
          data?.canRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegisterOpen(true)}>
              登记来信来电来访
            </Button>
          ) : null
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder="编号或标题"
          aria-label="搜索留言"
          style={{ width: 260 }}
          onSearch={filter(setQ)}
        />
        <Select
          allowClear
          placeholder="类别"
          aria-label="类别"
          style={{ width: 140 }}
          value={kind}
          onChange={filter(setKind)}
          options={[...CONTACT_KIND_OPTIONS]}
        />
        <Select
          allowClear
          placeholder="渠道"
          aria-label="渠道"
          style={{ width: 140 }}
          value={channel}
          onChange={filter(setChannel)}
          options={CONTACT_CHANNEL_OPTIONS.map((c) => ({ value: c.value, label: c.label }))}
        />
        <Select
          allowClear
          placeholder="办理状态"
          aria-label="办理状态"
          style={{ width: 140 }}
          value={status}
          onChange={filter(setStatus)}
          options={[...CONTACT_STATUS_OPTIONS]}
        />
        <Checkbox checked={overdue} onChange={(e) => filter(setOverdue)(e.target.checked)}>
          只看逾期
        </Checkbox>
      </Space>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<ContactSummary>
          rowKey="id"
          loading={loading}
          dataSource={data?.items}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 件`,
          }}
          columns={[
            {
              title: '编号',
              dataIndex: 'trackingNo',
              render: (v: string, r) => <Link to={`/participation/contacts/${r.id}`}>{v}</Link>,
            },
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '标题', dataIndex: 'subject', ellipsis: true },
            { title: '渠道', dataIndex: 'channelLabel' },
            { title: '留言人', dataIndex: 'senderName', render: (v: string | null) => v ?? '—' },
            {
              title: '承办',
              key: 'unit',
              render: (_: unknown, r) => `${r.agencyName}${r.unitName ? ` · ${r.unitName}` : ''}`,
            },
            { title: '收到日期', dataIndex: 'receivedOn' },
            { title: '答复期限', key: 'due', render: (_: unknown, r) => <ContactDue item={r} /> },
            { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
          ]}
        />
      )}
      <RegisterContactModal
        open={registerOpen}
        onClose={() => setRegisterOpen(false)}
        onDone={() => {
          setRegisterOpen(false);
          reload();
        }}
      />
    </>
  );
}
