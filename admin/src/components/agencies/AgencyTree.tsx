import { Empty, Input, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { type AgencyNode, KIND_COLORS } from '../../lib/agencyTree';

interface AgencyTreeProps {
  tree: AgencyNode[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

function matches(node: AgencyNode, query: string): boolean {
  const a = node.agency;
  return a.name.includes(query) || (a.shortName ?? '').includes(query) || a.code.includes(query);
}

/** Keeps the nodes that match, and the ancestors of nodes that match. */
function filterTree(nodes: AgencyNode[], query: string): AgencyNode[] {
  if (!query) return nodes;
  return nodes.flatMap((node) => {
    const children = filterTree(node.children, query);
    return matches(node, query) || children.length > 0 ? [{ ...node, children }] : [];
  });
}

function toDataNodes(nodes: AgencyNode[]): DataNode[] {
  return nodes.map(({ agency, children }) => ({
    key: agency.id,
    title: (
      <span>
        <Tag color={KIND_COLORS[agency.kind]}>{agency.kindLabel}</Tag>
        <Typography.Text type={agency.active ? undefined : 'secondary'}>{agency.name}</Typography.Text>
        {!agency.active && <Typography.Text type="secondary">（已停用）</Typography.Text>}
      </span>
    ),
    children: toDataNodes(children),
  }));
}

function topKeys(nodes: AgencyNode[]): number[] {
  return nodes.flatMap((n) => [n.agency.id, ...n.children.map((c) => c.agency.id)]);
}

function allKeys(nodes: AgencyNode[]): number[] {
  return nodes.flatMap((n) => [n.agency.id, ...allKeys(n.children)]);
}

export function AgencyTree({ tree, selectedId, onSelect }: AgencyTreeProps) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);
  const filtered = useMemo(() => filterTree(tree, query.trim()), [tree, query]);
  const treeData = useMemo(() => toDataNodes(filtered), [filtered]);
  const expandedKeys = query.trim() ? allKeys(filtered) : (expanded ?? topKeys(tree));

  return (
    <>
      <Input.Search
        aria-label="搜索机关"
        placeholder="按名称、简称或简码搜索"
        allowClear
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {treeData.length === 0 ? (
        <Empty description={query ? '没有匹配的机关' : '尚未添加机关'} />
      ) : (
        <Tree
          blockNode
          treeData={treeData}
          selectedKeys={selectedId === null ? [] : [selectedId]}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys)}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(Number(key));
          }}
        />
      )}
    </>
  );
}
