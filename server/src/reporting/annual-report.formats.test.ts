/**
 * The 2019 trial format (国办公开办函〔2019〕60号) next to the 2021 format (〔2021〕30号): its own Table 二
 * and a Table 三 whose （六）其他处理 has no sub-rows; identities per format; the comparable figures
 * across formats; the SQL-aggregated Table 三 equal to the one counted application by application.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unzipEntry } from '../test-support/zip.ts';
import {
  type AnnualReport2019,
  type ApplicationCount,
  checkIdentities,
  comparableFigures,
  computeTable3,
  computeTable4,
  emptyTable2Of2019,
  figuresShapeProblems,
  OUTCOME_KEYS,
  type ReportApplication,
  TABLE3_COLUMNS,
  type Table3Of2019,
  table3FromCounts,
  table3Rows,
  emptyTable3Row,
} from './annual-report.ts';
import { annualReportDocx, annualReportXlsx } from './annual-report.export.ts';
import { parseAnnualReportXlsx } from './annual-report.import.ts';
import { renderAnnualReport, renderTable3 } from './annual-report.render.ts';

const row = (natural: number, commercial = 0) => ({
  ...emptyTable3Row(),
  natural,
  commercial,
  total: natural + commercial,
});

function table3Of2019(): Table3Of2019 {
  const t = Object.fromEntries(table3Rows('2019').map((r) => [r, emptyTable3Row()])) as Table3Of2019;
  t.new = row(9, 1);
  t.carried_in = row(2);
  t.disclosed = row(4, 1);
  t.partial = row(1);
  t['withheld.4'] = row(1);
  t['unable.1'] = row(2);
  t.other = row(1); // （六）其他处理: one row in 2019
  t.total = row(9, 1);
  t.carried_out = row(2);
  return t;
}

const report2019: AnnualReport2019 = {
  format: '2019',
  agencyName: '云岭县司法局',
  year: 2019,
  table2: {
    ...emptyTable2Of2019(),
    rules: { made: 0, published: 0, totalPublic: 0 },
    normativeDocs: { made: 5, published: 5, totalPublic: 41 },
    licensing: { previous: 12, change: -2, decisions: 130 },
    otherServices: { previous: 3, change: 1, decisions: 8 },
    penalties: { previous: 4, change: 0, decisions: 27 },
    fees: { previous: 2, change: -1 },
    procurement: { projects: 6, amount: 25.1 },
  },
  table3: table3Of2019(),
  table4: computeTable4(
    [
      {
        id: 1,
        kind: 'reconsideration',
        filedOn: '2019-06-01',
        decidedOn: '2019-08-01',
        outcome: 'corrected',
      },
    ],
    2019,
  ),
  narrative: { overview: '2019年总体情况。', problems: '问题。', other: '其他事项。' },
};

describe('2019 format (国办公开办函〔2019〕60号)', () => {
  it('Table 三 has 23 rows: （六）其他处理 is one row without the three 2021 sub-items', () => {
    const rows = table3Rows('2019');
    expect(rows).toHaveLength(23);
    expect(rows).toContain('other');
    expect(rows.some((r) => r.startsWith('other.'))).toBe(false);
    expect(table3Rows('2021')).toHaveLength(25);
  });

  it('the balancing identities hold per format: a balanced 2019 table passes, a broken one is caught', () => {
    const t3 = table3Of2019();
    const t4 = report2019.table4;
    expect(checkIdentities(t3, t4, '2019')).toEqual([]);
    // read with the 2021 rows, the 2019 （六） row would be missed and （七）总计 would not balance
    expect(checkIdentities(t3, t4, '2021').map((p) => p.identity)).toContain('（七）总计=各办理结果之和');
    const broken = { ...t3, other: row(3) };
    expect(checkIdentities(broken, t4, '2019').map((p) => p.identity)).toEqual(
      expect.arrayContaining(['（七）总计=各办理结果之和']),
    );
  });

  it('renders the national 2019 layout: rowspan 20, （六）其他处理 across both label columns, Table 二 items (五)(九)', () => {
    const h = renderTable3(report2019.table3, '2019').value;
    expect(h).toContain('rowspan="20"');
    expect(h).toContain('<th colspan="2" scope="row">（六）其他处理</th>');
    expect(h).not.toContain('逾期不补正');
    const page = renderAnnualReport(report2019).value;
    for (const s of [
      '本年新制作数量',
      '对外公开总数量',
      '其他对外管理服务事项',
      '第二十条第（九）项',
      '政府集中采购',
    ])
      expect(page).toContain(s);
    expect(page).toContain('<td class="num">-2</td>'); // 本年增/减 keeps its sign
    expect(page).not.toContain('本年制发件数');
  });

  it('round-trip: a 2019 report exported as XLSX imports back figure for figure, tagged 2019', async () => {
    const xlsx = await annualReportXlsx(report2019);
    const back = await parseAnnualReportXlsx(xlsx);
    expect(back.format).toBe('2019');
    expect(back.table2).toEqual(report2019.table2);
    expect(back.table3).toEqual(report2019.table3);
    expect(back.table4).toEqual(report2019.table4);
    // staff chose 2021 but the file is 2019: refused, saying so
    await expect(parseAnnualReportXlsx(xlsx, '2021')).rejects.toThrow(/2019 格式.*2021 格式/);
    // a Table 三 row label that is not the format's: the row is named
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    // labels typed by hand (spaces, straight quotes) still match their row
    wb.getWorksheet('三、申请情况')!.getCell('C10').value = ' 3.危及"三安全一稳定" ';
    const typed = await parseAnnualReportXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(typed.table3).toEqual(report2019.table3);
    wb.getWorksheet('三、申请情况')!.getCell('B24').value = '（六）其他处理3.其他';
    await expect(parseAnnualReportXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toThrow(/第 24 行/);
  }, 30_000);

  it('DOCX in the 2019 layout', async () => {
    const text = unzipEntry(await annualReportDocx(report2019), 'word/document.xml').replace(/<[^>]+>/g, '');
    for (const s of ['本年新制作数量', '上一年项目数量', '本年增/减', '采购总金额', '（六）其他处理'])
      expect(text).toContain(s);
    expect(text).not.toContain('本年制发件数');
  }, 30_000);

  it('figures of the wrong shape for their format are named', () => {
    const t3 = { ...table3Of2019(), 'other.1': emptyTable3Row() } as unknown as Table3Of2019;
    const p = figuresShapeProblems({ ...report2019, table3: t3 });
    expect(p.join()).toContain('other.1');
    const noProcurement = { ...report2019.table2, procurement: undefined } as never;
    expect(figuresShapeProblems({ ...report2019, table2: noProcurement }).join()).toContain('政府集中采购');
    expect(figuresShapeProblems(report2019)).toEqual([]);
  });

  it('comparable figures: the same meaning in both formats, （六） compared as a group total', () => {
    const c19 = comparableFigures(report2019);
    expect(c19).toMatchObject({
      newApplications: 10,
      otherHandling: 1,
      handled: 10,
      normativeIssued: 5,
      licensingDecisions: 130,
      appeals: 1,
      appealsCorrected: 1,
    });
    const t21 = computeTable3(
      [
        { id: 1, column: 'natural', receivedOn: '2021-02-01', decidedOn: '2021-02-20', outcome: 'other.1' },
        { id: 2, column: 'natural', receivedOn: '2021-03-01', decidedOn: '2021-03-20', outcome: 'other.3' },
      ],
      2021,
    ).table;
    const c21 = comparableFigures({
      format: '2021',
      table2: {
        rules: { issued: 0, abolished: 0, inForce: 0 },
        normativeDocs: { issued: 2, abolished: 0, inForce: 9 },
        licensing: 7,
        penalties: 0,
        enforcement: 0,
        feesTenThousandYuan: 3.5,
      },
      table3: t21,
      table4: computeTable4([], 2021),
    });
    expect(c21).toMatchObject({ otherHandling: 2, normativeIssued: 2, licensingDecisions: 7, handled: 2 });
  });
});

describe('Table 三 from SQL counts', () => {
  it('equals the table counted application by application, for every row and column', () => {
    const apps: ReportApplication[] = [];
    let id = 0;
    const cols = TABLE3_COLUMNS.filter((c) => c !== 'total');
    const outcomes = [...OUTCOME_KEYS, null];
    for (let i = 0; i < 400; i++) {
      const received =
        i % 5 === 0
          ? `2024-12-${String(1 + (i % 28)).padStart(2, '0')}`
          : `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`;
      const outcome = outcomes[i % outcomes.length]!;
      const closed = outcome === null ? null : i % 7 === 0 ? '2026-01-05' : '2025-12-20';
      apps.push({
        id: ++id,
        column: cols[i % cols.length]!,
        receivedOn: received,
        decidedOn: closed,
        outcome,
      });
    }
    const expected = computeTable3(apps, 2025).table;
    // the GROUP BY of reporting.repository.ts, simulated
    const groups = new Map<string, ApplicationCount>();
    for (const a of apps) {
      const isNew = a.receivedOn >= '2025-01-01';
      const outcome = a.decidedOn !== null && a.decidedOn <= '2025-12-31' ? a.outcome : null;
      const key = `${a.column}|${isNew}|${outcome}`;
      const g = groups.get(key) ?? { column: a.column, isNew, outcome, n: 0 };
      g.n++;
      groups.set(key, g);
    }
    expect(table3FromCounts([...groups.values()])).toEqual(expected);
  });
});
