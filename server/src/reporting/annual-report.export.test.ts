/** DOCX and XLSX exports read back: every figure of the fixture is where the national format puts it. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type AnnualReport, computeTable3, computeTable4 } from './annual-report.ts';
import { annualReportDocx, annualReportXlsx } from './annual-report.export.ts';
import { unzipEntry } from '../test-support/zip.ts';

const report: AnnualReport = {
  agencyName: '云岭县司法局',
  year: 2025,
  table2: {
    rules: { issued: 0, abolished: 0, inForce: 0 },
    normativeDocs: { issued: 3, abolished: 1, inForce: 12 },
    licensing: 57,
    penalties: 8,
    enforcement: 2,
    feesTenThousandYuan: 0,
  },
  table3: computeTable3(
    [
      { id: 1, column: 'natural', receivedOn: '2025-03-01', decidedOn: '2025-03-20', outcome: 'disclosed' },
      {
        id: 2,
        column: 'legal_service',
        receivedOn: '2025-04-01',
        decidedOn: '2025-04-28',
        outcome: 'partial',
      },
      { id: 3, column: 'commercial', receivedOn: '2025-12-29', decidedOn: null, outcome: null },
    ],
    2025,
  ).table,
  table4: computeTable4(
    [{ id: 1, kind: 'reconsideration', filedOn: '2025-06-01', decidedOn: '2025-08-01', outcome: 'upheld' }],
    2025,
  ),
  narrative: {
    overview: '2025年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。',
    problems: '政策解读形式还比较单一。',
    other: '本年度未收取信息处理费。',
  },
};

describe('annual report exports', () => {
  it('DOCX contains the title, the six sections, the national table texts and the figures', async () => {
    const xml = unzipEntry(await annualReportDocx(report), 'word/document.xml');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('云岭县司法局2025年政府信息公开工作年度报告');
    for (const s of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
      expect(text).toContain(s);
    expect(text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(text).toContain('本年度未收取信息处理费。');
    expect(xml).toContain('<w:vMerge w:val="restart"/>'); // row spans as in the national layout
    expect(text).toContain('57');
  });

  it('XLSX holds the three tables with merged cells and every figure in place', async () => {
    const wb = new ExcelJS.Workbook();
    // exceljs types its input as the old Node Buffer type
    await wb.xlsx.load((await annualReportXlsx(report)) as never);
    const s2 = wb.getWorksheet('二、主动公开')!;
    expect(s2.getCell('B4').value).toBe(3);
    expect(s2.getCell('D4').value).toBe(12);
    expect(s2.getCell('B7').value).toBe(57);
    const s3 = wb.getWorksheet('三、申请情况')!;
    expect(s3.getCell('A4').value).toBe('一、本年新收政府信息公开申请数量');
    expect(s3.getCell('J4').value).toBe(3); // 总计 column of 新收
    expect(s3.getCell('D6').value).toBe(1); // 予以公开, 自然人
    expect(s3.getCell('H7').value).toBe(1); // 部分公开, 法律服务机构
    expect(s3.getCell('A6').isMerged).toBe(true);
    const last = s3.rowCount;
    expect(s3.getCell(`A${last}`).value).toBe('四、结转下年度继续办理');
    expect(s3.getCell(`E${last}`).value).toBe(1); // carried out, 商业企业
    const s4 = wb.getWorksheet('四、复议诉讼')!;
    expect(s4.getCell('A4').value).toBe(1);
    expect(s4.getCell('E4').value).toBe(1);
  });

  it('an exported XLSX imports back to the same figures; a damaged cell is named', async () => {
    const { parseAnnualReportXlsx } = await import('./annual-report.import.ts');
    const xlsx = await annualReportXlsx(report);
    const back = await parseAnnualReportXlsx(xlsx);
    expect(back.table3).toEqual(report.table3);
    expect(back.table2).toEqual(report.table2);
    expect(back.table4).toEqual(report.table4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    wb.getWorksheet('三、申请情况')!.getCell('E6').value = '三';
    const damaged = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(parseAnnualReportXlsx(damaged)).rejects.toThrow(/E6/);
    await expect(parseAnnualReportXlsx(Buffer.from('not a workbook'))).rejects.toThrow(/xlsx/);
  });
});
