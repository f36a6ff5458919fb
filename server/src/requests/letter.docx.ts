/** Renders a letter as DOCX (what officials edit and print), with the official-letter typography. */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { formatDateZh } from '../shared/dates.ts';
import { applicantLines, type LetterContent } from './letter.ts';

const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };

function body(text: string, opts: { indent?: boolean; bold?: boolean; right?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: 32, bold: opts.bold })],
  });
}

export async function letterDocx(c: LetterContent): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: c.agencyName, font: TITLE_FONT, size: 36 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: c.title, font: TITLE_FONT, size: 44 })],
    }),
    body(`登记号：${c.registrationNo}`, { right: true }),
    ...applicantLines(c).map((l) => body(l)),
  ];
  for (const [i, p] of c.paragraphs.entries()) children.push(body(p, { indent: i > 0 }));
  for (const item of c.items) {
    children.push(body(item.heading, { indent: true, bold: true }));
    for (const l of item.lines) children.push(body(l, { indent: true }));
  }
  if (c.remedy) children.push(body(c.remedy, { indent: true }));
  children.push(
    body(''),
    body(c.agencyName, { right: true }),
    body(formatDateZh(c.issuedOn), { right: true }),
  );
  const doc = new Document({
    creator: c.agencyName,
    title: c.title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
