import { Alert, App, Button, Card, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { PublicationItem } from '../../types/publication';
import { validateForm } from '../../lib/validateForm';

type Joint = NonNullable<PublicationItem['jointAgencies']>[number];

/**
 * 联合制发: the lead agency publishes only with each co-producing agency's written consent
 * (docs/product.md §2.3). Lists every co-producer with its recorded consent and records a missing one.
 */
export function JointConsentCard({ item, onChanged }: { item: PublicationItem; onChanged: () => void }) {
  const joint = item.jointAgencies ?? [];
  const [recording, setRecording] = useState<Joint | null>(null);
  const [form] = Form.useForm<{ consentedOn: string; signedBy?: string; note: string }>();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  if (joint.length === 0) return null;
  const missing = joint.filter((j) => !j.consentedOn);
  const closed = item.status === 'published' || item.status === 'revoked' || item.status === 'withheld';

  const save = async () => {
    const v = await validateForm(form);
    if (!v) return;
    try {
      await api.post(`/admin/publication/items/${item.id}/joint-consents`, {
        agencyId: recording!.agencyId,
        consentedOn: v.consentedOn,
        note: v.note,
        ...(v.signedBy ? { signedBy: v.signedBy } : {}),
      });
      void message.success(`已登记${recording!.agencyName}的书面同意`);
      setRecording(null);
      form.resetFields();
      onChanged();
    } catch (err) {
      onError(err, form);
    }
  };

  return (
    <Card title="联合制发机关书面同意" size="small">
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`尚有 ${missing.length} 个联合制发机关未登记书面同意：${missing.map((m) => m.agencyName).join('、')}。取得全部书面同意前不能公开。`}
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} title="全部联合制发机关已书面同意" />
      )}
      <List
        size="small"
        dataSource={joint}
        renderItem={(j) => (
          <List.Item
            actions={
              closed
                ? []
                : [
                    <Button key="r" size="small" onClick={() => setRecording(j)}>
                      {j.consentedOn ? '重新登记' : '登记同意'}
                    </Button>,
                  ]
            }
          >
            <div>
              <strong>{j.agencyName}</strong>{' '}
              {j.consentedOn ? (
                <Tag color="green">{j.consentedOn} 同意</Tag>
              ) : (
                <Tag color="orange">未取得</Tag>
              )}
              {j.consentNote ? (
                <div>
                  <Typography.Text type="secondary">{j.consentNote}</Typography.Text>
                </div>
              ) : null}
            </div>
          </List.Item>
        )}
      />
      <Modal
        open={recording !== null}
        title={recording ? `登记${recording.agencyName}的书面同意` : ''}
        okText="登记"
        onOk={save}
        onCancel={() => setRecording(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="consentedOn"
            label="同意日期"
            rules={[{ required: true, message: '请填写同意日期' }]}
          >
            <DateField />
          </Form.Item>
          <Form.Item name="signedBy" label="同意人（签署人）">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="note"
            label="书面同意文件（文号或名称）"
            rules={[{ required: true, message: '请填写书面同意文件' }]}
          >
            <Input maxLength={400} placeholder="如 测市监函〔2026〕3号" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
