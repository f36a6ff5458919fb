import { describe, expect, it } from 'vitest';
import { packagedSchedule } from './calendar-sources.ts';
import { parseHolidayNotice } from './holiday-notice.ts';

/** 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）, as published. */
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　根据《国务院关于修改〈全国年节及纪念日放假办法〉的决定》，为便于各地区、各部门及早合理安排节假日旅游、交通运输、生产经营等有关工作，经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周三）放假1天，不调休。
　　二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
　　三、清明节：4月4日（周五）至6日（周日）放假，共3天。
　　四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
　　五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
　　六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2024年11月12日`;

/**
 * 国务院办公厅关于2026年部分节假日安排的通知, published on 4 November 2025, copied from the web page
 * (wrapped inside a sentence; the document number left out, as calendar-sources.ts records none).
 */
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5
天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日`;

const kinds = (days: { date: string; kind: string }[]) => days.map((d) => `${d.date} ${d.kind}`);

describe('parseHolidayNotice', () => {
  it.each([
    [2025, NOTICE_2025, '国办发明电〔2024〕12号', 28, 5],
    [2026, NOTICE_2026, null, 33, 6],
  ])(
    'reads the %i notice into the same days as the verified schedule',
    (year, text, docNo, holidays, workdays) => {
      const r = parseHolidayNotice(text);
      expect(r.problems).toEqual([]);
      expect(r.year).toBe(year);
      expect(r.sourceTitle).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
      expect(r.sourceDocumentNo).toBe(docNo);
      expect(r.days.filter((d) => d.kind === 'holiday')).toHaveLength(holidays);
      expect(r.days.filter((d) => d.kind === 'workday')).toHaveLength(workdays);
      // the package data was matched against the notices day by day (calendar-sources.ts)
      expect(kinds(r.days)).toEqual(kinds(packagedSchedule(year)!.days));
    },
  );

  it('names each day by its section and keeps the stated count', () => {
    const r = parseHolidayNotice(NOTICE_2026);
    expect(r.sections.map((s) => s.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ]);
    expect(r.sections[1]).toMatchObject({ statedDays: 9, workdays: ['2026-02-14', '2026-02-28'] });
    expect(r.days.find((d) => d.date === '2026-01-04')).toEqual({
      date: '2026-01-04',
      kind: 'workday',
      name: '元旦',
    });
    expect(r.days.find((d) => d.date === '2026-02-17')?.name).toBe('春节');
    const r25 = parseHolidayNotice(NOTICE_2025);
    expect(r25.days.find((d) => d.date === '2025-10-06')?.name).toBe('国庆节、中秋节');
    expect(r25.sections[0]).toMatchObject({
      name: '元旦',
      holidays: ['2025-01-01'],
      statedDays: 1,
      workdays: [],
    });
  });

  it('reads the sections alone with the year given, and full-width digits', () => {
    const r = parseHolidayNotice(
      '一、元旦：１月１日（周四）至３日（周六）放假调休，共３天。１月４日（周日）上班。',
      2026,
    );
    expect(r.problems).toEqual([]);
    expect(kinds(r.days)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 holiday',
      '2026-01-03 holiday',
      '2026-01-04 workday',
    ]);
  });

  it('reports in Chinese what does not add up: a wrong weekday, a wrong count, a make-up day on a weekday', () => {
    const r = parseHolidayNotice(
      '一、元旦：1月1日（周五）至3日（周六）放假调休，共4天。1月5日（周一）上班。',
      2026,
    );
    expect(r.problems).toEqual([
      '元旦：2026-01-01 是周四，通知写的是周五',
      '元旦：调休上班日 2026-01-05 不是周末',
      '元旦：通知写共4天，识别出3天',
    ]);
  });

  it('refuses text without a year or without sections, and a name outside the statutory holidays', () => {
    expect(parseHolidayNotice('一、元旦：1月1日放假1天。').problems[0]).toMatch(/未找到年度/);
    expect(parseHolidayNotice('随便写的文字', 2026).problems).toEqual([
      expect.stringMatching(/^未识别到节假日安排/),
    ]);
    expect(parseHolidayNotice('一、建军节：8月1日（周六）放假1天。', 2026).problems).toEqual([
      expect.stringMatching(/“建军节”不是法定节假日名称/),
    ]);
  });

  it('leaves out days of the year before, with a note', () => {
    const r = parseHolidayNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', 2023);
    expect(r.problems).toEqual([]);
    expect(kinds(r.days)).toEqual(['2023-01-01 holiday', '2023-01-02 holiday']);
    expect(r.notes[0]).toContain('2022-12-31');
  });
});
