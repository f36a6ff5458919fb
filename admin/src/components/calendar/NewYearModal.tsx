import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import datePickerZhCN from 'antd/es/date-picker/locale/zh_CN';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import {
  HOLIDAY_NAMES,
  daysOfFestivals,
  type FestivalRow,
  parseDayLines,
  WEEKDAY_LABELS,
  weekdayIndex,
} from '../../lib/calendar';
import { blankToNull } from '../../lib/format';
import type { NewDay } from '../../types/calendar';

type Mode = 'festivals' | 'notice' | 'lines';

interface NewYearValues {
  year: number;
  sourceTitle: string;
  sourceDocumentNo: string | null;
  sourceUrl: string | null;
  publishedOn: Dayjs | null;
  festivals?: { name?: string; range?: [Dayjs, Dayjs] | null; workdays?: Dayjs[] | null }[];
  noticeText?: string;
  lines?: string;
}

/** POST /admin/calendar/notice-preview (server/src/calendar/holiday-notice.ts) */
interface NoticePreview {
  year: number | null;
  sourceTitle: string | null;
  sourceDocumentNo: string | null;
  days: NewDay[];
  problems: string[];
  notes: string[];
}

interface NewYearModalProps {
  defaultYear: number;
  onClose: () => void;
  onCreated: (year: number) => void;
}

const LINES_HELP =
  '每行一条：日期 类型 名称。类型写 holiday（休）或 workday（班）；连续多天可写成 2027-02-06~2027-02-13。';

const toRows = (f: NewYearValues['festivals']): FestivalRow[] =>
  (f ?? []).map((r) => ({
    name: r?.name ?? '',
    from: r?.range?.[0]?.format('YYYY-MM-DD') ?? null,
    to: r?.range?.[1]?.format('YYYY-MM-DD') ?? null,
    workdays: (r?.workdays ?? []).map((d) => d.format('YYYY-MM-DD')),
  }));

/**
 * A new year of the national calendar, from the State Council's notice: each holiday chosen from the
 * statutory list with its days off and make-up working days, or the notice's text pasted and read by
 * the server; the days to be saved are shown before saving.
 */
export function NewYearModal({ defaultYear, onClose, onCreated }: NewYearModalProps) {
  const [form] = Form.useForm<NewYearValues>();
  const [mode, setMode] = useState<Mode>('festivals');
  const [saving, setSaving] = useState(false);
  const [reading, setReading] = useState(false);
  const [notice, setNotice] = useState<NoticePreview | null>(null);
  const handleError = useErrorHandler();
  const year = Form.useWatch('year', form) ?? defaultYear;
  const festivals = Form.useWatch('festivals', form);
  const lines = Form.useWatch('lines', form) ?? '';

  const preview = useMemo((): { days: NewDay[]; errors: string[] } => {
    if (mode === 'notice')
      return notice ? { days: notice.days, errors: notice.problems } : { days: [], errors: [] };
    if (mode === 'lines') return parseDayLines(lines, year);
    return daysOfFestivals(toRows(festivals), year);
  }, [mode, notice, lines, festivals, year]);
  const holidays = preview.days.filter((d) => d.kind === 'holiday').length;

  async function readNotice() {
    const text = (form.getFieldValue('noticeText') as string | undefined)?.trim();
    if (!text) {
      form.setFields([{ name: 'noticeText', errors: ['请粘贴通知原文'] }]);
      return;
    }
    setReading(true);
    try {
      const r = await api.post<NoticePreview>('/admin/calendar/notice-preview', { text, year });
      setNotice(r);
      if (r.year) form.setFieldValue('year', r.year);
      if (r.sourceTitle) form.setFieldValue('sourceTitle', r.sourceTitle);
      if (r.sourceDocumentNo) form.setFieldValue('sourceDocumentNo', r.sourceDocumentNo);
    } catch (err) {
      handleError(err, form);
    } finally {
      setReading(false);
    }
  }

  const onFinish = async (v: NewYearValues) => {
    if (preview.errors.length > 0 || preview.days.length === 0) return;
    setSaving(true);
    try {
      await api.post('/admin/calendar/years', {
        year: v.year,
        sourceTitle: v.sourceTitle.trim(),
        sourceDocumentNo: blankToNull(v.sourceDocumentNo),
        sourceUrl: blankToNull(v.sourceUrl),
        publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null,
        days: preview.days,
      });
      onCreated(v.year);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  const festivalTab = (
    <Form.List name="festivals">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item
                name={[f.name, 'name']}
                label={`节日 ${i + 1}`}
                rules={[{ required: mode === 'festivals', message: '请选择节日' }]}
              >
                <Select
                  style={{ width: 120 }}
                  placeholder="选择节日"
                  options={HOLIDAY_NAMES.map((n) => ({ value: n, label: n }))}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'range']}
                label="放假日期（起止）"
                rules={[{ required: mode === 'festivals', message: '请选择放假起止日期' }]}
              >
                <DatePicker.RangePicker locale={datePickerZhCN} format="YYYY-MM-DD" />
              </Form.Item>
              <Form.Item name={[f.name, 'workdays']} label="调休上班日（可多选）">
                <DatePicker
                  locale={datePickerZhCN}
                  format="YYYY-MM-DD"
                  multiple
                  style={{ minWidth: 180 }}
                  placeholder="无调休不选"
                />
              </Form.Item>
              <MinusCircleOutlined
                aria-label={`删除节日 ${i + 1}`}
                onClick={() => remove(f.name)}
                style={{ marginTop: 36 }}
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ name: HOLIDAY_NAMES[fields.length] })}
            disabled={fields.length >= HOLIDAY_NAMES.length + 2}
          >
            增加节日
          </Button>
        </>
      )}
    </Form.List>
  );

  const noticeTab = (
    <>
      <Form.Item
        name="noticeText"
        label="通知原文"
        extra="从中国政府网复制《国务院办公厅关于XXXX年部分节假日安排的通知》全文粘贴到这里，点“识别通知”后核对下方的日期再保存。"
      >
        <Input.TextArea
          rows={8}
          placeholder={
            '国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：……'
          }
          onChange={() => setNotice(null)}
        />
      </Form.Item>
      <Button onClick={() => void readNotice()} loading={reading}>
        识别通知
      </Button>
      {notice?.notes.map((n) => (
        <Alert key={n} type="info" showIcon title={n} style={{ marginTop: 8 }} />
      ))}
    </>
  );

  const linesTab = (
    <Form.Item label="节假日与调休安排" name="lines" extra={LINES_HELP}>
      <Input.TextArea
        rows={8}
        placeholder={
          '2027-01-01 holiday 元旦\n2027-02-06~2027-02-13 holiday 春节\n2027-02-14 workday 春节调休'
        }
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      width={820}
      title="录入新年度节假日安排"
      okText="保存"
      onOk={() => form.submit()}
      okButtonProps={{ disabled: preview.days.length === 0 || preview.errors.length > 0 }}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year: defaultYear,
          sourceTitle: `国务院办公厅关于${defaultYear}年部分节假日安排的通知`,
          festivals: HOLIDAY_NAMES.map((name) => ({ name })),
        }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<NewYearValues>) => {
          if (changed.year && !form.isFieldTouched('sourceTitle'))
            form.setFieldValue('sourceTitle', `国务院办公厅关于${changed.year}年部分节假日安排的通知`);
        }}
      >
        <Space wrap>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请输入年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item
            label="来源通知标题"
            name="sourceTitle"
            rules={[{ required: true, whitespace: true, message: '请输入来源通知标题' }]}
          >
            <Input maxLength={200} style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="文号" name="sourceDocumentNo">
            <Input maxLength={100} placeholder="例如：国办发明电〔2026〕7号" />
          </Form.Item>
          <Form.Item label="来源网址" name="sourceUrl" rules={[{ type: 'url', message: '网址格式不正确' }]}>
            <Input maxLength={500} placeholder="https://www.gov.cn/…" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label="发布日期" name="publishedOn">
            <DatePicker locale={datePickerZhCN} format="YYYY-MM-DD" />
          </Form.Item>
        </Space>
        <Tabs
          activeKey={mode}
          onChange={(k) => setMode(k as Mode)}
          items={[
            { key: 'festivals', label: '按节日录入', children: festivalTab },
            { key: 'notice', label: '粘贴通知原文导入', children: noticeTab },
            { key: 'lines', label: '逐行录入', children: linesTab },
          ]}
        />
      </Form>
      {preview.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`有 ${preview.errors.length} 处问题，改正后才能保存`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.errors.slice(0, 10).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
          style={{ marginTop: 12 }}
        />
      )}
      {preview.days.length > 0 && (
        <>
          <Alert
            type="info"
            showIcon
            title={`将保存 ${preview.days.length} 天：放假 ${holidays} 天，调休上班 ${preview.days.length - holidays} 天`}
            style={{ marginTop: 12 }}
          />
          <Table<NewDay>
            aria-label="将保存的节假日和调休上班日"
            size="small"
            rowKey="date"
            pagination={false}
            scroll={{ y: 240 }}
            dataSource={preview.days}
            columns={[
              { title: '日期', dataIndex: 'date', width: 120 },
              {
                title: '星期',
                dataIndex: 'date',
                key: 'weekday',
                width: 70,
                render: (d: string) => `周${WEEKDAY_LABELS[weekdayIndex(d)]}`,
              },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 90,
                render: (k: string) => (k === 'holiday' ? <Tag color="red">放假</Tag> : <Tag>调休上班</Tag>),
              },
              { title: '节日', dataIndex: 'name' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
