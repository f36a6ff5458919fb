import { describe, expect, it } from 'vitest';
import {
  acceptsQuestions,
  nextPressStatus,
  parseSpeakers,
  pressEventPublic,
  yearTarget,
} from './press-event.ts';

describe('press events (新闻发布会 / 在线访谈)', () => {
  it('moves planned → announced → held → summary published, cancelled only before it is held', () => {
    expect(nextPressStatus('planned', 'announce')).toBe('announced');
    expect(nextPressStatus('announced', 'hold')).toBe('held');
    expect(nextPressStatus('planned', 'hold')).toBe('held');
    expect(nextPressStatus('held', 'publish_summary')).toBe('summary_published');
    expect(nextPressStatus('announced', 'cancel')).toBe('cancelled');
    expect(nextPressStatus('held', 'cancel')).toBeNull();
    expect(nextPressStatus('summary_published', 'publish_summary')).toBeNull();
    expect(nextPressStatus('cancelled', 'announce')).toBeNull();
    expect(nextPressStatus('planned', 'publish_summary')).toBeNull();
  });

  it('is public once announced; questions only while announced and not after the day', () => {
    expect(pressEventPublic('planned', null)).toBe(false);
    expect(pressEventPublic('cancelled', null)).toBe(false);
    expect(pressEventPublic('cancelled', '2026-03-01T00:00:00Z')).toBe(true);
    expect(pressEventPublic('held', '2026-03-01T00:00:00Z')).toBe(true);
    expect(acceptsQuestions('announced', '2026-03-10', '2026-03-10')).toBe(true);
    expect(acceptsQuestions('announced', '2026-03-10', '2026-03-11')).toBe(false);
    expect(acceptsQuestions('planned', '2026-03-10', '2026-03-01')).toBe(false);
  });

  it('measures the year against target × elapsed quarters / 4', () => {
    // 4 December: three quarters over → at least 3 of 4
    expect(yearTarget(4, 2, 2026, '2026-12-04')).toMatchObject({
      elapsedQuarters: 3,
      expectedByNow: 3,
      behind: true,
    });
    expect(yearTarget(4, 3, 2026, '2026-12-04').behind).toBe(false);
    // the first quarter: nothing due yet
    expect(yearTarget(4, 0, 2026, '2026-03-31')).toMatchObject({ elapsedQuarters: 0, behind: false });
    expect(yearTarget(4, 0, 2026, '2026-04-01')).toMatchObject({
      elapsedQuarters: 1,
      expectedByNow: 1,
      behind: true,
    });
    // a past year counts all four quarters; a target of 0 is never behind
    expect(yearTarget(4, 3, 2025, '2026-01-05')).toMatchObject({
      elapsedQuarters: 4,
      expectedByNow: 4,
      behind: true,
    });
    expect(yearTarget(0, 0, 2026, '2026-12-31').behind).toBe(false);
    // rounded down: 5 a year, one quarter over → 1
    expect(yearTarget(5, 1, 2026, '2026-05-01')).toMatchObject({ expectedByNow: 1, behind: false });
  });

  it('drops malformed speakers', () => {
    expect(parseSpeakers('[{"name":"张三","title":"局长"},{"name":1},null]')).toEqual([
      { name: '张三', title: '局长' },
    ]);
    expect(parseSpeakers('not json')).toEqual([]);
  });
});
