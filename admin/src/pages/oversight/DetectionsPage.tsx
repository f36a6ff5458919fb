import {
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api';
import type { EChartOption } from '../../components/EChart';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import type { DetectionItem, DetectionList, DetectionState } from '../../types/oversight';

const EChart = lazy(() => import('../../components/EChart').then((m) => ({ default: m.EChart })));

const PAGE_SIZE = 50;

function routeOf(link: string): string {
  return link.startsWith('/admin/') ? link.slice('/admin'.length) : link;
}

const STATE_OPTIONS = [
  { value: 'open', label: '未纠正' },
  { value: 'resolved', label: '已纠正（逾期完成）' },
];

/**
 * 违规自动发现: the violations the platform finds in its own records each day, for the user's own
 * agency and the agencies it supervises (server/src/oversight/detection.ts lists the rules).
 */
export default function DetectionsPage() {
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agencyId') ? Number(params.get('agencyId')) : undefined;
  const kind = params.get('kind') ?? undefined;
  const state = (params.get('state') as DetectionState | null) ?? 'open';
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApiData<DetectionList>(
    withQuery('/admin/oversight/detections', {
      agencyId,
      kind,
      state,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  // the agency choices: those with detections, remembered from the unfiltered view
  const [agencies, setAgencies] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    if (data && agencyId === undefined)
      setAgencies(data.byAgency.map((a) => ({ value: a.agencyId, label: a.agencyName })));
  }, [data, agencyId]);

  const setFilter = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
    setPage(1);
  };

  const columns = useMemo<TableColumnsType<DetectionItem>>(
    () => [
      {
        title: '类型',
        dataIndex: 'kindLabel',
        width: 190,
        render: (label: string, row) => (
          <Space direction="vertical" size={0}>
            <span>{label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.basis}
            </Typography.Text>
          </Space>
        ),
      },
      { title: '机关', dataIndex: 'agencyName', width: 180 },
      {
        title: '记录',
        dataIndex: 'title',
        render: (title: string, row) => <Link to={routeOf(row.link)}>{title}</Link>,
      },
      { title: '期限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '—' },
      { title: '首次发现', dataIndex: 'firstSeenOn', width: 110 },
      {
        title: '状态',
        dataIndex: 'resolvedOn',
        width: 170,
        render: (resolvedOn: string | null, row) =>
          resolvedOn ? (
            <Tag color="orange">{resolvedOn} 已纠正</Tag>
          ) : (
            <Tag color="error">
              未纠正
              {typeof row.detail.workingDaysLate === 'number'
                ? `（已超 ${row.detail.workingDaysLate} 个工作日）`
                : ''}
            </Tag>
          ),
      },
    ],
    [],
  );

  const chart = useMemo<EChartOption | null>(() => {
    if (!data || data.byKind.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 64 },
      xAxis: {
        type: 'category',
        data: data.byKind.map((k) => k.label),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '未纠正',
          type: 'bar',
          stack: 'n',
          itemStyle: { color: '#cf1322' },
          data: data.byKind.map((k) => k.open),
        },
        {
          name: '已纠正',
          type: 'bar',
          stack: 'n',
          itemStyle: { color: '#faad14' },
          data: data.byKind.map((k) => k.resolved),
        },
      ],
    };
  }, [data]);

  return (
    <>
      <PageHeader
        title="违规自动发现"
        description={`平台每天根据自身办理记录，按各机关的工作日历和规则配置，自动发现主动公开超期、依申请公开逾期答复、补正告知超期、目录和指南未及时更新、年度报告未按期公布、未经保密审查发布等情况。${data?.lastRunOn ? `最近一次检查：${data.lastRunOn}。` : ''}`}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Space wrap>
            <label htmlFor="detections-agency">机关</label>
            <Select
              id="detections-agency"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部机关"
              style={{ width: 220 }}
              value={agencyId}
              options={agencies}
              onChange={(v?: number) => setFilter('agencyId', v)}
            />
            <label htmlFor="detections-kind">类型</label>
            <Select
              id="detections-kind"
              allowClear
              placeholder="全部类型"
              style={{ width: 220 }}
              value={kind}
              options={(data?.kinds ?? []).map((k) => ({ value: k.kind, label: k.label }))}
              onChange={(v?: string) => setFilter('kind', v)}
            />
            <label htmlFor="detections-state">状态</label>
            <Select
              id="detections-state"
              style={{ width: 180 }}
              value={state}
              options={STATE_OPTIONS}
              onChange={(v: string) => setFilter('state', v)}
            />
          </Space>
        </Card>
        {error && <LoadError error={error} onRetry={reload} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title="按类型统计">
              {chart ? (
                <Suspense fallback={<Skeleton active />}>
                  <EChart option={chart} height={280} ariaLabel="各类型违规发现数量柱状图" />
                </Suspense>
              ) : (
                <Empty description="没有发现违规情况" />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title="按机关统计">
              <Table
                rowKey="agencyId"
                size="small"
                loading={loading}
                pagination={false}
                dataSource={data?.byAgency ?? []}
                locale={{ emptyText: '没有发现违规情况' }}
                columns={[
                  {
                    title: '机关',
                    dataIndex: 'agencyName',
                    render: (name: string, row) => (
                      <Typography.Link onClick={() => setFilter('agencyId', row.agencyId)}>
                        {name}
                      </Typography.Link>
                    ),
                  },
                  { title: '未纠正', dataIndex: 'open', align: 'right', width: 80 },
                  { title: '已纠正', dataIndex: 'resolved', align: 'right', width: 80 },
                ]}
              />
            </Card>
          </Col>
        </Row>
        <Card size="small" title={`违规发现清单（${data?.total ?? 0} 条）`}>
          <Table<DetectionItem>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '没有符合条件的违规发现' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
          />
        </Card>
      </Flex>
    </>
  );
}
