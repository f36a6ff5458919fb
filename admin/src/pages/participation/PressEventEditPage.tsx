import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, withQuery } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import {
  PRESS_KIND_OPTIONS,
  type PressEventDetail,
  type PressEventKind,
  type PressEventList,
  type Speaker,
} from '../../types/pressEvents';

interface Values {
  agencyId: number;
  kind: PressEventKind;
  topic: string;
  description?: string;
  eventDate: Dayjs;
  startTime: Dayjs;
  place?: string;
  onlineUrl?: string;
  speakers: Speaker[];
}

/** Create or edit a press conference or online interview (until it is held). */
export default function PressEventEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const existing = useApiData<PressEventDetail>(id ? `/admin/press-events/${id}` : null);
  const list = useApiData<PressEventList>(id ? null : withQuery('/admin/press-events', { limit: 1 }));

  useEffect(() => {
    const d = existing.data;
    if (d)
      form.setFieldsValue({
        agencyId: d.agencyId,
        kind: d.kind,
        topic: d.topic,
        description: d.description,
        eventDate: dayjs(d.eventDate),
        startTime: dayjs(`${d.eventDate}T${d.startTime}`),
        place: d.place ?? undefined,
        onlineUrl: d.onlineUrl ?? undefined,
        speakers: d.speakers,
      });
  }, [existing.data, form]);

  useEffect(() => {
    const first = list.data?.creatableAgencies[0];
    if (first && !form.getFieldValue('agencyId')) form.setFieldValue('agencyId', first.id);
  }, [list.data, form]);

  const onFinish = async (v: Values) => {
    setBusy(true);
    const body = {
      kind: v.kind,
      topic: v.topic,
      description: v.description ?? '',
      eventDate: v.eventDate.format('YYYY-MM-DD'),
      startTime: v.startTime.format('HH:mm'),
      place: v.place?.trim() || null,
      onlineUrl: v.onlineUrl?.trim() || null,
      speakers: v.speakers.map((s) => ({ name: s.name ?? '', title: s.title ?? '' })),
    };
    try {
      const saved = id
        ? await api.put<PressEventDetail>(`/admin/press-events/${id}`, body)
        : await api.post<PressEventDetail>('/admin/press-events', { agencyId: v.agencyId, ...body });
      navigate(`/participation/press/${saved.id}`);
    } catch (err) {
      onError(err, form);
    } finally {
      setBusy(false);
    }
  };

  if (existing.error) return <LoadError error={existing.error} onRetry={existing.reload} />;
  return (
    <>
      <PageHeader
        title={id ? '修改发布会或访谈' : '新建发布会或访谈'}
        description="保存为计划；发布预告后在网站公开并开始征集网民问题。发布人为公职人员，姓名和职务公开。"
      />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'press_conference', speakers: [{ name: '', title: '' }] }}
          onFinish={onFinish}
          style={{ maxWidth: 900 }}
        >
          {!id && (
            <Form.Item label="机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
              <Select
                options={(list.data?.creatableAgencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          )}
          <Form.Item label="形式" name="kind" rules={[{ required: true, message: '请选择形式' }]}>
            <Select options={PRESS_KIND_OPTIONS} />
          </Form.Item>
          <Form.Item
            label="主题"
            name="topic"
            rules={[{ required: true, whitespace: true, message: '请填写主题' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item
              label="举办日期"
              name="eventDate"
              rules={[{ required: true, message: '请选择举办日期' }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              label="开始时间"
              name="startTime"
              rules={[{ required: true, message: '请选择开始时间' }]}
            >
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
          </Space>
          <Form.Item label="地点" name="place" extra="现场举办的填写地点；在线访谈可只填链接。">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="在线访谈链接" name="onlineUrl">
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
          <Form.Item label="发布人" required>
            <Form.List name="speakers">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
                      >
                        <Input placeholder="姓名" aria-label="发布人姓名" maxLength={50} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'title']}
                        rules={[{ required: true, whitespace: true, message: '请填写职务' }]}
                      >
                        <Input
                          placeholder="职务"
                          aria-label="发布人职务"
                          maxLength={100}
                          style={{ width: 320 }}
                        />
                      </Form.Item>
                      {fields.length > 1 && (
                        <MinusCircleOutlined aria-label="删除发布人" onClick={() => remove(f.name)} />
                      )}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '' })}>
                    添加发布人
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item label="简介" name="description">
            <Input.TextArea rows={4} maxLength={10_000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
