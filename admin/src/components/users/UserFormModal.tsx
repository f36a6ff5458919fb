import { Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { blankToNull } from '../../lib/format';
import type { User } from '../../types/user';
import { NEW_PASSWORD_RULES, PASSWORD_HELP } from './passwordRules';

interface UserFormValues {
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  password: string;
  isPlatformAdmin: boolean;
  active: boolean;
}

interface UserFormModalProps {
  /** null = create a new user */
  user: User | null;
  /** whether the current user may grant the platform-administrator flag */
  canGrantPlatformAdmin: boolean;
  onClose: () => void;
  onSaved: (user: User) => void;
}

export function UserFormModal({ user, canGrantPlatformAdmin, onClose, onSaved }: UserFormModalProps) {
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useErrorHandler();

  const onFinish = async (v: UserFormValues) => {
    setSaving(true);
    const contact = {
      displayName: v.displayName.trim(),
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
    };
    try {
      const saved = user
        ? await api.patch<User>(`/admin/users/${user.id}`, { ...contact, active: v.active })
        : await api.post<User>('/admin/users', {
            ...contact,
            username: v.username.trim(),
            password: v.password,
            ...(canGrantPlatformAdmin ? { isPlatformAdmin: v.isPlatformAdmin } : {}),
          });
      onSaved(saved);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  const initialValues: Partial<UserFormValues> = user
    ? { displayName: user.displayName, email: user.email, phone: user.phone, active: user.active }
    : { isPlatformAdmin: false, active: true };

  return (
    <Modal
      open
      title={user ? `编辑用户：${user.username}` : '新增用户'}
      okText={user ? '保存' : '创建'}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {!user && (
          <Form.Item
            label="用户名"
            name="username"
            extra="登录时使用，创建后不能修改"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="电子邮箱" name="email" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="手机号码" name="phone">
          <Input maxLength={30} />
        </Form.Item>
        {!user && (
          <Form.Item label="初始密码" name="password" extra={PASSWORD_HELP} rules={NEW_PASSWORD_RULES}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {!user && canGrantPlatformAdmin && (
          <Form.Item name="isPlatformAdmin" valuePropName="checked">
            <Checkbox>平台管理员（可管理全部机关和系统设置）</Checkbox>
          </Form.Item>
        )}
        {user && (
          <Form.Item label="账号启用" name="active" valuePropName="checked" extra="停用后该用户不能登录">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
