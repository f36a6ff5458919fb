import { Alert, App, Button, Card, Col, Flex, Form, Row, Spin } from 'antd';
import { useState } from 'react';
import { withQuery } from '../api';
import { AgencyTreeSelect } from '../components/AgencyTreeSelect';
import { CalendarLegend } from '../components/calendar/CalendarLegend';
import { DayEditModal } from '../components/calendar/DayEditModal';
import { DeadlineCalculator } from '../components/calendar/DeadlineCalculator';
import { NewYearModal } from '../components/calendar/NewYearModal';
import { YearCalendar } from '../components/calendar/YearCalendar';
import { YearSourceModal } from '../components/calendar/YearSourceModal';
import { YearTable } from '../components/calendar/YearTable';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { useAgencies } from '../hooks/useAgencies';
import { useApiData } from '../hooks/useApiData';
import type { CalendarYear, CalendarYearDetail, CalendarYearList } from '../types/calendar';

type Dialog =
  | { kind: 'new-year' }
  | { kind: 'source'; year: CalendarYear }
  | { kind: 'day'; date: string }
  | null;

function defaultYear(list: CalendarYearList | undefined): number | null {
  if (!list || list.items.length === 0) return null;
  const current = new Date().getFullYear();
  return list.items.some((y) => y.year === current) ? current : Math.max(...list.items.map((y) => y.year));
}

export default function CalendarPage() {
  const years = useApiData<CalendarYearList>('/admin/calendar/years');
  const { tree, byId } = useAgencies();
  const [pickedYear, setPickedYear] = useState<number | null>(null);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { message } = App.useApp();

  const year = pickedYear ?? defaultYear(years.data);
  const detail = useApiData<CalendarYearDetail>(
    year === null ? null : withQuery(`/admin/calendar/years/${year}`, { agencyId }),
  );
  const days = detail.data?.year === year ? detail.data.days : [];
  const nextYear = years.data?.nextYear ?? new Date().getFullYear() + 1;
  const openNewYear = () => setDialog({ kind: 'new-year' });

  return (
    <>
      <PageHeader
        title="工作日历"
        description="法定节假日与调休安排决定所有按工作日计算的期限。每年国务院办公厅发布下一年度的节假日安排后，请及时录入。"
        extra={
          <Button type="primary" onClick={openNewYear}>
            录入新年度
          </Button>
        }
      />
      <Flex vertical gap={16}>
        {years.data?.missingNextYear && (
          <Alert
            type="warning"
            showIcon
            title={`${nextYear} 年节假日安排尚未录入`}
            description="未录入前，跨入该年度的期限无法按工作日计算。国务院办公厅发布通知后请尽快录入。"
            action={<Button onClick={openNewYear}>立即录入</Button>}
          />
        )}
        {years.error && <LoadError error={years.error} onRetry={years.reload} />}
        <Card title="已录入年度" size="small">
          <YearTable
            years={years.data?.items ?? []}
            loading={years.loading}
            selectedYear={year}
            onSelect={setPickedYear}
            onEditSource={(y) => setDialog({ kind: 'source', year: y })}
          />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={17}>
            <Card
              title={year === null ? '日历' : `${year} 年日历`}
              size="small"
              extra={
                <Form layout="inline">
                  <Form.Item
                    label="同时显示机关的地方安排"
                    htmlFor="calendar-agency"
                    style={{ marginInlineEnd: 0 }}
                  >
                    <AgencyTreeSelect
                      id="calendar-agency"
                      tree={tree}
                      value={agencyId}
                      onChange={setAgencyId}
                      placeholder="仅全国安排"
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                </Form>
              }
            >
              <CalendarLegend />
              {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
              {year !== null && (
                <Spin spinning={detail.loading}>
                  <YearCalendar year={year} days={days} onPick={(date) => setDialog({ kind: 'day', date })} />
                </Spin>
              )}
            </Card>
          </Col>
          <Col xs={24} xxl={7}>
            <DeadlineCalculator tree={tree} byId={byId} />
          </Col>
        </Row>
      </Flex>
      {dialog?.kind === 'new-year' && (
        <NewYearModal
          defaultYear={nextYear}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            void message.success(`${created} 年节假日安排已录入`);
            setDialog(null);
            setPickedYear(created);
            years.reload();
          }}
        />
      )}
      {dialog?.kind === 'source' && (
        <YearSourceModal
          year={dialog.year}
          onClose={() => setDialog(null)}
          onSaved={() => {
            void message.success('来源信息已保存');
            setDialog(null);
            years.reload();
          }}
        />
      )}
      {dialog?.kind === 'day' && (
        <DayEditModal
          date={dialog.date}
          entries={days.filter((d) => d.date === dialog.date)}
          tree={tree}
          onClose={() => setDialog(null)}
          onChanged={() => {
            detail.reload();
            years.reload();
          }}
        />
      )}
    </>
  );
}
