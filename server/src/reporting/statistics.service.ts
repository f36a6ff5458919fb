import ExcelJS from 'exceljs';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { CHANNEL_LABELS } from '../requests/application.ts';
import { correctionNoticeLate } from '../requests/procedure-limits.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { outcomeOf } from './report-workflow.ts';
import { ownScope } from './reporting.service.ts';
import { computeStatistics, type Statistics } from './statistics.ts';
import { statisticsRepository } from './statistics.repository.ts';

export interface AgencyStatistics extends Statistics {
  agencies: number;
  byAgency: {
    agencyId: number;
    agencyName: string;
    received: number;
    closed: number;
    onTimeRate: number | null;
    published: number;
    publicationsLate: number;
  }[];
  guide: { publishedOn: string | null; nextReviewOn: string | null; overdue: boolean } | null;
  catalogEntriesOverdue: number;
}

/**
 * Statistics for one agency (its own records) or, with `includeSupervised`, for it and every agency it
 * supervises, with a per-agency breakdown for the supervising office.
 */
export async function agencyStatistics(
  deps: Deps,
  db: DbOrTx,
  agencyId: number,
  year: number,
  includeSupervised: boolean,
): Promise<AgencyStatistics> {
  const dir = await agencyDirectory(deps, db);
  const owners = [
    agencyId,
    ...(includeSupervised ? dir.supervisedScope(agencyId).filter((a) => dir.get(a)?.kind !== 'unit') : []),
  ];
  const owner = new Map<number, number>();
  for (const o of owners) for (const id of ownScope(dir, o)) owner.set(id, o);
  const ids = [...owner.keys()];
  const [applications, items, notices] = await Promise.all([
    statisticsRepository.applications(db, ids, year),
    statisticsRepository.publishedItems(db, ids, year),
    statisticsRepository.correctionNotices(db, ids, year),
  ]);
  const calendars = new Map<number, WorkingCalendar | null>();
  for (const o of owners) calendars.set(o, await calendarFor(deps, o).catch(() => null));
  const today = chinaDate(deps.clock.now());
  const calendarOf = (a: number) => calendars.get(owner.get(a) ?? a) ?? null;
  // R.30: a notice later than correctionNoticeDays working days after receipt is counted as late
  const correctionNotices: { agencyId: number; late: boolean }[] = [];
  for (const n of notices) {
    const cal = calendarOf(n.agencyId);
    const rules = await rulesForAgency(deps, db, n.agencyId);
    let late = false;
    try {
      late = cal ? correctionNoticeLate(cal, rules, n.receivedOn, n.noticeOn) : false;
    } catch {
      // a year without calendar data: not judged
    }
    correctionNotices.push({ agencyId: n.agencyId, late });
  }
  const stats = computeStatistics({
    year,
    today,
    applications,
    items,
    correctionNotices,
    channelLabels: CHANNEL_LABELS,
    outcomeOf,
    calendarFor: calendarOf,
  });
  const byAgency = owners.map((o) => {
    const mine = (x: { agencyId: number }) => owner.get(x.agencyId) === o;
    const s = computeStatistics({
      year,
      today,
      applications: applications.filter(mine),
      items: items.filter(mine),
      channelLabels: CHANNEL_LABELS,
      outcomeOf,
      calendarFor: calendarOf,
    });
    return {
      agencyId: o,
      agencyName: dir.get(o)?.name ?? String(o),
      received: s.applicationsByMonth.reduce((n, m) => n + m.received, 0),
      closed: s.timeliness.closed,
      onTimeRate: s.timeliness.onTimeRate,
      published: items.filter(mine).length,
      publicationsLate: s.publicationsLate,
    };
  });
  const guides = await statisticsRepository.latestGuide(db, [agencyId]);
  const g = guides[0];
  return {
    ...stats,
    agencies: owners.length,
    byAgency,
    guide: g
      ? { publishedOn: g.publishedOn, nextReviewOn: g.nextReviewOn, overdue: g.nextReviewOn < today }
      : null,
    catalogEntriesOverdue: await statisticsRepository.catalogOverdue(db, ids, today),
  };
}

/** Every dashboard table as one XLSX workbook, a sheet each. */
export async function statisticsXlsx(agencyName: string, s: AgencyStatistics): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${agencyName} ${s.year}年 ${name}`]);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 14;
    });
  };
  sheet(
    '按月申请',
    ['月份', '新收', '办结'],
    s.applicationsByMonth.map((m) => [m.month, m.received, m.closed]),
  );
  sheet(
    '申请渠道',
    ['渠道', '件数'],
    s.byChannel.map((c) => [c.label, c.count]),
  );
  sheet(
    '申请人类型',
    ['类型', '件数'],
    s.byApplicantType.map((c) => [c.label, c.count]),
  );
  sheet(
    '办理结果',
    ['结果', '件数'],
    s.byOutcome.map((c) => [c.label, c.count]),
  );
  sheet(
    '答复时效',
    ['办结', '按期', '逾期', '按期率（%）', '平均用时（工作日）'],
    [
      [
        s.timeliness.closed,
        s.timeliness.onTime,
        s.timeliness.late,
        s.timeliness.onTimeRate,
        s.timeliness.avgWorkingDays,
      ],
    ],
  );
  sheet(
    '补正告知',
    ['补正告知', '超过7个工作日告知（条例第三十条）'],
    [[s.correctionNotices.total, s.correctionNotices.late]],
  );
  sheet(
    '在办申请到期分布',
    ['到期情况', '件数'],
    s.openByDue.map((c) => [c.label, c.count]),
  );
  sheet(
    '主动公开分类',
    ['目录类别', '条数'],
    s.publicationsByCategory.map((c) => [c.label, c.count]),
  );
  sheet(
    '主动公开按月',
    ['月份', '条数'],
    s.publicationsByMonth.map((m) => [m.month, m.count]),
  );
  sheet(
    '各机关',
    ['机关', '新收申请', '办结', '按期率（%）', '主动公开', '超期公开'],
    s.byAgency.map((a) => [
      a.agencyName,
      a.received,
      a.closed,
      a.onTimeRate,
      a.published,
      a.publicationsLate,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
