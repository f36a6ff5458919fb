import type { Agency, AgencyKind } from '../types/agency';

export const KIND_LABELS: Record<AgencyKind, string> = {
  region: '地区',
  government: '人民政府',
  department: '部门',
  unit: '内设机构',
};

export const KIND_COLORS: Record<AgencyKind, string> = {
  region: 'purple',
  government: 'red',
  department: 'blue',
  unit: 'default',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as AgencyKind[]).map((kind) => ({
  value: kind,
  label: KIND_LABELS[kind],
}));

export interface AgencyNode {
  agency: Agency;
  children: AgencyNode[];
}

function byOrder(a: Agency, b: Agency): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

/** Builds the agency forest from the flat list; an agency whose parent is missing becomes a root. */
export function buildAgencyTree(items: readonly Agency[]): AgencyNode[] {
  const ids = new Set(items.map((a) => a.id));
  const childrenOf = new Map<number | null, Agency[]>();
  for (const agency of items) {
    const parent = agency.parentId !== null && ids.has(agency.parentId) ? agency.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(agency);
    childrenOf.set(parent, list);
  }
  const build = (parent: number | null): AgencyNode[] =>
    (childrenOf.get(parent) ?? []).sort(byOrder).map((agency) => ({ agency, children: build(agency.id) }));
  return build(null);
}

/** The agency and everything below it. */
export function subtreeIds(items: readonly Agency[], rootId: number): Set<number> {
  const result = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of items) {
      if (a.parentId !== null && result.has(a.parentId) && !result.has(a.id)) {
        result.add(a.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Internal units (内设机构) of an agency, nested units included, labelled with their path. */
export function unitsOf(items: readonly Agency[], agencyId: number): { id: number; label: string }[] {
  const result: { id: number; label: string }[] = [];
  const walk = (parentId: number, prefix: string) => {
    for (const a of items.filter((x) => x.parentId === parentId && x.kind === 'unit').sort(byOrder)) {
      const label = prefix ? `${prefix} / ${a.name}` : a.name;
      result.push({ id: a.id, label });
      walk(a.id, label);
    }
  };
  walk(agencyId, '');
  return result;
}

export interface AgencyTreeSelectNode {
  value: number;
  title: string;
  disabled?: boolean;
  children: AgencyTreeSelectNode[];
}

/** TreeSelect data; `disabled` marks agencies that cannot be chosen (they stay visible). */
export function toTreeSelectData(
  nodes: readonly AgencyNode[],
  disabled?: (agency: Agency) => boolean,
): AgencyTreeSelectNode[] {
  return nodes.map(({ agency, children }) => ({
    value: agency.id,
    title: agency.active ? agency.name : `${agency.name}（已停用）`,
    disabled: disabled?.(agency) ?? false,
    children: toTreeSelectData(children, disabled),
  }));
}
