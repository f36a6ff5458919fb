import { App, Button, Flex, Form, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { Agency } from '../../types/agency';

interface SupervisionEditorProps {
  agency: Agency;
  agencies: Agency[];
  onChanged: () => void;
}

/** Edits which agencies this one supervises; saving applies the additions and removals one by one. */
export function SupervisionEditor({ agency, agencies, onChanged }: SupervisionEditorProps) {
  const [selected, setSelected] = useState<number[]>(agency.supervisedIds);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useErrorHandler();

  const options = useMemo(
    () =>
      agencies
        .filter((a) => a.id !== agency.id && a.kind !== 'unit')
        .map((a) => ({ value: a.id, label: a.active ? a.name : `${a.name}（已停用）` })),
    [agencies, agency.id],
  );
  const supervisors = agencies.filter((a) => a.supervisedIds.includes(agency.id));
  const added = selected.filter((id) => !agency.supervisedIds.includes(id));
  const removed = agency.supervisedIds.filter((id) => !selected.includes(id));
  const dirty = added.length + removed.length > 0;

  const save = async () => {
    setSaving(true);
    try {
      for (const supervisedId of added) {
        await api.post(`/admin/agencies/${agency.id}/supervisions`, { supervisedId });
      }
      for (const supervisedId of removed) {
        await api.delete(`/admin/agencies/${agency.id}/supervisions/${supervisedId}`);
      }
      void message.success('监督关系已保存');
    } catch (err) {
      handleError(err);
    } finally {
      setSaving(false);
      onChanged();
    }
  };

  const fieldId = `supervised-${agency.id}`;
  return (
    <Form layout="vertical">
      <Form.Item
        label="本机关监督的机关"
        htmlFor={fieldId}
        extra="例如县政务公开办监督本县各部门；监督关系不能形成循环。"
      >
        <Select
          id={fieldId}
          mode="multiple"
          value={selected}
          onChange={setSelected}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择被监督的机关"
        />
      </Form.Item>
      <Flex gap={8} align="center" wrap>
        <Button type="primary" onClick={save} loading={saving} disabled={!dirty}>
          保存监督关系
        </Button>
        <Button onClick={() => setSelected(agency.supervisedIds)} disabled={!dirty || saving}>
          撤销修改
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        监督本机关的机关：{supervisors.length > 0 ? supervisors.map((s) => s.name).join('、') : '无'}
      </Typography.Paragraph>
    </Form>
  );
}
