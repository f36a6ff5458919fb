import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { pressEventsHeld } from '../participation/index.ts';
import { itemsSentFigure } from '../publication/archive.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { reportingPolicy } from './reporting.policy.ts';
import { reportingRepository } from './reporting.repository.ts';
import { computeReport, ownScope } from './reporting.service.ts';
import {
  EMPTY_SELF_INPUTS,
  prefillSelfInspection,
  SELF_SECTIONS,
  type SelfInspectionFigures,
  type SelfInspectionInputs,
  type SelfInspectionNarrative,
} from './self-inspection.ts';

export interface SelfInspection {
  agencyName: string;
  year: number;
  figures: SelfInspectionFigures;
  inputs: SelfInspectionInputs;
  narrative: SelfInspectionNarrative;
  updatedAt: string | null;
  /** figures the platform now records for an entered input: prefilled while the input was never saved */
  recorded: { pressConferences: number };
}

export async function getSelfInspection(
  deps: Deps,
  db: DbOrTx,
  agencyId: number,
  year: number,
): Promise<SelfInspection> {
  const dir = await agencyDirectory(deps, db);
  const agency = dir.get(agencyId);
  if (!agency) throw new AppError('AGENCY_NOT_FOUND');
  const scope = ownScope(dir, agencyId);
  const docs = await reportingRepository.documentFigures(db, scope, year);
  const report = (await computeReport(deps, db, agencyId, year)).report;
  const proactive = docs.byAttribute.get('proactive') ?? 0;
  const figures: SelfInspectionFigures = {
    documentsIssued: [...docs.byAttribute.values()].reduce((a, b) => a + b, 0),
    proactive,
    onApplication: docs.byAttribute.get('on_request') ?? 0,
    notDisclosed: docs.byAttribute.get('not_public') ?? 0,
    fullTextOnlineRate: proactive > 0 ? Math.round((docs.proactivePublished / proactive) * 1000) / 10 : null,
    interpretations: docs.interpretations,
    sentToArchives: itemsSentFigure(await reportingRepository.handovers(db, scope, year)).items,
    applicationsReceived: report.table3.new.total,
    applicationsClosed: report.table3.total.total,
    disclosed: report.table3.disclosed.total,
    partial: report.table3.partial.total,
  };
  const row = await reportingRepository.selfInspection(db, agencyId, year);
  // press conferences held are recorded in participation/press-event.ts: the entered figure is
  // prefilled from those records until staff save their own
  const recorded = { pressConferences: await pressEventsHeld(db, agencyId, year) };
  const inputs = {
    ...EMPTY_SELF_INPUTS,
    pressConferences: recorded.pressConferences,
    ...(row ? (JSON.parse(row.inputsJson) as Partial<SelfInspectionInputs>) : {}),
  };
  const stored = row ? (JSON.parse(row.narrativeJson) as Partial<SelfInspectionNarrative> | null) : null;
  return {
    agencyName: agency.name,
    year,
    figures,
    inputs,
    narrative: { ...prefillSelfInspection(agency.name, year, figures, inputs), ...(stored ?? {}) },
    updatedAt: row?.updatedAt ?? null,
    recorded,
  };
}

export async function saveSelfInspection(
  deps: Deps,
  tx: DbOrTx,
  ctx: { actor: StaffActor; ip?: string | null },
  agencyId: number,
  year: number,
  input: { inputs?: Partial<SelfInspectionInputs>; narrative?: SelfInspectionNarrative },
): Promise<void> {
  const dir = await agencyDirectory(deps, tx);
  if (!reportingPolicy.canEdit(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const before = await reportingRepository.selfInspection(tx, agencyId, year);
  const now = deps.clock.now().toISOString();
  const inputs = {
    ...EMPTY_SELF_INPUTS,
    ...(before ? JSON.parse(before.inputsJson) : {}),
    ...(input.inputs ?? {}),
  };
  const narrative = input.narrative ?? (before ? JSON.parse(before.narrativeJson) : null);
  const row = await reportingRepository.upsertSelfInspection(tx, {
    agencyId,
    year,
    inputsJson: JSON.stringify(inputs),
    narrativeJson: JSON.stringify(narrative),
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'self_inspection',
    entityId: row.id,
    action: 'self_inspection.saved',
    before: before ? { inputs: before.inputsJson } : null,
    after: { inputs: row.inputsJson },
    ip: ctx.ip ?? null,
  });
}

export async function selfInspectionDocx(s: SelfInspection): Promise<Buffer> {
  const para = (text: string) =>
    new Paragraph({
      indent: { firstLine: 640 },
      spacing: { line: 560 },
      children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })],
    });
  const title = `${s.agencyName}${s.year}年政务公开工作自查报告`;
  const doc = new Document({
    title,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: title, font: '方正小标宋简体', size: 44 })],
          }),
          ...SELF_SECTIONS.flatMap(([key, heading]) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              children: [new TextRun({ text: heading, font: '黑体', size: 32 })],
            }),
            ...s.narrative[key]
              .split(/\n+/)
              .map((x) => x.trim())
              .filter(Boolean)
              .map(para),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
