/**
 * Reading a past year's tables from an XLSX in the national layout (the layout our own export writes,
 * which is how officials keep the tables) so year-on-year comparison works from the first year of use.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../shared/app-error.ts';
import {
  APPEAL_KINDS,
  type Table2,
  type Table3,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  type Table4,
} from './annual-report.ts';

function num(ws: ExcelJS.Worksheet, addr: string, label: string): number {
  const v = ws.getCell(addr).value;
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && v.trim() !== ''
        ? Number(v)
        : v === null
          ? 0
          : Number.NaN;
  if (!Number.isFinite(n) || n < 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: `表格“${ws.name}”单元格 ${addr}（${label}）应为非负数字`,
      fields: [{ field: 'file', label: '报告表格文件', message: `单元格 ${addr} 不是非负数字` }],
    });
  }
  return n;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws)
    throw new AppError('VALIDATION_FAILED', {
      message: `文件中没有名为“${name}”的工作表，请使用平台导出的年报表格格式`,
      fields: [{ field: 'file', label: '报告表格文件', message: `缺少工作表“${name}”` }],
    });
  return ws;
}

export async function parseAnnualReportXlsx(
  data: Buffer,
): Promise<{ table2: Table2; table3: Table3; table4: Table4 }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as never);
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      message: '无法读取文件：请上传 .xlsx 格式的年报表格',
      fields: [{ field: 'file', label: '报告表格文件', message: '不是有效的 XLSX 文件' }],
    });
  }
  const s2 = sheet(wb, '二、主动公开');
  const table2: Table2 = {
    rules: {
      issued: num(s2, 'B3', '规章本年制发'),
      abolished: num(s2, 'C3', '规章本年废止'),
      inForce: num(s2, 'D3', '规章现行有效'),
    },
    normativeDocs: {
      issued: num(s2, 'B4', '规范性文件本年制发'),
      abolished: num(s2, 'C4', '规范性文件本年废止'),
      inForce: num(s2, 'D4', '规范性文件现行有效'),
    },
    licensing: num(s2, 'B7', '行政许可'),
    penalties: num(s2, 'B10', '行政处罚'),
    enforcement: num(s2, 'B11', '行政强制'),
    feesTenThousandYuan: num(s2, 'B14', '行政事业性收费'),
  };
  const s3 = sheet(wb, '三、申请情况');
  const cols = 'DEFGHIJ';
  const table3 = {} as Table3;
  TABLE3_ROWS.forEach((row, i) => {
    const r = 4 + i;
    table3[row] = Object.fromEntries(
      TABLE3_COLUMNS.map((c, k) => [c, num(s3, `${cols[k]}${r}`, `${row} ${c}`)]),
    ) as Table3[typeof row];
  });
  const s4 = sheet(wb, '四、复议诉讼');
  const outcomes = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  const letters = 'ABCDEFGHIJKLMNO';
  const table4 = Object.fromEntries(
    APPEAL_KINDS.map((k, b) => [
      k,
      Object.fromEntries(outcomes.map((o, j) => [o, num(s4, `${letters[b * 5 + j]}4`, `${k} ${o}`)])),
    ]),
  ) as Table4;
  return { table2, table3, table4 };
}
