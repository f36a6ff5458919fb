/**
 * The relation model of access.ts (docs/access.md) on a small tree, and the separation-of-duties
 * rule of the publication pipeline — pure, no database.
 */
import { describe, expect, it } from 'vitest';
import { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { AgencyRow } from '../db/database.ts';
import { publicationPolicy } from '../publication/publication.policy.ts';
import type { StaffActor } from './actor.ts';
import { readableScope, relationTo, scopeWithRole } from './access.ts';
import type { Role } from './roles.ts';

const row = (id: number, parentId: number | null, kind: string): AgencyRow =>
  ({
    id,
    parentId,
    kind,
    name: `机关${id}`,
    shortName: null,
    code: `a${id}`,
    active: 1,
    acceptsApplications: 1,
    ruleProfileId: null,
  }) as unknown as AgencyRow;

// 1 region → 2 government (unit 3 = 政务公开办) → 4, 5 departments (units 6, 7); 2 supervises 4 only
const dir = new AgencyDirectory(
  [
    row(1, null, 'region'),
    row(2, 1, 'government'),
    row(3, 2, 'unit'),
    row(4, 2, 'department'),
    row(5, 2, 'department'),
    row(6, 4, 'unit'),
    row(7, 5, 'unit'),
  ],
  [{ supervisorId: 2, supervisedId: 4 }],
);
const actor = (grants: [number, Role][], isPlatformAdmin = false): StaffActor => ({
  kind: 'staff',
  userId: 99,
  username: 'u',
  displayName: 'u',
  isPlatformAdmin,
  grants: grants.map(([agencyId, role]) => ({ agencyId, role, unitId: null })),
  activeAgencyId: null,
  activeRole: null,
});
const set = (s: ReturnType<typeof readableScope>) => (s === 'all' ? 'all' : [...s].sort());

describe('relation model', () => {
  it('own reach stops at the departments below: the government covers itself and its units only', () => {
    expect(dir.ownUnits(2).sort()).toEqual([2, 3]);
    expect(dir.ownUnits(4).sort()).toEqual([4, 6]);
  });

  it('the county 政务公开办 reads what the government supervises (4 with its unit), not the unsupervised 5', () => {
    const gkb = actor([[2, 'disclosure_office']]);
    expect(set(readableScope(gkb, dir))).toEqual([2, 3, 4, 6]);
    expect(relationTo(gkb, dir, 4)).toBe('supervising');
    expect(relationTo(gkb, dir, 5)).toBe('none');
    // …and acts nowhere but in its own government
    expect(set(scopeWithRole(gkb, dir, ['disclosure_office']))).toEqual([2, 3]);
  });

  it('being the parent grants nothing: the county head neither reads nor acts in a department', () => {
    const head = actor([[2, 'principal']]);
    expect(set(readableScope(head, dir))).toEqual([2, 3]);
    expect(relationTo(head, dir, 4)).toBe('none');
  });

  it('the platform flag reads everything but counts for no role', () => {
    const root = actor([], true);
    expect(readableScope(root, dir)).toBe('all');
    expect(set(scopeWithRole(root, dir, ['disclosure_office', 'leader', 'agency_admin']))).toEqual([]);
    expect(relationTo(root, dir, 4)).toBe('none');
  });
});

describe('separation of duties in the publication pipeline', () => {
  const reviews = (...r: [string, number][]) =>
    r.map(([stage, reviewerUserId]) => ({ stage, reviewerUserId }));

  it('the drafter fills no review or approval step of the item', () => {
    const item = { createdBy: 1 };
    const r = reviews(['drafter', 1]);
    expect(publicationPolicy.canFillStep(1, item, r, 'leader')).toBe(false);
    expect(publicationPolicy.canFillStep(1, item, r, 'office')).toBe(false);
    expect(publicationPolicy.canFillStep(1, item, r, 'approval:leader')).toBe(false);
    // whoever submitted it on the drafter's behalf counts as its drafter too
    expect(publicationPolicy.canFillStep(2, item, reviews(['drafter', 2]), 'leader')).toBe(false);
  });

  it('one person, one step of the review; the leader who reviewed may still approve (谁主管、谁审批)', () => {
    const item = { createdBy: 1 };
    const r = reviews(['drafter', 1], ['leader', 2]);
    expect(publicationPolicy.canFillStep(2, item, r, 'office')).toBe(false);
    expect(publicationPolicy.canFillStep(3, item, r, 'office')).toBe(true);
    expect(publicationPolicy.canFillStep(2, item, [...r, ...reviews(['office', 3])], 'approval:leader')).toBe(
      true,
    );
    // the review office resuming its own referred review is the same step
    expect(publicationPolicy.canFillStep(3, item, [...r, ...reviews(['office', 3])], 'office')).toBe(true);
  });

  it('one person, one step of the approval chain; a new round (resubmission) starts afresh', () => {
    const item = { createdBy: 1 };
    const r = reviews(['drafter', 1], ['leader', 2], ['office', 3], ['approval:leader', 4]);
    expect(publicationPolicy.canFillStep(4, item, r, 'approval:principal')).toBe(false);
    expect(publicationPolicy.canFillStep(5, item, r, 'approval:principal')).toBe(true);
    const again = [...r, ...reviews(['drafter', 1])];
    expect(publicationPolicy.canFillStep(4, item, again, 'leader')).toBe(true);
  });
});
