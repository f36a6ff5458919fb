import { App, Select, Tag } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../../auth/useAuth';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { contextKey } from '../../lib/format';

/** Switches the active agency/role among the roles the user holds. */
export function ContextSwitcher({ compact = false }: { compact?: boolean }) {
  const me = useMe();
  const { switchContext } = useAuth();
  const { message } = App.useApp();
  const handleError = useErrorHandler();
  const [switching, setSwitching] = useState(false);

  if (me.roles.length === 0) {
    return me.user.isPlatformAdmin ? (
      <Tag color="gold" data-testid="context-switcher" style={compact ? { marginInlineEnd: 0 } : undefined}>
        平台管理员
      </Tag>
    ) : null;
  }

  const options = me.roles.map((r) => ({
    value: contextKey(r.agencyId, r.role),
    label: `${r.agencyName} · ${r.roleLabel}${r.unitName ? `（${r.unitName}）` : ''}`,
  }));

  const onChange = async (value: string) => {
    const target = me.roles.find((r) => contextKey(r.agencyId, r.role) === value);
    if (!target) return;
    setSwitching(true);
    try {
      await switchContext(target.agencyId, target.role);
      void message.success(`已切换到：${target.agencyName} · ${target.roleLabel}`);
    } catch (err) {
      handleError(err);
    } finally {
      setSwitching(false);
    }
  };

  const active = me.active.agencyId === null ? undefined : contextKey(me.active.agencyId, me.active.role);
  return (
    <Select
      data-testid="context-switcher"
      aria-label="切换机关与角色"
      placeholder="选择机关与角色"
      value={active}
      options={options}
      onChange={onChange}
      loading={switching}
      disabled={switching}
      popupMatchSelectWidth={false}
      // on a phone the choice shows shortened; the list opens at full width
      style={compact ? { width: 150 } : { minWidth: 240, maxWidth: 360 }}
    />
  );
}
