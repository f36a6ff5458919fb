import { App, Button, Form, Input, Modal, Popconfirm, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { AgencyNode } from '../../lib/agencyTree';
import { isWeekend } from '../../lib/calendar';
import { blankToNull } from '../../lib/format';
import type { CalendarDay, DayKind } from '../../types/calendar';
import { AgencyTreeSelect } from '../AgencyTreeSelect';

interface DayValues {
  kind: DayKind;
  name: string;
  note: string | null;
  scope: 'national' | 'agency';
  agencyId: number | null;
}

interface DayEditModalProps {
  date: string;
  entries: CalendarDay[];
  tree: AgencyNode[];
  onClose: () => void;
  onChanged: () => void;
}

function recomputedText(n: number): string {
  return n > 0 ? `，已重新计算 ${n} 个受影响的期限` : '';
}

export function DayEditModal({ date, entries, tree, onClose, onChanged }: DayEditModalProps) {
  const [form] = Form.useForm<DayValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useErrorHandler();
  const scope = Form.useWatch('scope', form);
  const first = entries[0];

  const initialValues: DayValues = first
    ? {
        kind: first.kind,
        name: first.name,
        note: first.note,
        scope: first.agencyId ? 'agency' : 'national',
        agencyId: first.agencyId,
      }
    : {
        kind: isWeekend(date) ? 'workday' : 'holiday',
        name: '',
        note: null,
        scope: 'national',
        agencyId: null,
      };

  const onFinish = async (v: DayValues) => {
    setSaving(true);
    try {
      const body = {
        date,
        kind: v.kind,
        name: v.name.trim(),
        note: blankToNull(v.note),
        agencyId: v.scope === 'agency' ? v.agencyId : null,
      };
      const { recomputedDeadlines } = await api.put<{ recomputedDeadlines: number }>(
        '/admin/calendar/days',
        body,
      );
      void message.success(`${date} 已保存${recomputedText(recomputedDeadlines)}`);
      onChanged();
      onClose();
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (entry: CalendarDay) => {
    try {
      const { recomputedDeadlines } = await api.delete<{ recomputedDeadlines: number }>(
        `/admin/calendar/days/${entry.id}`,
      );
      void message.success(`已删除“${entry.name}”${recomputedText(recomputedDeadlines)}`);
      onChanged();
      onClose();
    } catch (err) {
      handleError(err);
    }
  };

  return (
    <Modal
      open
      title={`修正 ${date} 的安排`}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {entries.length > 0 && (
        <>
          <Typography.Text strong>当前安排</Typography.Text>
          <Table<CalendarDay>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={entries}
            style={{ margin: '8px 0 16px' }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              {
                title: '类型',
                dataIndex: 'kind',
                render: (k: DayKind) => (k === 'holiday' ? '休（放假）' : '班（调休上班）'),
              },
              { title: '范围', key: 'scope', render: (_, d) => d.agencyName ?? '全国' },
              {
                title: '操作',
                key: 'actions',
                render: (_, d) => (
                  <Popconfirm
                    title="删除该安排？"
                    description="删除后该日按默认规则（周一至周五上班、周末休息）计算。"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove(d)}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </>
      )}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
          <Radio.Group
            aria-label="类型"
            options={[
              { value: 'holiday', label: '休（放假）' },
              { value: 'workday', label: '班（调休上班）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称，例如“春节”' }]}
        >
          <Input maxLength={50} placeholder="例如：春节、国庆节调休" />
        </Form.Item>
        <Form.Item label="适用范围" name="scope">
          <Radio.Group
            aria-label="适用范围"
            options={[
              { value: 'national', label: '全国' },
              { value: 'agency', label: '指定机关（地方节假日）' },
            ]}
          />
        </Form.Item>
        {scope === 'agency' && (
          <Form.Item
            label="机关"
            name="agencyId"
            extra="地方性安排，只适用于所选机关"
            rules={[{ required: true, message: '请选择机关' }]}
          >
            <AgencyTreeSelect tree={tree} />
          </Form.Item>
        )}
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={200} placeholder="例如：依据某某通知调整" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
