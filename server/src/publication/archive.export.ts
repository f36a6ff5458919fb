/**
 * The archive volume as files: the catalogue (卷内目录) as XLSX, and a DOCX with the volume cover (案卷封面)
 * and the same catalogue — 《县司法局公开工作制度》 第三项档案管理制度: "建档编目一律使用钢笔填写或打印".
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { formatDateZh } from '../shared/dates.ts';
import { VOLUME_STATUS_LABELS, type VolumeStatus } from './archive.ts';
import type { ArchiveVolumeItemRow, ArchiveVolumeRow } from './archive.table.ts';
import {
  DISCLOSURE_ATTRIBUTE_LABELS,
  type DisclosureAttribute,
  ITEM_STATUS_LABELS,
  type ItemStatus,
  PUBLIC_SCOPE_LABELS,
  type PublicScope,
} from './information-item.ts';

export interface VolumeExport {
  volume: ArchiveVolumeRow;
  agencyName: string;
  items: ArchiveVolumeItemRow[];
}

const HEADERS = [
  '序号',
  '索引号',
  '标题',
  '文号',
  '成文日期',
  '发布日期',
  '公开属性',
  '公开范围',
  '办理状态',
  '附件数',
];

function rowValues(i: ArchiveVolumeItemRow): (string | number)[] {
  return [
    i.position,
    i.indexNo ?? '',
    i.title,
    i.docNo ?? '',
    i.generatedOn,
    i.publishedOn ?? '',
    DISCLOSURE_ATTRIBUTE_LABELS[i.attribute as DisclosureAttribute] ?? i.attribute,
    PUBLIC_SCOPE_LABELS[i.scope as PublicScope] ?? i.scope,
    ITEM_STATUS_LABELS[i.status as ItemStatus] ?? i.status,
    i.attachmentCount,
  ];
}

export function volumeTitle(e: VolumeExport): string {
  return `${e.agencyName}${e.volume.year}年度政务公开档案`;
}

export async function volumeXlsx(e: VolumeExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 政府信息公开平台';
  const ws = wb.addWorksheet('卷内目录');
  ws.addRow([`${volumeTitle(e)} · 卷内目录`]);
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow([
    `状态：${VOLUME_STATUS_LABELS[e.volume.status as VolumeStatus] ?? e.volume.status}${e.volume.closedOn ? `（${e.volume.closedOn}封卷）` : ''}　共 ${e.items.length} 件`,
  ]);
  ws.mergeCells(2, 1, 2, HEADERS.length);
  const head = ws.addRow(HEADERS);
  head.font = { bold: true };
  for (const i of e.items) ws.addRow(rowValues(i));
  const widths = [6, 30, 50, 20, 12, 12, 12, 10, 18, 8];
  widths.forEach((w, n) => {
    ws.getColumn(n + 1).width = w;
  });
  const thin = { style: 'thin' as const };
  for (let r = 3; r <= ws.rowCount; r++)
    for (let c = 1; c <= HEADERS.length; c++) {
      const x = ws.getCell(r, c);
      x.border = { top: thin, left: thin, bottom: thin, right: thin };
      x.alignment = { vertical: 'middle', wrapText: true };
    }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = '仿宋_GB2312';
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
const cell = (text: string | number, bold = false) =>
  new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({ children: [new TextRun({ text: String(text), font: FONT, size: 18, bold })] }),
    ],
  });
const line = (text: string, size = 32, center = true) =>
  new Paragraph({
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 300 },
    children: [new TextRun({ text, font: FONT, size })],
  });

export async function volumeDocx(e: VolumeExport): Promise<Buffer> {
  const v = e.volume;
  const dates = e.items.map((i) => i.publishedOn ?? i.generatedOn).sort();
  const doc = new Document({
    title: volumeTitle(e),
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 2400, after: 1200 },
            children: [new TextRun({ text: '政务公开档案', font: '方正小标宋简体', size: 56 })],
          }),
          line(`立卷单位：${e.agencyName}`),
          line(`年　　度：${v.year}年`),
          line(`卷内件数：${e.items.length}件`),
          line(
            dates.length
              ? `起止日期：${formatDateZh(dates[0]!)}至${formatDateZh(dates.at(-1)!)}`
              : '起止日期：—',
          ),
          line(v.closedOn ? `封卷日期：${formatDateZh(v.closedOn)}` : '封卷日期：（尚未封卷）'),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [new TextRun({ text: '卷内目录', font: '黑体', size: 32 })],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }),
              ...e.items.map((i) => new TableRow({ children: rowValues(i).map((x) => cell(x)) })),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
