import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, toApiError } from '../api';
import { useAuth } from '../auth/useAuth';
import { useErrorHandler } from '../hooks/useErrorHandler';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Errors the server reports without `fields`, attached to the field they concern. */
const CODE_FIELDS: Record<string, keyof PasswordValues> = {
  AUTH_WRONG_CURRENT_PASSWORD: 'currentPassword',
  AUTH_PASSWORD_TOO_WEAK: 'newPassword',
  AUTH_PASSWORD_REUSED: 'newPassword',
};

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const { refresh } = useAuth();
  const handleError = useErrorHandler();

  const onFinish = async (values: PasswordValues) => {
    setSaving(true);
    try {
      await api.post('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      void message.success('密码已修改');
      form.resetFields();
      await refresh();
      onDone?.();
    } catch (err) {
      handleError(err, form);
      const error = toApiError(err);
      const field = CODE_FIELDS[error.code];
      if (field && error.fields.length === 0) form.setFields([{ name: field, errors: [error.message] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish}>
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra="至少 10 位，且同时包含字母和数字"
        rules={[
          { required: true, message: '请输入新密码' },
          { min: 10, message: '新密码至少 10 位' },
          { pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: '新密码须同时包含字母和数字' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block>
        修改密码
      </Button>
    </Form>
  );
}
