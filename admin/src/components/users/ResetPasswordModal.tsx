import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { User } from '../../types/user';
import { NEW_PASSWORD_RULES, PASSWORD_HELP } from './passwordRules';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useErrorHandler();

  const onFinish = async ({ password }: { password: string }) => {
    setSaving(true);
    try {
      await api.post(`/admin/users/${user.id}/reset-password`, { password });
      void message.success(`已重置 ${user.displayName} 的密码，请通过安全渠道告知本人`);
      onClose();
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置密码"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label="新密码" name="password" extra={PASSWORD_HELP} rules={NEW_PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
