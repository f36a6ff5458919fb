import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { blankToNull } from '../../lib/format';
import type { CalendarYear } from '../../types/calendar';

interface SourceValues {
  sourceTitle: string;
  sourceDocumentNo: string | null;
  sourceUrl: string | null;
  publishedOn: Dayjs | null;
}

/** Edits where a year's arrangement came from (the State Council notice). */
export function YearSourceModal({
  year,
  onClose,
  onSaved,
}: {
  year: CalendarYear;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<SourceValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useErrorHandler();

  const onFinish = async (v: SourceValues) => {
    setSaving(true);
    try {
      await api.patch(`/admin/calendar/years/${year.year}`, {
        sourceTitle: v.sourceTitle.trim(),
        sourceDocumentNo: blankToNull(v.sourceDocumentNo),
        sourceUrl: blankToNull(v.sourceUrl),
        publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null,
      });
      onSaved();
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${year.year} 年安排的来源`}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ ...year, publishedOn: year.publishedOn ? dayjs(year.publishedOn) : null }}
      >
        <Form.Item
          label="来源通知标题"
          name="sourceTitle"
          rules={[{ required: true, whitespace: true, message: '请输入来源通知标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="文号" name="sourceDocumentNo">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="来源网址" name="sourceUrl" rules={[{ type: 'url', message: '网址格式不正确' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label="发布日期" name="publishedOn">
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
