import { Alert, Button, Card, DatePicker, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, toApiError, withQuery } from '../../api';
import type { AgencyNode } from '../../lib/agencyTree';
import type { Agency } from '../../types/agency';
import { AgencyTreeSelect } from '../AgencyTreeSelect';

interface CalcValues {
  from: Dayjs;
  days: number;
  agencyId: number | null;
}

interface DeadlineCalculatorProps {
  tree: AgencyNode[];
  byId: Map<number, Agency>;
}

type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/** 期限计算器: a start date plus N working days, optionally with an agency's local holidays. */
export function DeadlineCalculator({ tree, byId }: DeadlineCalculatorProps) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: CalcValues) => {
    setBusy(true);
    const from = v.from.format('YYYY-MM-DD');
    const agency = v.agencyId ? byId.get(v.agencyId) : undefined;
    try {
      const { due } = await api.get<{ due: string }>(
        withQuery('/calendar/due', { from, days: v.days, agency: agency?.code }),
      );
      const weekday = dayjs(due).format('dddd');
      setOutcome({
        ok: true,
        text: `自 ${from} 起 ${v.days} 个工作日，截止日期为 ${due}（${weekday}）${agency ? `，已计入${agency.name}的地方安排` : ''}。`,
      });
    } catch (err) {
      setOutcome({ ok: false, text: toApiError(err).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="期限计算器" size="small">
      <Form<CalcValues>
        layout="vertical"
        initialValues={{ from: dayjs(), days: 20, agencyId: null }}
        onFinish={onFinish}
      >
        <Form.Item
          label="起算日期"
          name="from"
          rules={[{ required: true, message: '请选择起算日期' }]}
          extra="例如收到申请之日"
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="工作日数" name="days" rules={[{ required: true, message: '请输入工作日数' }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="机关（可选）" name="agencyId" extra="选择后计入该机关的地方节假日">
          <AgencyTreeSelect tree={tree} placeholder="仅按全国安排计算" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          计算截止日期
        </Button>
      </Form>
      {outcome && (
        <Alert
          role="status"
          style={{ marginTop: 16 }}
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={outcome.ok ? '计算结果' : '无法计算'}
          description={outcome.text}
        />
      )}
    </Card>
  );
}
