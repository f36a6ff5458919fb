import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { catalogTreeData, matchesCatalogSearch } from '../lib/catalogTree';
import type { CatalogEntry } from '../types/publication';

interface Props {
  entries: CatalogEntry[];
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  /** an entry (and its subtree) that cannot be chosen, e.g. the one being edited as its own parent */
  excludeId?: number;
  placeholder?: string;
}

/** The 主动公开基本目录 as a searchable tree: type part of a category's name or code to find it. */
export function CatalogTreeSelect({ entries, value, onChange, id, excludeId, placeholder }: Props) {
  const treeData = useMemo(() => catalogTreeData(entries, excludeId), [entries, excludeId]);
  return (
    <TreeSelect
      id={id}
      allowClear
      showSearch
      treeDefaultExpandAll
      placeholder={placeholder ?? '输入名称或代码搜索目录分类'}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      filterTreeNode={(input, node) =>
        matchesCatalogSearch(input, node as { title?: unknown; code?: unknown })
      }
      notFoundContent="没有匹配的目录分类"
      style={{ width: '100%' }}
    />
  );
}
