/**
 * The decision letter (问责决定书, 《区督查问责办法》第十三条) as DOCX, with the official-letter
 * typography of requests/letter.docx.ts: the facts, the violated provisions, the split of
 * responsibility (第十条), the sanctions (第十一条), the review right and that the decision applies
 * during review, and the written rectification report the sanctioned unit owes (第十四条).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Static } from 'typebox';
import { formatDateZh } from '../shared/dates.ts';
import { ACCOUNTABILITY_STATUTE, REVIEW_REQUEST_DAYS } from './accountability.ts';
import type { CaseDetail } from './accountability.schemas.ts';

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

/** The letter's lines (also what the tests read). */
export function decisionLetterLines(c: Static<typeof CaseDetail>): string[] {
  const lines: string[] = [];
  const concerned = c.persons.map((p) => p.name).join('、');
  lines.push(`被问责单位：${c.agencyName}`);
  if (concerned) lines.push(`被问责人：${concerned}`);
  lines.push(`经调查，${c.facts}`);
  lines.push(
    `上述行为属于${c.violations.map((v) => `“${v.label}”`).join('、')}的情形（${[
      ...new Set(c.violations.map((v) => v.basis)),
    ].join('；')}），违反了${ACCOUNTABILITY_STATUTE}的规定。`,
  );
  if (c.decisionModeLabel) lines.push(`该行为系${c.decisionModeLabel}作出。`);
  for (const p of c.persons) {
    const stated = p.statement ? `本人陈述和申辩：${p.statement}。` : '';
    const sanctions = p.sanctions.map((s) => s.label).join('、') || '不予处理';
    lines.push(
      `${p.name}（${p.roleLabel}）：${stated}承担${p.shareLabel ?? '（未区分）'}（${p.shareBasis ?? ''}），处理：${sanctions}。`,
    );
  }
  if (c.unitSanctions.length)
    lines.push(`对${c.agencyName}：${c.unitSanctions.map((s) => s.label).join('、')}。`);
  if (c.severityLabel) lines.push(`情节认定：${c.severityLabel}（《区督查问责办法》第十一条）。`);
  if (c.decisionText) lines.push(`决定：${c.decisionText}`);
  if (c.reviewOutcomeLabel)
    lines.push(
      `复核结论（${c.reviewedOn ? formatDateZh(c.reviewedOn) : ''}）：${c.reviewOutcomeLabel}。${c.reviewNote ?? ''}`,
    );
  lines.push(
    `被问责单位和个人对本决定不服的，可以自收到本决定书之日起${REVIEW_REQUEST_DAYS}日内${
      c.reviewDueOn ? `（至${formatDateZh(c.reviewDueOn)}）` : ''
    }向${c.supervisorAgencyName}申请复核。复核期间，本决定不停止执行（《区督查问责办法》第十三条）。`,
  );
  if (c.againstUnit)
    lines.push(
      `${c.agencyName}应当及时纠正上述行为，并将整改情况以书面形式报告${c.supervisorAgencyName}（《区督查问责办法》第十四条）。`,
    );
  return lines;
}

export async function decisionLetterDocx(c: Static<typeof CaseDetail>): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: c.supervisorAgencyName, font: TITLE_FONT, size: 36 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: '问责决定书', font: TITLE_FONT, size: 44 })],
    }),
    body(c.caseNo, { right: true }),
  ];
  for (const [i, l] of decisionLetterLines(c).entries()) children.push(body(l, { indent: i > 1 }));
  children.push(
    body(''),
    body(c.supervisorAgencyName, { right: true }),
    body(c.decidedOn ? formatDateZh(c.decidedOn) : '', { right: true }),
  );
  const doc = new Document({
    creator: c.supervisorAgencyName,
    title: `问责决定书 ${c.caseNo}`,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
