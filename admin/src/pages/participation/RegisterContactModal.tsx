import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useMyAgencies } from '../../hooks/useMyAgencies';
import { validateForm } from '../../lib/validateForm';
import { CONTACT_CHANNEL_OPTIONS, CONTACT_KIND_OPTIONS, type ContactDetail } from '../../types/contacts';

const OFFICE: readonly string[] = ['disclosure_office'];

interface Values {
  agencyId: number;
  kind: string;
  channel: string;
  subject: string;
  body: string;
  senderName?: string;
  senderContact?: string;
  publishConsent?: boolean;
  submittedOn: Dayjs;
  signedForOn?: Dayjs;
  confirmedOn?: Dayjs;
}

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Staff registration of a letter, call, visit or e-mail (date of receipt per channel). */
export function RegisterContactModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const onError = useErrorHandler();
  const navigate = useNavigate();
  const agencies = useMyAgencies(OFFICE);
  const channel = Form.useWatch('channel', form);
  const rule = CONTACT_CHANNEL_OPTIONS.find((c) => c.value === channel)?.receipt;

  async function submit() {
    const v = await validateForm(form);
    if (!v) return;
    setSaving(true);
    try {
      const created = await api.post<ContactDetail>('/admin/contacts', {
        agencyId: v.agencyId,
        kind: v.kind,
        channel: v.channel,
        subject: v.subject,
        body: v.body,
        senderName: v.senderName || null,
        senderContact: v.senderContact || null,
        publishConsent: v.publishConsent ?? false,
        submittedOn: day(v.submittedOn),
        signedForOn: day(v.signedForOn),
        confirmedOn: day(v.confirmedOn),
      });
      form.resetFields();
      onDone();
      navigate(`/participation/contacts/${created.id}`);
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="登记来信、来电、来访或电子邮件"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="登记"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ agencyId: agencies[0]?.value, kind: 'consultation' }}
      >
        <Form.Item name="agencyId" label="受理机关" rules={[{ required: true, message: '请选择受理机关' }]}>
          <Select options={agencies} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={[...CONTACT_KIND_OPTIONS]} />
        </Form.Item>
        <Form.Item
          name="channel"
          label="渠道"
          rules={[{ required: true, message: '请选择渠道' }]}
          extra={rule}
        >
          <Select options={CONTACT_CHANNEL_OPTIONS.map((c) => ({ value: c.value, label: c.label }))} />
        </Form.Item>
        <Form.Item
          name="submittedOn"
          label="来信来访日期"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {channel === 'letter' ? (
          <Form.Item
            name="signedForOn"
            label="签收日期"
            rules={[{ required: true, message: '来信须填写签收日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {channel === 'email' ? (
          <Form.Item
            name="confirmedOn"
            label="确认日期"
            rules={[{ required: true, message: '电子邮件须填写确认日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="subject"
          label="标题"
          rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="body"
          label="内容"
          rules={[{ required: true, whitespace: true, message: '请填写内容' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="senderName" label="姓名（不公开）">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="senderContact" label="联系方式（不公开）">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="publishConsent" valuePropName="checked">
          <Checkbox>留言人同意答复后公开问题和答复（不含个人信息）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
