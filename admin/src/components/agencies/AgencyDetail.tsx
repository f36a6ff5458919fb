import { Button, Card, Divider, Tag } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api';
import { type AgencyNode, KIND_COLORS, subtreeIds } from '../../lib/agencyTree';
import type { Agency } from '../../types/agency';
import type { RuleProfile } from '../../types/rules';
import { AgencyForm } from './AgencyForm';
import { agencyToFormValues } from './agencyFormValues';
import { SupervisionEditor } from './SupervisionEditor';

interface AgencyDetailProps {
  agency: Agency;
  agencies: Agency[];
  tree: AgencyNode[];
  ruleProfiles: RuleProfile[];
  onSaved: (message: string) => void;
  onAddChild: () => void;
  onChanged: () => void;
}

export function AgencyDetail({
  agency,
  agencies,
  tree,
  ruleProfiles,
  onSaved,
  onAddChild,
  onChanged,
}: AgencyDetailProps) {
  const excluded = useMemo(() => subtreeIds(agencies, agency.id), [agencies, agency.id]);
  return (
    <Card
      title={
        <>
          <Tag color={KIND_COLORS[agency.kind]}>{agency.kindLabel}</Tag>
          {agency.name}
          {!agency.active && <Tag style={{ marginLeft: 8 }}>已停用</Tag>}
        </>
      }
      extra={<Button onClick={onAddChild}>新增下级</Button>}
    >
      <AgencyForm
        key={agency.id}
        initialValues={agencyToFormValues(agency)}
        tree={tree}
        ruleProfiles={ruleProfiles}
        excludedParentIds={excluded}
        submitText="保存"
        onSubmit={async (values) => {
          await api.patch<Agency>(`/admin/agencies/${agency.id}`, values);
          onSaved('机关信息已保存');
        }}
      />
      <Divider titlePlacement="start">监督关系</Divider>
      <SupervisionEditor
        key={`${agency.id}:${agency.supervisedIds.join(',')}`}
        agency={agency}
        agencies={agencies}
        onChanged={onChanged}
      />
    </Card>
  );
}
