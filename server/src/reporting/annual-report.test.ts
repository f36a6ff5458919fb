/** The national annual-report tables (国办公开办函〔2021〕30号) computed from records, with their identities. */
import { describe, expect, it } from 'vitest';
import {
  type AppealKind,
  checkIdentities,
  computeTable3,
  computeTable4,
  OUTCOME_KEYS,
  type ReportApplication,
  type ReportAppeal,
  reportDueDate,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
} from './annual-report.ts';
import { renderTable3, renderTable4 } from './annual-report.render.ts';

let n = 0;
const app = (p: Partial<ReportApplication> & Pick<ReportApplication, 'receivedOn'>): ReportApplication => ({
  id: ++n,
  column: 'natural',
  decidedOn: null,
  outcome: null,
  ...p,
});

describe('Table 三 from applications', () => {
  const fixture: ReportApplication[] = [
    // carried in from 2024, answered in 2025
    app({ receivedOn: '2024-12-20', decidedOn: '2025-01-10', outcome: 'disclosed' }),
    // carried in from 2024 and still open at the end of 2025 → carried out too
    app({ receivedOn: '2024-12-30', column: 'commercial' }),
    // closed in 2024: not in the 2025 table at all
    app({ receivedOn: '2024-03-01', decidedOn: '2024-03-20', outcome: 'disclosed' }),
    // new in 2025, every kind of outcome
    app({ receivedOn: '2025-02-01', decidedOn: '2025-02-20', outcome: 'partial', column: 'research' }),
    app({
      receivedOn: '2025-03-01',
      decidedOn: '2025-03-25',
      outcome: 'withheld.4',
      column: 'legal_service',
    }),
    app({ receivedOn: '2025-04-01', decidedOn: '2025-04-10', outcome: 'unable.1' }),
    app({
      receivedOn: '2025-05-01',
      decidedOn: '2025-05-06',
      outcome: 'not_processed.2',
      column: 'nonprofit',
    }),
    app({ receivedOn: '2025-06-01', decidedOn: '2025-07-01', outcome: 'other.1', column: 'other' }),
    // new in 2025, answered in 2026 → carried out
    app({ receivedOn: '2025-12-25', decidedOn: '2026-01-15', outcome: 'disclosed', column: 'commercial' }),
    // received in 2026: not in 2025
    app({ receivedOn: '2026-01-05' }),
  ];
  const { table, contributors } = computeTable3(fixture, 2025);

  it('counts new, carried-in, outcomes, total and carried-out per column', () => {
    expect(table.new.total).toBe(6);
    expect(table.carried_in.total).toBe(2);
    expect(table.carried_in.commercial).toBe(1);
    expect(table.disclosed.natural).toBe(1);
    expect(table.partial.research).toBe(1);
    expect(table['withheld.4'].legal_service).toBe(1);
    expect(table['unable.1'].natural).toBe(1);
    expect(table['not_processed.2'].nonprofit).toBe(1);
    expect(table['other.1'].other).toBe(1);
    expect(table.total.total).toBe(6);
    expect(table.carried_out.total).toBe(2);
    expect(table.carried_out.commercial).toBe(2);
  });

  it('every cell not named above is zero', () => {
    const nonZero = TABLE3_ROWS.flatMap((r) =>
      TABLE3_COLUMNS.filter((c) => table[r][c] !== 0).map((c) => `${r}.${c}`),
    );
    expect(nonZero.sort()).toEqual(
      [
        'new.natural',
        'new.research',
        'new.legal_service',
        'new.nonprofit',
        'new.other',
        'new.commercial',
        'new.total',
        'carried_in.natural',
        'carried_in.commercial',
        'carried_in.total',
        'disclosed.natural',
        'disclosed.total',
        'partial.research',
        'partial.total',
        'withheld.4.legal_service',
        'withheld.4.total',
        'unable.1.natural',
        'unable.1.total',
        'not_processed.2.nonprofit',
        'not_processed.2.total',
        'other.1.other',
        'other.1.total',
        'total.natural',
        'total.research',
        'total.legal_service',
        'total.nonprofit',
        'total.other',
        'total.total',
        'carried_out.commercial',
        'carried_out.total',
      ].sort(),
    );
    expect(table.new.natural).toBe(1);
    expect(table.total.natural).toBe(2);
  });

  it('records which applications stand behind each row (for explaining a broken identity)', () => {
    expect(contributors.get('carried_out')).toHaveLength(2);
    expect(contributors.get('partial')).toHaveLength(1);
  });

  it('a correct dataset satisfies every identity: 一+二=（七）+四 per column, the outcome sum, the column sum', () => {
    expect(checkIdentities(table, computeTable4([], 2025))).toEqual([]);
  });

  it('a deliberately broken table is caught, naming the column and the figures', () => {
    const broken = structuredClone(table);
    broken['withheld.1'].research = 3; // a cell edited by hand
    const problems = checkIdentities(broken, computeTable4([], 2025));
    expect(problems.map((p) => p.identity)).toEqual(
      expect.arrayContaining(['（七）总计=各办理结果之和', '总计列=各列之和']),
    );
    expect(problems.find((p) => p.identity === '（七）总计=各办理结果之和')?.message).toContain('科研机构');
    const broken2 = structuredClone(table);
    broken2.carried_out.natural += 1;
    broken2.carried_out.total += 1;
    expect(checkIdentities(broken2, computeTable4([], 2025)).map((p) => p.identity)).toContain(
      '一+二=（七）+四',
    );
  });

  it('outcome rows are exactly the 21 leaf rows of the national table, in order', () => {
    expect(OUTCOME_KEYS).toHaveLength(21);
    expect(OUTCOME_KEYS[0]).toBe('disclosed');
    expect(OUTCOME_KEYS[1]).toBe('partial');
    expect(OUTCOME_KEYS.at(-1)).toBe('other.3');
  });
});

describe('Table 四 from reconsideration and litigation records', () => {
  const a = (
    kind: AppealKind,
    filedOn: string,
    decidedOn: string | null,
    outcome: ReportAppeal['outcome'],
  ): ReportAppeal => ({ id: ++n, kind, filedOn, decidedOn, outcome });
  const t4 = computeTable4(
    [
      a('reconsideration', '2025-03-01', '2025-05-01', 'upheld'),
      a('reconsideration', '2025-06-01', '2025-08-01', 'corrected'),
      a('reconsideration', '2025-11-01', '2026-01-20', 'upheld'), // decided after the year end → pending
      a('litigation_direct', '2025-04-01', null, null),
      a('litigation_after_reconsideration', '2025-09-01', '2025-12-01', 'other'),
      a('reconsideration', '2024-12-01', '2025-01-10', 'upheld'), // filed in 2024: not counted in 2025
    ],
    2025,
  );
  it('counts cases filed in the year; undecided at year end is 尚未审结; each block totals', () => {
    expect(t4.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 });
    expect(t4.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(t4.litigation_after_reconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 1,
      pending: 0,
      total: 1,
    });
  });
  it('a block whose 总计 does not add up is reported', () => {
    const broken = structuredClone(t4);
    broken.reconsideration.total = 4;
    const p = checkIdentities(computeTable3([], 2025).table, broken);
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toContain('行政复议');
  });
});

describe('national layout and deadlines', () => {
  it('Table 三 HTML has the 22-row span for 三、本年度办理结果 and the seven columns', () => {
    const out = renderTable3(computeTable3([], 2025).table).value;
    expect(out).toContain('rowspan="22"');
    expect(out).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(out.match(/<tr>/g)!.length).toBe(3 + 25);
    for (const l of ['商业企业', '科研机构', '社会公益组织', '法律服务机构']) expect(out).toContain(l);
  });
  it('Table 四 HTML has 15 cells', () => {
    const out = renderTable4(computeTable4([], 2025)).value;
    expect(out.match(/<td class="num">/g)).toHaveLength(15);
  });
  it('R.49: departments publish by 31 January, governments by 31 March', () => {
    expect(reportDueDate(2025, false)).toBe('2026-01-31');
    expect(reportDueDate(2025, true)).toBe('2026-03-31');
  });
});
