import { Alert, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { parseDayLines } from '../../lib/calendar';
import { blankToNull } from '../../lib/format';

interface NewYearValues {
  year: number;
  sourceTitle: string;
  sourceDocumentNo: string | null;
  sourceUrl: string | null;
  publishedOn: Dayjs | null;
  lines: string;
}

interface NewYearModalProps {
  defaultYear: number;
  onClose: () => void;
  onCreated: (year: number) => void;
}

const LINES_HELP =
  '每行一条：日期 类型 名称。类型写 holiday（休）或 workday（班）；连续多天可写成 2027-02-06~2027-02-13。';

export function NewYearModal({ defaultYear, onClose, onCreated }: NewYearModalProps) {
  const [form] = Form.useForm<NewYearValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useErrorHandler();
  const year = Form.useWatch('year', form) ?? defaultYear;
  const lines = Form.useWatch('lines', form) ?? '';
  const parsed = useMemo(() => parseDayLines(lines, year), [lines, year]);
  const holidays = parsed.days.filter((d) => d.kind === 'holiday').length;

  const onFinish = async (v: NewYearValues) => {
    setSaving(true);
    try {
      await api.post('/admin/calendar/years', {
        year: v.year,
        sourceTitle: v.sourceTitle.trim(),
        sourceDocumentNo: blankToNull(v.sourceDocumentNo),
        sourceUrl: blankToNull(v.sourceUrl),
        publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null,
        days: parseDayLines(v.lines, v.year).days,
      });
      onCreated(v.year);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={680}
      title="录入新年度节假日安排"
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year: defaultYear,
          sourceTitle: `国务院办公厅关于${defaultYear}年部分节假日安排的通知`,
        }}
        onFinish={onFinish}
      >
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请输入年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          label="来源通知标题"
          name="sourceTitle"
          rules={[{ required: true, whitespace: true, message: '请输入来源通知标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="文号" name="sourceDocumentNo">
          <Input maxLength={100} placeholder="例如：国办发明电〔2026〕7号" />
        </Form.Item>
        <Form.Item label="来源网址" name="sourceUrl" rules={[{ type: 'url', message: '网址格式不正确' }]}>
          <Input maxLength={500} placeholder="https://www.gov.cn/…" />
        </Form.Item>
        <Form.Item label="发布日期" name="publishedOn">
          <DatePicker />
        </Form.Item>
        <Form.Item
          label="节假日与调休安排"
          name="lines"
          extra={LINES_HELP}
          rules={[
            { required: true, message: '请粘贴节假日与调休安排' },
            {
              validator: (_, value: string | undefined) => {
                const result = parseDayLines(value ?? '', form.getFieldValue('year') ?? null);
                if (result.errors.length > 0)
                  return Promise.reject(new Error(result.errors.slice(0, 5).join('；')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea
            rows={10}
            placeholder={
              '2027-01-01 holiday 元旦\n2027-02-06~2027-02-13 holiday 春节\n2027-02-14 workday 春节调休'
            }
          />
        </Form.Item>
      </Form>
      {parsed.days.length > 0 && (
        <Alert
          type={parsed.errors.length > 0 ? 'warning' : 'info'}
          showIcon
          title={`已识别 ${parsed.days.length} 天：放假 ${holidays} 天，调休上班 ${parsed.days.length - holidays} 天${
            parsed.errors.length > 0 ? `；另有 ${parsed.errors.length} 处问题` : ''
          }`}
        />
      )}
    </Modal>
  );
}
