/** The guide's pure rules: yearly review (《省司法厅政务公开意见》 "每年更新一次"), contact changes (R.12), version diff. */
import { describe, expect, it } from 'vitest';
import { itemsSentFigure } from './archive.ts';
import { contactOf, defaultGuide, diffLines, guideReviewStatus, nextReviewOn } from './guide.ts';

const agency = {
  name: '测试县司法局',
  address: '人民路1号',
  postalCode: '350000',
  officeHours: null,
  phone: '0591-1234567',
  fax: null,
  email: 'gk@example.gov.cn',
  website: null,
};

describe('guide', () => {
  it('《省司法厅政务公开意见》 "每年更新一次": the next review is 12 months after publication (29 February → 1 March)', () => {
    expect(nextReviewOn('2026-03-02')).toBe('2027-03-02');
    expect(nextReviewOn('2028-02-29')).toBe('2029-03-01');
  });

  it('R.12: the default draft quotes the agency record; empty fields are left out', () => {
    const g = defaultGuide(agency.name, contactOf(agency));
    const app = g.sections.find((s) => s.key === 'application')!.text;
    expect(app).toContain('办公地址：人民路1号');
    expect(app).toContain('电子邮箱：gk@example.gov.cn');
    expect(app).not.toContain('传真号码');
  });

  it('review is due when never published, after 12 months, or when contact data changed since', () => {
    const c = contactOf(agency);
    const latest = { nextReviewOn: '2027-03-02', content: defaultGuide(agency.name, c) };
    expect(guideReviewStatus(null, c, '2026-03-02').reasons).toEqual(['never_published']);
    expect(guideReviewStatus(latest, c, '2027-03-01').due).toBe(false);
    expect(guideReviewStatus(latest, c, '2027-03-02').reasons).toEqual(['review_due']);
    const moved = { ...c, address: '解放路2号', fax: '0591-7654321' };
    expect(guideReviewStatus(latest, moved, '2026-06-01')).toEqual({
      due: true,
      reasons: ['contact_changed'],
      changedFields: ['address', 'fax'],
    });
  });

  it('line diff keeps common lines and marks removed / added ones in order', () => {
    expect(diffLines(['甲', '乙', '丙'], ['甲', '丁', '丙', '戊'])).toEqual([
      { kind: 'same', text: '甲' },
      { kind: 'removed', text: '乙' },
      { kind: 'added', text: '丁' },
      { kind: 'same', text: '丙' },
      { kind: 'added', text: '戊' },
    ]);
  });

  it('《市司法局自查报告》: items sent to the archive and the library are counted once (the larger total), not summed', () => {
    expect(
      itemsSentFigure([
        { recipientKind: 'state_archive', itemCount: 20 },
        { recipientKind: 'state_archive', itemCount: 8 },
        { recipientKind: 'public_library', itemCount: 28 },
      ]),
    ).toEqual({ stateArchive: 28, publicLibrary: 28, items: 28 });
  });
});
