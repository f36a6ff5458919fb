import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { type Location, Navigate, useLocation } from 'react-router-dom';
import { api, toApiError } from '../api';
import { useAuth } from '../auth/useAuth';
import { FullPageSpin } from '../components/FullPageSpin';
import type { Me } from '../types/auth';

interface LoginValues {
  username: string;
  password: string;
}

function redirectTarget(state: unknown): Location | string {
  const from = (state as { from?: Location } | null)?.from;
  return from && from.pathname !== '/login' ? from : '/';
}

export default function LoginPage() {
  const { status, signIn } = useAuth();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [site, setSite] = useState<{ siteName: string; hostOrg: string }>();

  // the page names the site it signs into (the portal's name and host)
  useEffect(() => {
    const controller = new AbortController();
    api.get<{ siteName: string; hostOrg: string }>('/site', { signal: controller.signal }).then(
      (s) => {
        setSite(s);
        document.title = `工作人员登录 - ${s.siteName}`;
      },
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'signed-in') return <Navigate to={redirectTarget(location.state)} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      signIn(
        await api.post<Me>('/auth/login', { username: values.username.trim(), password: values.password }),
      );
    } catch (err) {
      setError(toApiError(err).message);
      setSubmitting(false);
    }
  };

  return (
    <main className="full-page-center login-background">
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <h1 className="login-title">{site?.siteName ?? '政府信息公开平台'}</h1>
        <p className="login-subtitle">工作人员登录{site ? ` · 主办单位：${site.hostOrg}` : ''}</p>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
        <p className="login-hint">演示账号见启动时终端输出</p>
      </Card>
    </main>
  );
}
