import { App, Card, List, Switch, Typography } from 'antd';
import { api } from '../../api';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';

/** Shape of GET /admin/requests/settings/:agencyId/notices (server/src/requests/applicant-notice.api.ts). */
interface NoticeSettings {
  agencyId: number;
  canEdit: boolean;
  kinds: { kind: string; label: string; enabled: boolean; template: string }[];
}

/**
 * 办理进度提醒: which steps send the applicant an SMS or e-mail (registration number and tracking link
 * only). Switches are enabled only when the server says this user may edit.
 */
export function NoticeSettingsCard({ agencyId }: { agencyId: number }) {
  const { data, reload } = useApiData<NoticeSettings>(`/admin/requests/settings/${agencyId}/notices`);
  const onError = useErrorHandler();
  const { message } = App.useApp();
  if (!data) return null;
  async function toggle(kind: string, enabled: boolean) {
    try {
      await api.put(`/admin/requests/settings/${agencyId}/notices`, { [kind]: enabled });
      void message.success(enabled ? '已开启' : '已关闭');
      reload();
    } catch (e) {
      onError(e);
    }
  }
  return (
    <Card title="向申请人发送的办理进度提醒" size="small" data-testid="notice-settings">
      <Typography.Paragraph type="secondary">
        申请人留有电子邮箱的发送电子邮件，否则发送短信。提醒只含登记号和查询网址，不含姓名等个人信息。
      </Typography.Paragraph>
      <List
        dataSource={data.kinds}
        renderItem={(k) => (
          <List.Item
            actions={[
              <Switch
                key="s"
                checked={k.enabled}
                disabled={!data.canEdit}
                aria-label={`${k.label}提醒`}
                onChange={(v) => void toggle(k.kind, v)}
              />,
            ]}
          >
            <List.Item.Meta title={k.label} description={k.template} />
          </List.Item>
        )}
      />
    </Card>
  );
}
