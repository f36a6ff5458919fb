import { App, Button, Card, Col, Empty, Row, Spin } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { AgencyDetail } from '../components/agencies/AgencyDetail';
import { AgencyForm } from '../components/agencies/AgencyForm';
import { AgencyTree } from '../components/agencies/AgencyTree';
import { blankAgency } from '../components/agencies/agencyFormValues';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { useAgencies } from '../hooks/useAgencies';
import { useApiData } from '../hooks/useApiData';
import type { Agency } from '../types/agency';
import type { RuleProfile } from '../types/rules';

type Selection = { mode: 'view'; id: number } | { mode: 'create'; parentId: number | null } | null;

export default function AgenciesPage() {
  const { agencies, tree, byId, error, loading, reload } = useAgencies();
  const profiles = useApiData<{ items: RuleProfile[] }>('/admin/rule-profiles');
  const ruleProfiles = profiles.data?.items ?? [];
  const [selection, setSelection] = useState<Selection>(null);
  const { message } = App.useApp();

  const onSaved = (text: string) => {
    void message.success(text);
    reload();
  };

  const renderRight = () => {
    if (selection?.mode === 'create') {
      const parent = selection.parentId === null ? null : (byId.get(selection.parentId) ?? null);
      return (
        <Card title={parent ? `新增下级机关（上级：${parent.name}）` : '新增顶级机关'}>
          <AgencyForm
            key={`new-${selection.parentId ?? 'root'}`}
            initialValues={blankAgency(parent)}
            tree={tree}
            ruleProfiles={ruleProfiles}
            submitText="创建"
            onCancel={() => setSelection(parent ? { mode: 'view', id: parent.id } : null)}
            onSubmit={async (values) => {
              const created = await api.post<Agency>('/admin/agencies', values);
              setSelection({ mode: 'view', id: created.id });
              onSaved(`已创建：${created.name}`);
            }}
          />
        </Card>
      );
    }
    const agency = selection?.mode === 'view' ? byId.get(selection.id) : undefined;
    if (!agency) {
      return (
        <Card>
          <Empty description="请在左侧选择一个机关查看和编辑" />
        </Card>
      );
    }
    return (
      <AgencyDetail
        agency={agency}
        agencies={agencies}
        tree={tree}
        ruleProfiles={ruleProfiles}
        onSaved={onSaved}
        onChanged={reload}
        onAddChild={() => setSelection({ mode: 'create', parentId: agency.id })}
      />
    );
  };

  return (
    <>
      <PageHeader
        title="机关管理"
        description="维护地区、人民政府、部门和内设机构的层级、联系方式、适用规则与监督关系。"
        extra={<Button onClick={() => setSelection({ mode: 'create', parentId: null })}>新增顶级机关</Button>}
      />
      {error && <LoadError error={error} onRetry={reload} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title="机关层级" size="small">
            <Spin spinning={loading}>
              <AgencyTree
                tree={tree}
                selectedId={selection?.mode === 'view' ? selection.id : null}
                onSelect={(id) => setSelection({ mode: 'view', id })}
              />
            </Spin>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {renderRight()}
        </Col>
      </Row>
    </>
  );
}
