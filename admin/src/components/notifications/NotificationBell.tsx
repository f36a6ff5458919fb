import { BellOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Empty, Flex, List, Segmented, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ApiError, api, isAbortError, toApiError, withQuery } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useTodo } from '../../hooks/useTodo';
import { formatDateTime } from '../../lib/format';
import type { Inbox, InboxItem } from '../../types/notifications';
import { LoadError } from '../LoadError';

const POLL_MS = 60_000;
const PAGE = 20;

/** The SPA route of a notification's link (links are /admin/… paths; the router's basename is /admin). */
function routeOf(link: string): string {
  return link.startsWith('/admin/') ? link.slice('/admin'.length) : link;
}

/** The bell in the header: unread count, and a drawer with my notifications (提醒) linking to the case or report. */
export function NotificationBell() {
  const navigate = useNavigate();
  const onError = useErrorHandler();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<'all' | 'unread'>('unread');
  const [page, setPage] = useState(1);
  const [inbox, setInbox] = useState<Inbox>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const { data: todo } = useTodo();
  const overdue = todo?.groups.find((g) => g.key === 'overdue')?.count ?? 0;

  // the unread count, polled while the app is open
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      api
        .get<Inbox>(withQuery('/admin/notifications', { unreadOnly: true, limit: 1 }), {
          signal: controller.signal,
        })
        .then(
          (r) => setUnread(r.unread),
          () => undefined,
        );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, []);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setLoading(true);
    api
      .get<Inbox>(
        withQuery('/admin/notifications', {
          unreadOnly: filter === 'unread' ? true : undefined,
          limit: PAGE,
          offset: (page - 1) * PAGE,
        }),
        { signal: controller.signal },
      )
      .then(
        (r) => {
          setInbox(r);
          setUnread(r.unread);
          setError(undefined);
          setLoading(false);
        },
        (err: unknown) => {
          if (isAbortError(err)) return;
          setError(toApiError(err));
          setLoading(false);
        },
      );
    return () => controller.abort();
  }, [open, filter, page, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const markRead = async (n: InboxItem) => {
    if (n.readAt !== null) return;
    const r = await api.post<{ unread: number }>(`/admin/notifications/${n.id}/read`);
    setUnread(r.unread);
  };

  const openItem = async (n: InboxItem) => {
    try {
      await markRead(n);
      if (n.link) {
        setOpen(false);
        navigate(routeOf(n.link));
      } else reload();
    } catch (err) {
      onError(err);
    }
  };

  const readAll = async () => {
    try {
      await api.post('/admin/notifications/read-all');
      setUnread(0);
      reload();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <>
      {/* an overdue to-do shows as a dot even with every notification read */}
      <Badge count={unread} dot={unread === 0 && overdue > 0} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={`${unread > 0 ? `通知（${unread} 条未读）` : '通知'}${overdue > 0 ? `，待办已逾期 ${overdue} 项` : ''}`}
          data-testid="notification-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        title="我的通知"
        open={open}
        onClose={() => setOpen(false)}
        size={420}
        extra={
          <Button size="small" onClick={() => void readAll()} disabled={unread === 0}>
            全部标为已读
          </Button>
        }
      >
        <Flex vertical gap={12}>
          {todo && todo.total > 0 && (
            <Alert
              type={overdue > 0 ? 'error' : 'info'}
              showIcon
              data-testid="bell-todo"
              title={
                <span>
                  我的待办 {todo.total} 项{overdue > 0 ? `，其中已逾期 ${overdue} 项` : ''}。{' '}
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setOpen(false);
                      navigate('/');
                    }}
                  >
                    查看待办
                  </Button>
                </span>
              }
            />
          )}
          <Segmented
            value={filter}
            onChange={(v) => {
              setFilter(v as 'all' | 'unread');
              setPage(1);
            }}
            options={[
              { value: 'unread', label: `未读（${unread}）` },
              { value: 'all', label: '全部' },
            ]}
          />
          {error && <LoadError error={error} onRetry={reload} />}
          <List<InboxItem>
            loading={loading}
            dataSource={inbox?.items ?? []}
            locale={{ emptyText: <Empty description={filter === 'unread' ? '没有未读通知' : '暂无通知'} /> }}
            pagination={
              (inbox?.total ?? 0) > PAGE
                ? { current: page, pageSize: PAGE, total: inbox?.total, onChange: setPage, size: 'small' }
                : false
            }
            renderItem={(n) => (
              <List.Item
                data-testid="notification-item"
                style={{ cursor: 'pointer', opacity: n.readAt ? 0.65 : 1 }}
                onClick={() => void openItem(n)}
                actions={
                  n.readAt === null
                    ? [
                        <Button
                          key="read"
                          type="link"
                          size="small"
                          onClick={(e) => {
                            e.stopPropagation();
                            void markRead(n).then(reload, onError);
                          }}
                        >
                          标为已读
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Typography.Text strong={n.readAt === null}>
                      {n.readAt === null && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                      {n.title}
                    </Typography.Text>
                  }
                  description={
                    <>
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {n.body.split('\n')[0]}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Flex>
      </Drawer>
    </>
  );
}
