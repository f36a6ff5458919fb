import { Alert, Button } from 'antd';
import { useState } from 'react';
import { api, toApiError } from '../../api';
import type { AuditVerifyResult } from '../../types/audit';

type Outcome = { result: AuditVerifyResult } | { failure: string } | null;

/** 校验审计链: re-computes the hash chain on the server and reports any broken link. */
export function VerifyChainButton({ onResult }: { onResult: (outcome: Outcome) => void }) {
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      onResult({ result: await api.get<AuditVerifyResult>('/admin/audit/verify') });
    } catch (err) {
      onResult({ failure: toApiError(err).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={verify} loading={busy}>
      校验审计链
    </Button>
  );
}

export type VerifyOutcome = Outcome;

export function VerifyResult({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  if (!outcome) return null;
  const closable = { onClose };
  if ('failure' in outcome) {
    return (
      <Alert type="error" showIcon closable={closable} title="审计链校验失败" description={outcome.failure} />
    );
  }
  const { ok, checked, headHash, problems } = outcome.result;
  if (ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={closable}
        title={`审计链完整：已校验 ${checked} 条记录，未发现篡改或删除。`}
        description={<span style={{ wordBreak: 'break-all' }}>链头哈希：{headHash}</span>}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={closable}
      title={`审计链异常：已校验 ${checked} 条记录，发现 ${problems.length} 处问题`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p) => (
            <li key={`${p.eventId}-${p.problem}`}>
              事件 #{p.eventId}：{p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
