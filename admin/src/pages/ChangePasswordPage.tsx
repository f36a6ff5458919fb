import { Alert, Button, Card, Typography } from 'antd';
import { useAuth } from '../auth/useAuth';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Shown instead of the workbench while `mustChangePassword` is set. */
export default function ChangePasswordPage() {
  const { me, logout } = useAuth();
  return (
    <main className="full-page-center login-background">
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          请修改初始密码
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${me?.user.displayName ?? ''}，为了账号安全，请先设置新密码，然后再使用工作台。`}
        />
        <ChangePasswordForm />
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
          退出登录
        </Button>
      </Card>
    </main>
  );
}
