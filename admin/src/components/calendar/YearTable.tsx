import { Button, Space, Table, type TableColumnsType } from 'antd';
import type { CalendarYear } from '../../types/calendar';

interface YearTableProps {
  years: CalendarYear[];
  loading: boolean;
  selectedYear: number | null;
  onSelect: (year: number) => void;
  onEditSource: (year: CalendarYear) => void;
}

export function YearTable({ years, loading, selectedYear, onSelect, onEditSource }: YearTableProps) {
  const columns: TableColumnsType<CalendarYear> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    {
      title: '来源通知',
      key: 'source',
      render: (_, y) => (
        <>
          {y.sourceUrl ? (
            <a href={y.sourceUrl} target="_blank" rel="noreferrer noopener">
              {y.sourceTitle}
            </a>
          ) : (
            y.sourceTitle
          )}
          {y.sourceDocumentNo ? `（${y.sourceDocumentNo}）` : ''}
        </>
      ),
    },
    { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
    { title: '放假', dataIndex: 'holidayCount', width: 70, align: 'right', render: (n: number) => `${n} 天` },
    {
      title: '调休上班',
      dataIndex: 'workdayCount',
      width: 90,
      align: 'right',
      render: (n: number) => `${n} 天`,
    },
    {
      title: '全年工作日',
      dataIndex: 'workingDays',
      width: 100,
      align: 'right',
      render: (n: number) => `${n} 天`,
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, y) => (
        <Space size={4}>
          <Button
            size="small"
            type={y.year === selectedYear ? 'primary' : 'default'}
            onClick={() => onSelect(y.year)}
          >
            {y.year === selectedYear ? '查看中' : '查看日历'}
          </Button>
          <Button size="small" onClick={() => onEditSource(y)}>
            编辑来源
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<CalendarYear>
      rowKey="year"
      size="small"
      columns={columns}
      dataSource={years}
      loading={loading}
      pagination={false}
      locale={{ emptyText: '尚未录入任何年度的节假日安排' }}
      scroll={{ x: 800 }}
    />
  );
}
