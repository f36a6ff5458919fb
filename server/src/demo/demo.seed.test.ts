import { describe, expect, it } from 'vitest';
import { DEMO_LATEST_SEED_DAY, demoSeedDay } from './demo.seed.ts';

// 《政府信息公开条例》第二十六条 (20 working days) and 第三十三条 (20 + 20): a demo loaded late in a year
// whose successor has no calendar data would need that year for its deadlines, so it is loaded as of
// the latest day whose deadlines still fit.
describe('the day the demo county is loaded as of', () => {
  it('is today while next year’s calendar is there, whatever the date', () => {
    expect(demoSeedDay('2026-12-04', false)).toBe('2026-12-04');
    expect(demoSeedDay('2026-12-31', false)).toBe('2026-12-31');
  });

  it('is today up to the latest safe day, even when next year’s calendar is missing', () => {
    expect(demoSeedDay('2026-03-02', true)).toBe('2026-03-02');
    expect(demoSeedDay(`2026-${DEMO_LATEST_SEED_DAY}`, true)).toBe(`2026-${DEMO_LATEST_SEED_DAY}`);
  });

  it('is the latest safe day of this year after it, when next year’s calendar is missing', () => {
    expect(demoSeedDay('2026-12-04', true)).toBe(`2026-${DEMO_LATEST_SEED_DAY}`);
    expect(demoSeedDay('2026-11-30', true)).toBe(`2026-${DEMO_LATEST_SEED_DAY}`);
  });
});
