/**
 * The annual report as DOCX (what officials edit and print; 仿宋 body, 小标宋 title as in official
 * documents) and XLSX (the tables, for analysis), both in the national layout with merged cells —
 * the 2021 format, or the 2019 trial format for a past year stored in it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import {
  APPEAL_KINDS,
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  type AnnualReport,
  type AnnualReport2019,
  type AnyTable3,
  COLUMN_LABELS,
  type ItemChange,
  SECTION_TITLES,
  TABLE3_COLUMNS,
  table3RowLabel,
} from './annual-report.ts';
import { outcomeGroups } from './annual-report.render.ts';

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

const FONT = '仿宋_GB2312';
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(
  text: string | number,
  o: { rowSpan?: number; columnSpan?: number; bold?: boolean; left?: boolean } = {},
): TableCell {
  return new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    ...(o.rowSpan ? { rowSpan: o.rowSpan } : {}),
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    children: [
      new Paragraph({
        alignment: o.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun({ text: String(text), font: FONT, size: 20, bold: o.bold ?? false })],
      }),
    ],
  });
}

const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });

function table2Docx2019(r: AnnualReport2019): Table {
  const t = r.table2;
  const section = (item: string) => new TableRow({ children: [cell(item, { columnSpan: 4, bold: true })] });
  const head = (cols: string[]) =>
    new TableRow({
      children: [
        cell('信息内容'),
        ...cols.map((c, i) => cell(c, cols.length === 2 && i === 1 ? { columnSpan: 2 } : {})),
      ],
    });
  const row = (label: string, values: (number | string)[]) =>
    new TableRow({
      children: [
        cell(label),
        ...values.map((v, i) => cell(v, values.length === 2 && i === 1 ? { columnSpan: 2 } : {})),
      ],
    });
  const ic = (label: string, v: ItemChange) => row(label, [v.previous, signed(v.change), v.decisions]);
  const changeHead = ['上一年项目数量', '本年增/减', '处理决定数量'];
  return table([
    section('第二十条第（一）项'),
    head(['本年新制作数量', '本年新公开数量', '对外公开总数量']),
    row('规章', [t.rules.made, t.rules.published, t.rules.totalPublic]),
    row('规范性文件', [t.normativeDocs.made, t.normativeDocs.published, t.normativeDocs.totalPublic]),
    section('第二十条第（五）项'),
    head(changeHead),
    ic('行政许可', t.licensing),
    ic('其他对外管理服务事项', t.otherServices),
    section('第二十条第（六）项'),
    head(changeHead),
    ic('行政处罚', t.penalties),
    ic('行政强制', t.enforcement),
    section('第二十条第（八）项'),
    head(['上一年项目数量', '本年增/减']),
    row('行政事业性收费', [t.fees.previous, signed(t.fees.change)]),
    section('第二十条第（九）项'),
    head(['采购项目数量', '采购总金额']),
    row('政府集中采购', [t.procurement.projects, t.procurement.amount]),
  ]);
}

function table2Docx(r: AnnualReport): Table {
  if (r.format === '2019') return table2Docx2019(r);
  const t = r.table2;
  const head = (item: string, cols: string[]) => [
    new TableRow({ children: [cell(item, { columnSpan: 4, bold: true })] }),
    new TableRow({
      children: [cell('信息内容'), ...cols.map((c) => cell(c, cols.length === 1 ? { columnSpan: 3 } : {}))],
    }),
  ];
  const one = (label: string, v: number) =>
    new TableRow({ children: [cell(label), cell(v, { columnSpan: 3 })] });
  return table([
    ...head('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数']),
    new TableRow({
      children: [cell('规章'), cell(t.rules.issued), cell(t.rules.abolished), cell(t.rules.inForce)],
    }),
    new TableRow({
      children: [
        cell('行政规范性文件'),
        cell(t.normativeDocs.issued),
        cell(t.normativeDocs.abolished),
        cell(t.normativeDocs.inForce),
      ],
    }),
    ...head('第二十条第（五）项', ['本年处理决定数量']),
    one('行政许可', t.licensing),
    ...head('第二十条第（六）项', ['本年处理决定数量']),
    one('行政处罚', t.penalties),
    one('行政强制', t.enforcement),
    ...head('第二十条第（八）项', ['本年收费金额（单位：万元）']),
    one('行政事业性收费', t.feesTenThousandYuan),
  ]);
}

function table3Docx(r: AnnualReport): Table {
  const format = r.format ?? '2021';
  const t3 = r.table3 as AnyTable3;
  const nums = (row: string) => TABLE3_COLUMNS.map((c) => cell(t3[row]?.[c] ?? 0));
  const label = (row: string) => table3RowLabel(format, row);
  const groups = outcomeGroups(format);
  const resultRows = groups.reduce((n, g) => n + g.rows.length, 0) + 1;
  const rows: TableRow[] = [
    new TableRow({
      children: [
        cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', {
          columnSpan: 3,
          rowSpan: 3,
        }),
        cell('申请人情况', { columnSpan: 7 }),
      ],
    }),
    new TableRow({
      children: [
        cell(COLUMN_LABELS.natural, { rowSpan: 2 }),
        cell('法人或其他组织', { columnSpan: 5 }),
        cell(COLUMN_LABELS.total, { rowSpan: 2 }),
      ],
    }),
    new TableRow({
      children: (['commercial', 'research', 'nonprofit', 'legal_service', 'other'] as const).map((c) =>
        cell(COLUMN_LABELS[c]),
      ),
    }),
    new TableRow({ children: [cell(label('new'), { columnSpan: 3, left: true }), ...nums('new')] }),
    new TableRow({
      children: [cell(label('carried_in'), { columnSpan: 3, left: true }), ...nums('carried_in')],
    }),
  ];
  groups.forEach((g, gi) => {
    const lead = gi === 0 ? [cell('三、本年度办理结果', { rowSpan: resultRows })] : [];
    if (g.single) {
      rows.push(
        new TableRow({
          children: [...lead, cell(g.rows[0]!.label, { columnSpan: 2, left: true }), ...nums(g.rows[0]!.key)],
        }),
      );
      return;
    }
    g.rows.forEach((o, i) => {
      rows.push(
        new TableRow({
          children: [
            ...(i === 0 ? [...lead, cell(g.label, { rowSpan: g.rows.length })] : []),
            cell(o.label, { left: true }),
            ...nums(o.key),
          ],
        }),
      );
    });
  });
  rows.push(
    new TableRow({ children: [cell(label('total'), { columnSpan: 2, left: true }), ...nums('total')] }),
  );
  rows.push(
    new TableRow({
      children: [cell(label('carried_out'), { columnSpan: 3, left: true }), ...nums('carried_out')],
    }),
  );
  return table(rows);
}

function table4Docx(r: AnnualReport): Table {
  const outcomes = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  return table([
    new TableRow({
      children: [
        cell(APPEAL_KIND_LABELS.reconsideration, { columnSpan: 5, rowSpan: 2 }),
        cell('行政诉讼', { columnSpan: 10 }),
      ],
    }),
    new TableRow({
      children: [
        cell(APPEAL_KIND_LABELS.litigation_direct, { columnSpan: 5 }),
        cell(APPEAL_KIND_LABELS.litigation_after_reconsideration, { columnSpan: 5 }),
      ],
    }),
    new TableRow({
      children: APPEAL_KINDS.flatMap(() => outcomes.map((o) => cell(APPEAL_OUTCOME_LABELS[o]))),
    }),
    new TableRow({ children: APPEAL_KINDS.flatMap((k) => outcomes.map((o) => cell(r.table4[k][o]))) }),
  ]);
}

const para = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: FONT, size: 32 })],
  });
const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: '黑体', size: 32 })],
  });
const narrative = (text: string) =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(para);

export async function annualReportDocx(r: AnnualReport): Promise<Buffer> {
  const doc = new Document({
    creator: 'Gongkai 政府信息公开平台',
    title: `${r.agencyName}${r.year}年政府信息公开工作年度报告`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [
              new TextRun({
                text: `${r.agencyName}${r.year}年政府信息公开工作年度报告`,
                font: '方正小标宋简体',
                size: 44,
              }),
            ],
          }),
          heading(SECTION_TITLES[0]),
          ...narrative(r.narrative.overview),
          heading(SECTION_TITLES[1]),
          table2Docx(r),
          heading(SECTION_TITLES[2]),
          table3Docx(r),
          heading(SECTION_TITLES[3]),
          table4Docx(r),
          heading(SECTION_TITLES[4]),
          ...narrative(r.narrative.problems),
          heading(SECTION_TITLES[5]),
          ...narrative(r.narrative.other),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function annualReportXlsx(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 政府信息公开平台';
  const thin = { style: 'thin' as const };
  const box = (ws: ExcelJS.Worksheet, from: number, to: number, cols: number) => {
    for (let row = from; row <= to; row++)
      for (let c = 1; c <= cols; c++) {
        const x = ws.getCell(row, c);
        x.border = { top: thin, left: thin, bottom: thin, right: thin };
        x.alignment = {
          vertical: 'middle',
          horizontal: typeof x.value === 'number' ? 'center' : 'left',
          wrapText: true,
        };
      }
  };

  const s2 = wb.addWorksheet('二、主动公开');
  if (r.format === '2019') {
    const t = r.table2;
    const ic = (label: string, v: ItemChange) => [label, v.previous, v.change, v.decisions];
    s2.addRows([
      ['第二十条第（一）项'],
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规章', t.rules.made, t.rules.published, t.rules.totalPublic],
      ['规范性文件', t.normativeDocs.made, t.normativeDocs.published, t.normativeDocs.totalPublic],
      ['第二十条第（五）项'],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ic('行政许可', t.licensing),
      ic('其他对外管理服务事项', t.otherServices),
      ['第二十条第（六）项'],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ic('行政处罚', t.penalties),
      ic('行政强制', t.enforcement),
      ['第二十条第（八）项'],
      ['信息内容', '上一年项目数量', '本年增/减'],
      ['行政事业性收费', t.fees.previous, t.fees.change],
      ['第二十条第（九）项'],
      ['信息内容', '采购项目数量', '采购总金额'],
      ['政府集中采购', t.procurement.projects, t.procurement.amount],
    ]);
    for (const row of [1, 5, 9, 13, 16]) s2.mergeCells(row, 1, row, 4);
    for (const row of [14, 15, 17, 18]) s2.mergeCells(row, 3, row, 4);
    box(s2, 1, 18, 4);
  } else {
    const t = r.table2;
    s2.addRows([
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', t.rules.issued, t.rules.abolished, t.rules.inForce],
      ['行政规范性文件', t.normativeDocs.issued, t.normativeDocs.abolished, t.normativeDocs.inForce],
      ['第二十条第（五）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', t.licensing],
      ['第二十条第（六）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政处罚', t.penalties],
      ['行政强制', t.enforcement],
      ['第二十条第（八）项'],
      ['信息内容', '本年收费金额（单位：万元）'],
      ['行政事业性收费', t.feesTenThousandYuan],
    ]);
    for (const row of [1, 5, 8, 12]) s2.mergeCells(row, 1, row, 4);
    for (const row of [6, 7, 9, 10, 11, 13, 14]) s2.mergeCells(row, 2, row, 4);
    box(s2, 1, 14, 4);
  }
  s2.getColumn(1).width = 22;
  for (const c of [2, 3, 4]) s2.getColumn(c).width = 16;

  const s3 = wb.addWorksheet('三、申请情况');
  s3.addRow(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况']);
  s3.addRow(['', '', '', COLUMN_LABELS.natural, '法人或其他组织', '', '', '', '', COLUMN_LABELS.total]);
  s3.addRow([
    '',
    '',
    '',
    '',
    COLUMN_LABELS.commercial,
    COLUMN_LABELS.research,
    COLUMN_LABELS.nonprofit,
    COLUMN_LABELS.legal_service,
    COLUMN_LABELS.other,
    '',
  ]);
  s3.mergeCells(1, 1, 3, 3);
  s3.mergeCells(1, 4, 1, 10);
  s3.mergeCells(2, 4, 3, 4);
  s3.mergeCells(2, 5, 2, 9);
  s3.mergeCells(2, 10, 3, 10);
  const format = r.format ?? '2021';
  const t3 = r.table3 as AnyTable3;
  const nums = (k: string) => TABLE3_COLUMNS.map((c) => t3[k]?.[c] ?? 0);
  const label = (k: string) => table3RowLabel(format, k);
  s3.addRow([label('new'), '', '', ...nums('new')]);
  s3.addRow([label('carried_in'), '', '', ...nums('carried_in')]);
  s3.mergeCells(4, 1, 4, 3);
  s3.mergeCells(5, 1, 5, 3);
  const firstOutcome = 6;
  let row = 6;
  for (const [gi, g] of outcomeGroups(format).entries()) {
    const lead = gi === 0 ? '三、本年度办理结果' : '';
    if (g.single) {
      s3.addRow([lead, g.rows[0]!.label, '', ...nums(g.rows[0]!.key)]);
      s3.mergeCells(row, 2, row, 3);
      row++;
      continue;
    }
    for (const [i, o] of g.rows.entries()) s3.addRow([lead, i === 0 ? g.label : '', o.label, ...nums(o.key)]);
    s3.mergeCells(row, 2, row + g.rows.length - 1, 2);
    row += g.rows.length;
  }
  s3.addRow(['', label('total'), '', ...nums('total')]);
  s3.mergeCells(row, 2, row, 3);
  s3.mergeCells(firstOutcome, 1, row, 1);
  row++;
  s3.addRow([label('carried_out'), '', '', ...nums('carried_out')]);
  s3.mergeCells(row, 1, row, 3);
  s3.getColumn(1).width = 14;
  s3.getColumn(2).width = 16;
  s3.getColumn(3).width = 40;
  for (let c = 4; c <= 10; c++) s3.getColumn(c).width = 11;
  box(s3, 1, row, 10);

  const s4 = wb.addWorksheet('四、复议诉讼');
  const outcomes = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  s4.addRow([APPEAL_KIND_LABELS.reconsideration, '', '', '', '', '行政诉讼']);
  s4.addRow([
    '',
    '',
    '',
    '',
    '',
    APPEAL_KIND_LABELS.litigation_direct,
    '',
    '',
    '',
    '',
    APPEAL_KIND_LABELS.litigation_after_reconsideration,
  ]);
  s4.addRow(APPEAL_KINDS.flatMap(() => outcomes.map((o) => APPEAL_OUTCOME_LABELS[o])));
  s4.addRow(APPEAL_KINDS.flatMap((k) => outcomes.map((o) => r.table4[k][o])));
  s4.mergeCells(1, 1, 2, 5);
  s4.mergeCells(1, 6, 1, 15);
  s4.mergeCells(2, 6, 2, 10);
  s4.mergeCells(2, 11, 2, 15);
  box(s4, 1, 4, 15);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
