/**
 * Reading a past year's tables from an XLSX in the national layout (the layout our own export writes,
 * which is how officials keep the tables) so year-on-year comparison works from the first year of use.
 * Both formats: the 2021 format and the 2019 trial format, told apart by the Table 二 headings
 * (本年制发件数 vs 本年新制作数量) and the Table 三 row labels checked against the format.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../shared/app-error.ts';
import {
  APPEAL_KINDS,
  type ItemChange,
  type ReportFormat,
  REPORT_FORMAT_LABELS,
  type Table2,
  type Table2Of2019,
  type Table4,
  TABLE3_COLUMNS,
  type TaggedFigures,
  table3RowLabel,
  table3Rows,
} from './annual-report.ts';

const invalid = (message: string, field: string) =>
  new AppError('VALIDATION_FAILED', {
    message,
    fields: [{ field: 'file', label: '报告表格文件', message: field }],
  });

/** A label as compared: without white space and quotation marks (typed straight or curly by hand). */
const norm = (t: string) => t.replace(/[\s“”"‘’']+/g, '');

function text(ws: ExcelJS.Worksheet, addr: string): string {
  const v = ws.getCell(addr).value;
  return typeof v === 'string' ? norm(v) : v === null ? '' : String(v);
}

function num(ws: ExcelJS.Worksheet, addr: string, label: string, signed = false): number {
  const v = ws.getCell(addr).value;
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && v.trim() !== ''
        ? Number(v)
        : v === null
          ? 0
          : Number.NaN;
  if (!Number.isFinite(n) || (!signed && n < 0)) {
    throw invalid(
      `表格“${ws.name}”单元格 ${addr}（${label}）应为${signed ? '' : '非负'}数字`,
      `单元格 ${addr} 不是${signed ? '' : '非负'}数字`,
    );
  }
  return n;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws)
    throw invalid(`文件中没有名为“${name}”的工作表，请使用平台导出的年报表格格式`, `缺少工作表“${name}”`);
  return ws;
}

/** Which format the workbook is in, from the headings of Table 二 第二十条第（一）项. */
function detectFormat(s2: ExcelJS.Worksheet): ReportFormat {
  const b2 = text(s2, 'B2');
  if (b2 === '本年制发件数') return '2021';
  if (b2 === '本年新制作数量') return '2019';
  throw invalid(
    `工作表“${s2.name}”单元格 B2 应为“本年制发件数”（2021 格式）或“本年新制作数量”（2019 格式），请使用平台导出的年报表格格式`,
    '无法识别报告格式',
  );
}

function table2Of2021(s2: ExcelJS.Worksheet): Table2 {
  return {
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
}

function table2Of2019(s2: ExcelJS.Worksheet): Table2Of2019 {
  const made = (r: number, l: string) => ({
    made: num(s2, `B${r}`, `${l}本年新制作数量`),
    published: num(s2, `C${r}`, `${l}本年新公开数量`),
    totalPublic: num(s2, `D${r}`, `${l}对外公开总数量`),
  });
  const ic = (r: number, l: string): ItemChange => ({
    previous: num(s2, `B${r}`, `${l}上一年项目数量`),
    change: num(s2, `C${r}`, `${l}本年增/减`, true),
    decisions: num(s2, `D${r}`, `${l}处理决定数量`),
  });
  if (text(s2, 'A16') !== '第二十条第（九）项')
    throw invalid(`工作表“${s2.name}”单元格 A16 应为“第二十条第（九）项”（2019 格式）`, '单元格 A16 不符');
  return {
    rules: made(3, '规章'),
    normativeDocs: made(4, '规范性文件'),
    licensing: ic(7, '行政许可'),
    otherServices: ic(8, '其他对外管理服务事项'),
    penalties: ic(11, '行政处罚'),
    enforcement: ic(12, '行政强制'),
    fees: {
      previous: num(s2, 'B15', '行政事业性收费上一年项目数量'),
      change: num(s2, 'C15', '行政事业性收费本年增/减', true),
    },
    procurement: {
      projects: num(s2, 'B18', '政府集中采购采购项目数量'),
      amount: num(s2, 'C18', '政府集中采购采购总金额'),
    },
  };
}

/**
 * The tables of a report XLSX and the format they are in. `expected` (the format staff chose) must
 * match the file's; a Table 三 whose row labels are not those of the format is refused with the cell named.
 */
export async function parseAnnualReportXlsx(data: Buffer, expected?: ReportFormat): Promise<TaggedFigures> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as never);
  } catch {
    throw invalid('无法读取文件：请上传 .xlsx 格式的年报表格', '不是有效的 XLSX 文件');
  }
  const s2 = sheet(wb, '二、主动公开');
  const format = detectFormat(s2);
  if (expected && expected !== format)
    throw invalid(
      `文件是${REPORT_FORMAT_LABELS[format]}的表格，与所选的${REPORT_FORMAT_LABELS[expected]}不符`,
      '报告格式与所选不符',
    );
  const s3 = sheet(wb, '三、申请情况');
  const cols = 'DEFGHIJ';
  const table3: Record<string, Record<string, number>> = {};
  table3Rows(format).forEach((row, i) => {
    const r = 4 + i;
    // outcome rows carry their label in column C (sub-items) or B (rows without sub-items); the others in A
    const label = table3RowLabel(format, row);
    const found = [text(s3, `A${r}`), text(s3, `B${r}`), text(s3, `C${r}`)];
    if (!found.includes(norm(label)))
      throw invalid(
        `工作表“${s3.name}”第 ${r} 行应为“${label}”（${REPORT_FORMAT_LABELS[format]}），请使用平台导出的年报表格格式`,
        `第 ${r} 行不是“${label}”`,
      );
    table3[row] = Object.fromEntries(
      TABLE3_COLUMNS.map((c, k) => [c, num(s3, `${cols[k]}${r}`, `${label} ${c}`)]),
    );
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
  return format === '2019'
    ? { format, table2: table2Of2019(s2), table3: table3 as never, table4 }
    : { format, table2: table2Of2021(s2), table3: table3 as never, table4 };
}
