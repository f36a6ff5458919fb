import { Col, Row } from 'antd';
import { useMemo } from 'react';
import type { EChartOption } from '../EChart';
import type { KeyCount, Statistics } from '../../types/reporting';
import { ChartCard } from './ChartCard';

const RED = '#cf1322';
const total = (items: { count: number }[]) => items.reduce((s, i) => s + i.count, 0);
const describe = (items: KeyCount[]) => items.map((i) => `${i.label} ${i.count}`).join('，');
const monthLabel = (month: string) => `${Number(month.slice(5))}月`;

function barOption(items: KeyCount[], name: string, horizontal = false): EChartOption {
  const category = { type: 'category' as const, data: items.map((i) => i.label), axisLabel: { interval: 0 } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    grid: horizontal
      ? { left: 8, right: 40, top: 8, bottom: 8, containLabel: true }
      : { left: 40, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : { ...category, axisLabel: { interval: 0, width: 84, overflow: 'break' } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        name,
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: horizontal ? 'right' : 'top' },
        data: items.map((i) => i.count),
      },
    ],
  };
}

/** The statistics charts; each falls back to an empty state when its counts are all zero. */
export function StatisticsCharts({ stats }: { stats: Statistics }) {
  const options = useMemo(() => {
    const months = stats.applicationsByMonth.map((m) => monthLabel(m.month));
    const byMonth: EChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '新收', type: 'bar', data: stats.applicationsByMonth.map((m) => m.received) },
        { name: '办结', type: 'bar', data: stats.applicationsByMonth.map((m) => m.closed) },
      ],
    };
    const channel: EChartOption = {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
      series: [
        {
          name: '申请渠道',
          type: 'pie',
          radius: ['28%', '50%'],
          center: ['50%', '50%'],
          label: { formatter: '{b}\n{c} 件（{d}%）', width: 120, overflow: 'truncate' },
          data: stats.byChannel.filter((c) => c.count > 0).map((c) => ({ name: c.label, value: c.count })),
        },
      ],
    };
    const openByDue: EChartOption = {
      ...barOption(stats.openByDue, '在办申请'),
      series: [
        {
          name: '在办申请',
          type: 'bar',
          barMaxWidth: 36,
          label: { show: true, position: 'top', formatter: '{c} 件' },
          data: stats.openByDue.map((i) =>
            i.key === 'overdue'
              ? { value: i.count, itemStyle: { color: RED }, label: { color: RED, fontWeight: 'bold' } }
              : { value: i.count },
          ),
        },
      ],
    };
    const pubMonth: EChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: stats.publicationsByMonth.map((m) => monthLabel(m.month)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '主动公开',
          type: 'line',
          areaStyle: { opacity: 0.15 },
          data: stats.publicationsByMonth.map((m) => m.count),
        },
      ],
    };
    return {
      byMonth,
      channel,
      applicant: barOption(stats.byApplicantType, '申请人'),
      outcome: barOption(stats.byOutcome, '办理结果', true),
      openByDue,
      category: barOption(stats.publicationsByCategory, '主动公开'),
      pubMonth,
    };
  }, [stats]);

  const received = stats.applicationsByMonth.reduce((s, m) => s + m.received + m.closed, 0);
  const published = total(stats.publicationsByMonth);
  const outcomeHeight = Math.max(200, stats.byOutcome.length * 28 + 40);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <ChartCard
          title="申请按月新收与办结"
          option={options.byMonth}
          hasData={received > 0}
          emptyText="本年度暂无政府信息公开申请"
          ariaLabel={`申请按月柱状图：${stats.applicationsByMonth
            .map((m) => `${monthLabel(m.month)}新收 ${m.received} 件、办结 ${m.closed} 件`)
            .join('；')}`}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="申请渠道"
          option={options.channel}
          hasData={total(stats.byChannel) > 0}
          emptyText="本年度暂无申请"
          ariaLabel={`申请渠道饼图：${describe(stats.byChannel)}`}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="申请人类型"
          option={options.applicant}
          hasData={total(stats.byApplicantType) > 0}
          emptyText="本年度暂无申请"
          ariaLabel={`申请人类型柱状图：${describe(stats.byApplicantType)}`}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="办理结果"
          option={options.outcome}
          height={outcomeHeight}
          hasData={total(stats.byOutcome) > 0}
          emptyText="本年度暂无办结的申请"
          ariaLabel={`办理结果条形图：${describe(stats.byOutcome)}`}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="在办申请按答复期限分布"
          option={options.openByDue}
          hasData={total(stats.openByDue) > 0}
          emptyText="当前没有在办的申请"
          ariaLabel={`在办申请按期限分布柱状图：${describe(stats.openByDue)}`}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="主动公开按类别"
          option={options.category}
          hasData={total(stats.publicationsByCategory) > 0}
          emptyText="本年度暂无主动公开信息"
          ariaLabel={`主动公开按类别柱状图：${describe(stats.publicationsByCategory)}`}
        />
      </Col>
      <Col xs={24}>
        <ChartCard
          title="主动公开按月"
          option={options.pubMonth}
          height={240}
          hasData={published > 0}
          emptyText="本年度暂无主动公开信息"
          ariaLabel={`主动公开按月折线图：${stats.publicationsByMonth
            .map((m) => `${monthLabel(m.month)} ${m.count} 条`)
            .join('，')}`}
        />
      </Col>
    </Row>
  );
}
