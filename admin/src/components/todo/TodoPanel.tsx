import { Badge, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { TodoList } from '../../types/todo';

/** 我的待办 on the 工作台: one card per group with a count, each entry linking to the page where the step is taken. */
export function TodoPanel({ todo }: { todo: TodoList }) {
  const groups = todo.groups.filter((g) => g.count > 0);
  return (
    <section aria-labelledby="todo-title" data-testid="todo">
      <Typography.Title level={4} id="todo-title" style={{ marginTop: 0 }}>
        我的待办{' '}
        <Badge
          count={todo.total}
          showZero
          color={todo.total > 0 ? '#cf1322' : '#8c8c8c'}
          aria-label={`共 ${todo.total} 项`}
        />
      </Typography.Title>
      {groups.length === 0 ? (
        <Card>
          <Empty description="暂无待办事项" />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {groups.map((g) => (
            <Card
              key={g.key}
              size="small"
              data-testid={`todo-${g.key}`}
              title={
                <span>
                  {g.label} <Tag color={g.key === 'overdue' ? 'red' : 'blue'}>{g.count}</Tag>
                </span>
              }
            >
              <List
                size="small"
                dataSource={g.items}
                renderItem={(i) => (
                  <List.Item>
                    <Flex wrap gap={8} align="baseline" style={{ width: '100%' }}>
                      <Link to={i.href} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
                        {i.title}
                      </Link>
                      <Typography.Text type="secondary">{i.action}</Typography.Text>
                      {i.dueOn && (
                        <Typography.Text
                          type={i.overdue ? 'danger' : undefined}
                          style={{ marginLeft: 'auto' }}
                        >
                          {i.overdue ? `已逾期（期限 ${i.dueOn}）` : `期限 ${i.dueOn}`}
                        </Typography.Text>
                      )}
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          ))}
        </Flex>
      )}
    </section>
  );
}
