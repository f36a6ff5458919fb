import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { useAgencies } from '../../hooks/useAgencies';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { validateForm } from '../../lib/validateForm';

interface Props {
  open: boolean;
  channels: { value: string; label: string; receiptRule: string }[];
  /** the server's day (China time): the date of receipt defaults to it */
  today: string | undefined;
  onClose: () => void;
  onDone: () => void;
}

const ID_TYPES = [
  { value: 'resident_id', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'hk_macao_pass', label: '港澳居民来往内地通行证' },
  { value: 'taiwan_pass', label: '台湾居民来往大陆通行证' },
  { value: 'foreign_residence', label: '外国人永久居留身份证' },
  { value: 'other', label: '其他有效身份证件' },
];
const ORG_TYPES = [
  { value: 'commercial', label: '商业企业' },
  { value: 'research', label: '科研机构' },
  { value: 'nonprofit', label: '社会公益组织' },
  { value: 'legal_service', label: '法律服务机构' },
  { value: 'other', label: '其他' },
];

/** Staff intake of letters, faxes, in-person and oral applications, e-mails (R.29, R.31). */
export function IntakeModal({ open, channels, today, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const onError = useErrorHandler();
  const { modal } = App.useApp();
  const { agencies } = useAgencies();
  const channel = Form.useWatch('channel', form) as string | undefined;
  const kind = Form.useWatch(['applicant', 'kind'], form) as string | undefined;
  const rule = channels.find((c) => c.value === channel)?.receiptRule;
  // an application handed in or received today is the usual case: its dates start at the server's day
  useEffect(() => {
    if (!open || !today) return;
    if (!form.getFieldValue('submittedOn')) form.setFieldValue('submittedOn', today);
    if (channel === 'registered_post' && !form.getFieldValue('signedForOn'))
      form.setFieldValue('signedForOn', today);
  }, [open, today, form, channel]);

  async function submit() {
    const values = await validateForm(form);
    if (!values) return;
    setSaving(true);
    try {
      const agency = agencies.find((a) => a.id === values.agencyId);
      const res = await api.post<{ registrationNo: string; trackingCode: string }>('/admin/requests', {
        ...values,
        agencyId: undefined,
        agencyCode: agency?.code,
      });
      form.resetFields();
      onDone();
      modal.success({
        title: '已登记',
        content: `登记号 ${res.registrationNo}，查询码 ${res.trackingCode}（请告知申请人并写入登记回执）。`,
      });
    } catch (e) {
      onError(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title="登记线下申请"
      width={760}
      onCancel={onClose}
      onOk={submit}
      okText="登记"
      confirmLoading={saving}
      destroyOnHidden={false}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          applicant: { kind: 'natural' },
          items: [{}],
          provisionForm: 'paper',
          deliveryMethod: 'post',
        }}
      >
        <Form.Item name="agencyId" label="受理机关" rules={[{ required: true, message: '请选择受理机关' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={agencies
              .filter((a) => a.acceptsApplications && a.kind !== 'unit')
              .map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="channel" label="申请渠道" rules={[{ required: true, message: '请选择申请渠道' }]}>
            <Select style={{ width: 260 }} options={channels.filter((c) => c.value !== 'online')} />
          </Form.Item>
          <Form.Item name="submittedOn" label="申请提交日期" rules={[{ required: true, message: '请填写' }]}>
            <DateField maxDate={today} />
          </Form.Item>
          {channel === 'registered_post' && (
            <Form.Item
              name="signedForOn"
              label="签收日期"
              rules={[{ required: true, message: '挂号信须填写签收日期' }]}
            >
              <DateField />
            </Form.Item>
          )}
          {(channel === 'ordinary_post' || channel === 'fax' || channel === 'email') && (
            <Form.Item name="confirmedOn" label="与申请人确认日期（可稍后确认）">
              <DateField />
            </Form.Item>
          )}
        </Space>
        {rule && <p style={{ marginTop: -8, color: '#555' }}>{rule}</p>}
        <Form.Item name={['applicant', 'kind']} label="申请人类型">
          <Radio.Group
            options={[
              { value: 'natural', label: '自然人' },
              { value: 'organization', label: '法人或其他组织' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name={['applicant', 'name']}
          label="姓名或名称"
          rules={[{ required: true, message: '不能为空' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {kind === 'organization' ? (
          <Space wrap>
            <Form.Item
              name={['applicant', 'orgType']}
              label="组织类型"
              rules={[{ required: true, message: '请选择' }]}
            >
              <Select style={{ width: 200 }} options={ORG_TYPES} />
            </Form.Item>
            <Form.Item
              name={['applicant', 'creditCode']}
              label="统一社会信用代码"
              rules={[{ required: true, message: '不能为空' }]}
            >
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name={['applicant', 'legalRepresentative']} label="法定代表人">
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name={['applicant', 'contactPerson']} label="联系人">
              <Input maxLength={50} />
            </Form.Item>
          </Space>
        ) : (
          <Space wrap>
            <Form.Item
              name={['applicant', 'idType']}
              label="证件类型"
              rules={[{ required: true, message: '请选择' }]}
            >
              <Select style={{ width: 240 }} options={ID_TYPES} />
            </Form.Item>
            <Form.Item
              name={['applicant', 'idNumber']}
              label="证件号码"
              rules={[{ required: true, message: '不能为空' }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Space>
        )}
        <Space wrap>
          <Form.Item
            name={['applicant', 'phone']}
            label="联系电话"
            rules={[{ required: true, message: '不能为空' }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name={['applicant', 'email']} label="电子邮箱">
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name={['applicant', 'address']} label="通信地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'description']}
                    label={`申请事项 ${i + 1}`}
                    rules={[{ required: true, message: '请描述所需信息' }]}
                  >
                    <Input.TextArea rows={2} style={{ width: 360 }} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} label="信息名称">
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'docNo']} label="文号或索引号">
                    <Input maxLength={100} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined
                      aria-label="删除此事项"
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 36 }}
                    />
                  )}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                增加申请事项
              </Button>
            </>
          )}
        </Form.List>
        <Space wrap>
          <Form.Item name="provisionForm" label="提供形式">
            <Radio.Group
              options={[
                { value: 'paper', label: '纸质' },
                { value: 'electronic', label: '电子' },
                { value: 'onsite', label: '当场查阅、抄录' },
              ]}
            />
          </Form.Item>
          <Form.Item name="deliveryMethod" label="获取方式">
            <Radio.Group
              options={[
                { value: 'collect', label: '自行领取' },
                { value: 'post', label: '邮寄' },
                { value: 'email', label: '电子邮件' },
                { value: 'online', label: '网上获取' },
              ]}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
