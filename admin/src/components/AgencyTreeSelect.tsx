import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { type AgencyNode, toTreeSelectData } from '../lib/agencyTree';
import type { Agency } from '../types/agency';

interface AgencyTreeSelectProps {
  tree: AgencyNode[];
  /** injected by Form.Item */
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  isDisabled?: (agency: Agency) => boolean;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** A searchable agency picker built from the agency tree. */
export function AgencyTreeSelect({
  tree,
  value,
  onChange,
  isDisabled,
  placeholder = '请选择机关',
  allowClear = true,
  ...rest
}: AgencyTreeSelectProps) {
  const treeData = useMemo(() => toTreeSelectData(tree, isDisabled), [tree, isDisabled]);
  return (
    <TreeSelect
      {...rest}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={treeData.length < 5}
      popupMatchSelectWidth={false}
    />
  );
}
