/**
 * An in-memory snapshot of the agency tree and supervising relations — small (hundreds to a few
 * thousand rows) and read on every authorised request, so it is loaded once and replaced whenever
 * an agency or supervision changes (and at most every 60 s, for multi-process deployments).
 */
import type { AgencyRow } from '../db/database.ts';
import type { AgencyKind } from './agency.ts';

export interface AgencyNode {
  id: number;
  parentId: number | null;
  kind: AgencyKind;
  name: string;
  shortName: string | null;
  code: string;
  active: boolean;
  acceptsApplications: boolean;
  ruleProfileId: number | null;
}

export class AgencyDirectory {
  readonly byId = new Map<number, AgencyNode>();
  readonly byCode = new Map<string, AgencyNode>();
  private readonly children = new Map<number, number[]>();
  /** supervisor → agencies it supervises directly */
  private readonly supervises = new Map<number, Set<number>>();

  constructor(
    rows: readonly AgencyRow[],
    supervisions: readonly { supervisorId: number; supervisedId: number }[],
  ) {
    for (const r of rows) {
      const node: AgencyNode = {
        id: r.id,
        parentId: r.parentId,
        kind: r.kind as AgencyKind,
        name: r.name,
        shortName: r.shortName,
        code: r.code,
        active: r.active === 1,
        acceptsApplications: r.acceptsApplications === 1,
        ruleProfileId: r.ruleProfileId,
      };
      this.byId.set(r.id, node);
      this.byCode.set(r.code, node);
      if (r.parentId !== null) {
        const list = this.children.get(r.parentId) ?? [];
        list.push(r.id);
        this.children.set(r.parentId, list);
      }
    }
    for (const s of supervisions) {
      const set = this.supervises.get(s.supervisorId) ?? new Set<number>();
      set.add(s.supervisedId);
      this.supervises.set(s.supervisorId, set);
    }
  }

  get(id: number): AgencyNode | undefined {
    return this.byId.get(id);
  }

  /** The agency itself and its ancestors, nearest first. */
  ancestry(id: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    let cur = this.byId.get(id);
    while (cur && !seen.has(cur.id)) {
      out.push(cur.id);
      seen.add(cur.id);
      cur = cur.parentId === null ? undefined : this.byId.get(cur.parentId);
    }
    return out;
  }

  /** The agency itself and everything below it. */
  subtree(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const cur = stack.pop()!;
      if (seen.has(cur) || !this.byId.has(cur)) continue;
      seen.add(cur);
      out.push(cur);
      for (const c of this.children.get(cur) ?? []) stack.push(c);
    }
    return out;
  }

  /**
   * The agency itself and its internal units (at any depth) — what its own staff administer. The walk
   * stops at any department or government below it: being the parent in the tree grants nothing
   * (docs/access.md).
   */
  ownUnits(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const cur = stack.pop()!;
      const node = this.byId.get(cur);
      if (seen.has(cur) || !node) continue;
      if (cur !== id && node.kind !== 'unit') continue;
      seen.add(cur);
      out.push(cur);
      for (const c of this.children.get(cur) ?? []) stack.push(c);
    }
    return out;
  }

  childrenOf(id: number): AgencyNode[] {
    return (this.children.get(id) ?? []).map((c) => this.byId.get(c)!);
  }

  directlySupervised(id: number): number[] {
    return [...(this.supervises.get(id) ?? [])];
  }

  /** Agencies this one supervises, transitively, with their subtrees. */
  supervisedScope(id: number): number[] {
    const out = new Set<number>();
    const stack = [...(this.supervises.get(id) ?? [])];
    while (stack.length > 0) {
      const s = stack.pop()!;
      for (const a of this.subtree(s)) {
        if (out.has(a)) continue;
        out.add(a);
        for (const t of this.supervises.get(a) ?? []) stack.push(t);
      }
    }
    return [...out];
  }

  /** The agency that answers to the public for a unit: the nearest non-unit ancestor. */
  owningAgency(id: number): AgencyNode | undefined {
    for (const a of this.ancestry(id)) {
      const n = this.byId.get(a)!;
      if (n.kind !== 'unit') return n;
    }
    return undefined;
  }

  /** The effective rule profile id: the agency's own, else the nearest ancestor's. */
  ruleProfileOf(id: number): number | null {
    for (const a of this.ancestry(id)) {
      const p = this.byId.get(a)!.ruleProfileId;
      if (p !== null) return p;
    }
    return null;
  }

  /** Would adding supervisor → supervised create a cycle? */
  wouldCycle(supervisorId: number, supervisedId: number): boolean {
    if (supervisorId === supervisedId) return true;
    return this.supervisedScope(supervisedId).includes(supervisorId);
  }

  all(): AgencyNode[] {
    return [...this.byId.values()];
  }
}
