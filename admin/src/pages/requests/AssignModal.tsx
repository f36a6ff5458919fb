import { Alert, App, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/useApiData';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { Assignee, AssigneesView } from '../../types/requests';

interface Props {
  caseId: number;
  open: boolean;
  title: string;
  onClose: () => void;
  onDone: () => void;
}

/** 0 = handled by the disclosure office itself (no unit). */
const OFFICE = 0;

function names(handlers: Assignee[]): string {
  return handlers.length ? handlers.map((h) => h.name).join('、') : '暂无承办人员';
}

/**
 * 受理并分办 / 改派: the units of the agency with their handlers (the server's list, request.policy.ts)
 * and the reply due date, so the office sees whom it gives the case to and by when.
 */
export function AssignModal({ caseId, open, title, onClose, onDone }: Props) {
  const { data, error, reload } = useApiData<AssigneesView>(
    open ? `/admin/requests/${caseId}/assignees` : null,
  );
  const [unitId, setUnitId] = useState<number>(OFFICE);
  const [handlerUserId, setHandlerUserId] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const onError = useErrorHandler();
  const { message } = App.useApp();

  useEffect(() => {
    if (!data) return;
    setUnitId(data.unitId ?? OFFICE);
    setHandlerUserId(data.handlerUserId);
  }, [data]);

  const handlers =
    unitId === OFFICE
      ? (data?.office.handlers ?? [])
      : (data?.units.find((u) => u.id === unitId)?.handlers ?? []);

  async function save() {
    setSaving(true);
    try {
      await api.post(`/admin/requests/${caseId}/assign`, {
        unitId: unitId === OFFICE ? null : unitId,
        handlerUserId: handlers.some((h) => h.userId === handlerUserId) ? handlerUserId : null,
      });
      void message.success(`${title}：已完成`);
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={save}
      okText="确定"
      confirmLoading={saving}
      okButtonProps={{ disabled: !data }}
      width={640}
    >
      {error && <LoadError error={error} onRetry={reload} />}
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={
              data.dueOn
                ? `答复期限：${data.dueOn}${data.leftText ? `（${data.leftText}）` : ''}`
                : '答复期限：收到申请日期确认后起算'
            }
          />
          <Typography.Text strong id="assign-unit-label">
            承办科室
          </Typography.Text>
          <Radio.Group
            aria-labelledby="assign-unit-label"
            value={unitId}
            onChange={(e) => {
              setUnitId(e.target.value as number);
              setHandlerUserId(null);
            }}
          >
            <Space orientation="vertical">
              {data.units.map((u) => (
                <Radio key={u.id} value={u.id}>
                  <strong>{u.name}</strong>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    承办人员：{names(u.handlers)}
                  </Typography.Text>
                </Radio>
              ))}
              <Radio value={OFFICE}>
                <strong>政务公开工作机构直接承办</strong>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {names(data.office.handlers)}
                </Typography.Text>
              </Radio>
            </Space>
          </Radio.Group>
          {data.units.length === 0 && <p>本机关没有内设机构，将由政务公开工作机构直接承办。</p>}
          <label htmlFor="assign-handler">承办人（可不指定，由科室内部安排）</label>
          <Select
            id="assign-handler"
            allowClear
            placeholder="不指定承办人"
            style={{ width: 320 }}
            value={handlers.some((h) => h.userId === handlerUserId) ? handlerUserId : undefined}
            onChange={(v: number | undefined) => setHandlerUserId(v ?? null)}
            options={handlers.map((h) => ({ value: h.userId, label: `${h.name}（${h.roles.join('、')}）` }))}
          />
        </Space>
      )}
    </Modal>
  );
}
