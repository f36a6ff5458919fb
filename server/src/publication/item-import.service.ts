/**
 * Bulk import from an old site (issue #4: "bulk import from a spreadsheet plus a folder of files
 * (migration from an old site) with a progress bar and a report of rejected rows").
 *
 * Upload (one transaction): the sheet is read, its rows and the uploaded files are staged in the
 * import's tables, and the import is queued. Processing runs in the background in batches: the
 * heavy part of a batch (parsing, attachment type checks, text extraction, the sensitive-content
 * scan) runs outside any transaction; the batch's inserts and its progress commit together, guarded
 * by the progress counter so a batch is never processed twice. A reload reads the progress from the
 * table; a restart resumes unfinished imports (jobs.ts).
 *
 * Nothing personal or classified is published: a row whose title, summary, body or attachment text
 * carries a finding of the sensitive-content scan (docs/product.md §2.3) is rejected with the finding
 * (masked), and there is no override on this path — such an item goes through the editor and the
 * review office instead.
 */
import ExcelJS from 'exceljs';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef } from '../access/actor.ts';
import { readableScope, scopeList } from '../access/access.ts';
import { extractKeywords } from '../search/index.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction, onCommit } from '../shared/tx.ts';
import { claimLease, releaseLease } from '../cluster/lease.ts';
import { checkAttachment, extractText, MAX_ATTACHMENT_BYTES } from './attachment-files.ts';
import { htmlToText } from './information-item.ts';
import {
  baseName,
  COLUMN_HEADER,
  catalogOptions,
  columnOfFinding,
  IMPORT_COLUMNS,
  type ImportColumnKey,
  type ImportIssue,
  type ImportSourceRow,
  mapHeaders,
  type ParsedImportRow,
  parseImportRow,
  sourceKeyOf,
  subjectOptions,
} from './item-import.ts';
import { itemImportRepository as repo } from './item-import.repository.ts';
import { type BulkAttachment, type BulkItem, insertPublishedBatch } from './publication.bulk.ts';
import { publicationPolicy } from './publication.policy.ts';
import { publicationRepository } from './publication.repository.ts';
import { type Ctx, ensureCatalog, sanitizeBody } from './publication.service.ts';
import { scanItem } from './sensitive-scan.ts';

export const IMPORT_MAX_ROWS = 20_000;
/** all staged attachments of one import, inflated */
export const IMPORT_MAX_FILE_BYTES = 500 * 1024 * 1024;
export const IMPORT_BATCH_SIZE = 25;
const SAMPLE_MARK = '示例';
const ENTITY = 'publication_import';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  queued: '排队中',
  running: '导入中',
  done: '已完成',
  failed: '失败',
};

export interface ImportProgress {
  id: number;
  agencyId: number;
  sheetName: string;
  status: ImportStatus;
  total: number;
  done: number;
  accepted: number;
  rejected: number;
  skipped: number;
  fileCount: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

function present(r: NonNullable<Awaited<ReturnType<typeof repo.progress>>>): ImportProgress {
  return {
    id: r.id,
    agencyId: r.agencyId,
    sheetName: r.sheetName,
    status: r.status as ImportStatus,
    total: r.total,
    done: r.done,
    accepted: r.accepted,
    rejected: r.rejected,
    skipped: r.skipped,
    fileCount: r.fileCount,
    error: r.error,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

function sheetProblem(message: string): AppError {
  return validationError([{ field: 'sheet', label: '导入表格', message }]);
}

// ---------------------------------------------------------------- reading the sheet

function cellText(cell: ExcelJS.Cell, key: ImportColumnKey): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object') {
    if ('hyperlink' in v && key === 'sourceId') return String(v.hyperlink);
    if ('result' in v && v.result instanceof Date) return v.result.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
  }
  return cell.text ?? '';
}

/** The data rows of the sheet (the first worksheet, or the one named 信息), headers mapped, the sample row skipped. */
export async function readImportSheet(bytes: Uint8Array): Promise<ImportSourceRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw sheetProblem('无法读取：请上传 .xlsx 格式的表格（可先下载导入模板）');
  }
  const ws = wb.getWorksheet('信息') ?? wb.worksheets[0];
  if (!ws) throw sheetProblem('表格中没有工作表');
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => {
    headers[col - 1] = c.text ?? '';
  });
  const { columns, missing } = mapHeaders(headers.map((h) => h ?? ''));
  if (missing.length) throw sheetProblem(`第 1 行缺少以下列：${missing.join('、')}`);
  const rows: ImportSourceRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    if (rowNo === 1) return;
    const cells: ImportSourceRow['cells'] = {};
    for (const [i, key] of columns) {
      const t = cellText(row.getCell(i + 1), key).trim();
      if (t) cells[key] = t;
    }
    if (Object.keys(cells).length === 0) return;
    if (cells.sourceId?.startsWith(SAMPLE_MARK)) return;
    rows.push({ rowNo, cells });
  });
  if (rows.length === 0) throw sheetProblem('表格中没有数据行（第 2 行起每行一条信息）');
  if (rows.length > IMPORT_MAX_ROWS)
    throw sheetProblem(`一次最多导入 ${IMPORT_MAX_ROWS} 行，请拆分后分批导入（现有 ${rows.length} 行）`);
  return rows;
}

// ---------------------------------------------------------------- upload

export interface ImportUpload {
  agencyId: number;
  sheet: { name: string; bytes: Uint8Array };
  /** attachments: single files and/or ZIP archives holding them (folders inside are flattened) */
  files: { name: string; bytes: Uint8Array }[];
}

export async function createImport(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  input: ImportUpload,
): Promise<ImportProgress> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const dir = await agencyDirectory(deps, tx);
  if (!dir.byId.get(input.agencyId)) throw new AppError('AGENCY_NOT_FOUND');
  // importing publishes directly: the disclosure office's task, like the catalog (docs/product.md §1)
  if (!publicationPolicy.canManage(actor, dir, input.agencyId)) throw new AppError('FORBIDDEN');
  const rows = await readImportSheet(input.sheet.bytes);
  const { readZip, ZipError } = await import('./zip-archive.ts');
  const staged = new Map<string, Uint8Array>();
  let totalBytes = 0;
  const stage = (name: string, bytes: Uint8Array) => {
    const n = baseName(name);
    if (!n) return;
    const prev = staged.get(n);
    if (prev && Buffer.compare(Buffer.from(prev), Buffer.from(bytes)) !== 0)
      throw validationError([
        { field: 'files', label: '附件文件', message: `有两个不同的文件都叫“${n}”，请改名后重新上传` },
      ]);
    totalBytes += bytes.byteLength;
    if (totalBytes > IMPORT_MAX_FILE_BYTES)
      throw validationError([
        { field: 'files', label: '附件文件', message: '附件合计超过 500 MB，请分批导入' },
      ]);
    staged.set(n, bytes);
  };
  for (const f of input.files) {
    if (/\.zip$/i.test(f.name)) {
      try {
        for (const e of await readZip(Buffer.from(f.bytes), IMPORT_MAX_FILE_BYTES)) stage(e.name, e.bytes);
      } catch (e) {
        if (e instanceof ZipError)
          throw validationError([{ field: 'files', label: '附件文件', message: `${f.name}：${e.message}` }]);
        throw e;
      }
    } else stage(f.name, f.bytes);
  }
  await ensureCatalog(deps, tx, input.agencyId);
  const now = deps.clock.now().toISOString();
  const row = await repo.insertImport(tx, {
    agencyId: input.agencyId,
    sheetName: baseName(input.sheet.name).slice(0, 200),
    status: 'queued',
    total: rows.length,
    fileCount: staged.size,
    rowsJson: JSON.stringify(rows),
    error: null,
    createdBy: actor.userId,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
  });
  for (const [name, bytes] of staged) await repo.insertFile(tx, row.id, name, bytes);
  await recordAudit(tx, deps, {
    actor: actorRef(actor),
    agencyId: input.agencyId,
    entityType: ENTITY,
    entityId: row.id,
    action: 'publication.import_started',
    after: { sheet: row.sheetName, rows: rows.length, files: staged.size },
    ip: ctx.ip ?? null,
  });
  return present(row);
}

// ---------------------------------------------------------------- processing

type Outcome =
  | { rowNo: number; kind: 'rejected'; issues: ImportIssue[] }
  | { rowNo: number; kind: 'accepted'; parsed: ParsedImportRow; sourceId: boolean; item: BulkItem };

/** Parsing, attachment checks and extraction, and the scan of one row — no transaction held. */
async function prepareRow(
  deps: Deps,
  imp: { id: number; agencyId: number },
  row: ImportSourceRow,
  lookups: Parameters<typeof parseImportRow>[1],
  publisher: string,
): Promise<Outcome> {
  const parsed = parseImportRow(row, lookups);
  if (!parsed.ok) return { rowNo: row.rowNo, kind: 'rejected', issues: parsed.issues };
  const p = parsed.value;
  const issues: ImportIssue[] = [];
  const files = await repo.filesByName(deps.db, imp.id, p.attachmentNames);
  const attachments: BulkAttachment[] = [];
  for (const name of p.attachmentNames) {
    const bytes = files.get(name);
    if (!bytes) {
      issues.push({ column: COLUMN_HEADER.attachments, reason: `附件“${name}”不在上传的文件中` });
      continue;
    }
    const checked = checkAttachment(name, bytes);
    if ('refused' in checked) {
      issues.push({
        column: COLUMN_HEADER.attachments,
        reason:
          checked.refused === 'size'
            ? `附件“${name}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`
            : `附件“${name}”格式不支持：只能是 PDF、DOCX、XLSX、JPG、PNG，且内容须与扩展名一致`,
      });
      continue;
    }
    const text = await extractText(checked.kind, bytes);
    if (text === null) {
      issues.push({
        column: COLUMN_HEADER.attachments,
        reason: `附件“${name}”无法读取（可能已损坏或加密），不能进行敏感信息检查`,
      });
      continue;
    }
    attachments.push({
      name: name.slice(0, 200),
      mime: checked.mime,
      size: checked.size,
      sha256: checked.sha256,
      contentB64: Buffer.from(bytes).toString('base64'),
      text,
    });
  }
  const bodyHtml = sanitizeBody(p.bodyHtml);
  const bodyText = htmlToText(bodyHtml);
  const findings = scanItem({
    title: p.title,
    summary: p.summary,
    body: bodyText,
    attachments: attachments.map((a) => ({ name: a.name, text: a.text })),
  });
  for (const f of findings)
    issues.push({
      column: columnOfFinding(f.field),
      reason: `敏感信息检查发现${f.label}${f.field.startsWith('attachment:') ? `（${f.field.slice(11)}）` : ''}：${f.excerpt}，不予导入`,
    });
  if (!bodyText && attachments.length === 0)
    issues.push({ column: COLUMN_HEADER.body, reason: '正文不能为空' });
  if (issues.length) return { rowNo: row.rowNo, kind: 'rejected', issues };
  return {
    rowNo: row.rowNo,
    kind: 'accepted',
    parsed: p,
    sourceId: p.sourceKey.startsWith('id:'),
    item: {
      agencyId: imp.agencyId,
      catalogEntryId: p.catalogEntryId,
      title: p.title,
      subjectCode: p.subjectCode,
      publisher,
      generatedOn: p.generatedOn,
      publishedOn: p.publishedOn,
      docNo: p.docNo,
      validity: p.validity,
      summary: p.summary,
      keywords: p.keywords ?? (extractKeywords(`${p.title}\n${bodyText}`).join(' ') || null),
      bodyHtml,
      attachments,
    },
  };
}

const docTitleKey = (docNo: string | null, title: string) => sourceKeyOf(null, docNo, title);

/**
 * The staged rows, parsed once per process and run (a sheet of 20,000 rows is read from the table
 * and parsed once, not once per batch); after a restart they are read again from the table.
 */
const parsedRows = new WeakMap<Deps, Map<number, ImportSourceRow[]>>();
async function stagedRows(deps: Deps, id: number): Promise<ImportSourceRow[]> {
  let byImport = parsedRows.get(deps);
  if (!byImport) {
    byImport = new Map();
    parsedRows.set(deps, byImport);
  }
  let rows = byImport.get(id);
  if (!rows) {
    rows = JSON.parse((await repo.stagedRowsJson(deps.db, id)) ?? '[]') as ImportSourceRow[];
    byImport.set(id, rows);
  }
  return rows;
}
function dropStagedRows(deps: Deps, id: number): void {
  parsedRows.get(deps)?.delete(id);
}

/**
 * Processes the next batch of an import and returns its progress. Safe to call concurrently: the
 * batch commits only if the progress counter is still where it was read.
 */
export async function processImportBatch(
  deps: Deps,
  id: number,
  batchSize = IMPORT_BATCH_SIZE,
): Promise<ImportProgress> {
  const imp = await repo.progress(deps.db, id);
  if (!imp) throw new AppError('IMPORT_NOT_FOUND');
  if (imp.status !== 'queued' && imp.status !== 'running') return present(imp);
  const rows = (await stagedRows(deps, id)).slice(imp.done, imp.done + batchSize);
  const lookups = {
    today: chinaDate(deps.clock.now()),
    catalog: catalogOptions(await publicationRepository.catalog(deps.db, imp.agencyId)),
    subjects: subjectOptions(await publicationRepository.localSubjects(deps.db, imp.agencyId)),
  };
  const publisher = (await agencyDirectory(deps)).byId.get(imp.agencyId)?.name ?? '';
  const outcomes: Outcome[] = [];
  for (const r of rows) outcomes.push(await prepareRow(deps, imp, r, lookups, publisher));

  await inTransaction(deps, async (tx) => {
    const accepted = outcomes.filter((o) => o.kind === 'accepted');
    const known = await repo.knownSourceKeys(
      tx,
      imp.agencyId,
      accepted.flatMap((o) => [o.parsed.sourceKey, docTitleKey(o.parsed.docNo, o.parsed.title)]),
    );
    const existing = new Set(
      (
        await repo.existingDocTitles(
          tx,
          imp.agencyId,
          accepted.map((o) => o.parsed.title),
        )
      ).map((e) => docTitleKey(e.docNo, e.title)),
    );
    const issues: { importId: number; rowNo: number; kind: string; columnLabel: string; reason: string }[] =
      [];
    const toInsert: (Outcome & { kind: 'accepted' })[] = [];
    for (const o of outcomes) {
      if (o.kind === 'rejected') {
        for (const i of o.issues)
          issues.push({
            importId: id,
            rowNo: o.rowNo,
            kind: 'rejected',
            columnLabel: i.column,
            reason: i.reason,
          });
        continue;
      }
      const key = o.parsed.sourceKey;
      const dk = docTitleKey(o.parsed.docNo, o.parsed.title);
      // with an old-site id only that id decides; without one, 文号+标题 against imports and the agency's public items
      const dup = o.sourceId ? known.has(key) : known.has(key) || existing.has(dk);
      if (dup) {
        issues.push({
          importId: id,
          rowNo: o.rowNo,
          kind: 'skipped',
          columnLabel: o.sourceId ? COLUMN_HEADER.sourceId : `${COLUMN_HEADER.docNo}、${COLUMN_HEADER.title}`,
          reason: '与已导入或已发布的信息重复，已跳过',
        });
        continue;
      }
      known.add(key);
      existing.add(dk);
      toInsert.push(o);
    }
    const ids = toInsert.length
      ? await insertPublishedBatch(
          deps,
          tx,
          toInsert.map((o) => o.item),
          { audit: false },
        )
      : [];
    await repo.insertSources(
      tx,
      toInsert.map((o, k) => ({
        agencyId: imp.agencyId,
        sourceKey: o.parsed.sourceKey,
        itemId: ids[k]!,
        importId: id,
      })),
    );
    await repo.insertIssues(tx, issues);
    const done = imp.done + rows.length;
    const finished = done >= imp.total;
    const now = deps.clock.now().toISOString();
    const rejectedRows = outcomes.filter((o) => o.kind === 'rejected').length;
    const skippedRows = outcomes.length - rejectedRows - toInsert.length;
    const changed = await repo.advance(tx, id, imp.done, {
      status: finished ? 'done' : 'running',
      done,
      accepted: imp.accepted + toInsert.length,
      rejected: imp.rejected + rejectedRows,
      skipped: imp.skipped + skippedRows,
      startedAt: imp.startedAt ?? now,
      ...(finished ? { finishedAt: now, rowsJson: null } : {}),
    });
    if (changed === 0) throw new AppError('IMPORT_CONFLICT');
    if (finished) {
      onCommit(tx, () => dropStagedRows(deps, id));
      await repo.deleteFiles(tx, id);
      await recordAudit(tx, deps, {
        actor: SYSTEM_ACTOR,
        agencyId: imp.agencyId,
        entityType: ENTITY,
        entityId: id,
        action: 'publication.import_finished',
        after: {
          total: imp.total,
          accepted: imp.accepted + toInsert.length,
          rejected: imp.rejected + rejectedRows,
          skipped: imp.skipped + skippedRows,
        },
      });
    }
  });
  return present((await repo.progress(deps.db, id))!);
}

/** An import's claim lasts this long past its last batch: a node killed mid-import frees it for another then. */
export const IMPORT_LEASE_MS = 2 * 60_000;

/**
 * Runs an import to its end; an unexpected failure marks it failed (with the reason) instead of
 * retrying forever. Each batch is processed by the node holding the import's lease (renewed per
 * batch, cluster/lease.ts): while another node holds it, this returns the progress so far.
 */
export async function runImport(
  deps: Deps,
  id: number,
  batchSize = IMPORT_BATCH_SIZE,
): Promise<ImportProgress> {
  const lease = `import:${id}`;
  try {
    for (;;) {
      if (!(await claimLease(deps, lease, { ttlMs: IMPORT_LEASE_MS }))) {
        const row = await repo.progress(deps.db, id);
        if (!row) throw new AppError('IMPORT_NOT_FOUND');
        return present(row);
      }
      let p: ImportProgress;
      try {
        p = await processImportBatch(deps, id, batchSize);
      } catch (e) {
        if (e instanceof AppError && e.code === 'IMPORT_CONFLICT')
          return present((await repo.progress(deps.db, id))!);
        const message = e instanceof Error ? e.message : String(e);
        await inTransaction(deps, async (tx) => {
          onCommit(tx, () => dropStagedRows(deps, id));
          await repo.updateImport(tx, id, {
            status: 'failed',
            error: message.slice(0, 500),
            finishedAt: deps.clock.now().toISOString(),
          });
          const row = await repo.progress(tx, id);
          await recordAudit(tx, deps, {
            actor: SYSTEM_ACTOR,
            agencyId: row?.agencyId ?? null,
            entityType: ENTITY,
            entityId: id,
            action: 'publication.import_failed',
            after: { done: row?.done, error: message.slice(0, 200) },
          });
        });
        throw e;
      }
      if (p.status === 'done' || p.status === 'failed') return p;
    }
  } finally {
    await releaseLease(deps, lease);
  }
}

const running = new Set<number>();

/** Starts (or joins) the background run of an import in this process; resolves when it ends. */
export function startImport(deps: Deps, id: number, log: (msg: string) => void = () => {}): Promise<void> {
  if (running.has(id)) return Promise.resolve();
  running.add(id);
  return new Promise<void>((resolve) => {
    setImmediate(() => {
      runImport(deps, id)
        .catch((e) => log(`公开信息导入 #${id} 失败：${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          running.delete(id);
          resolve();
        });
    });
  });
}

/** The job: resumes imports left unfinished by a restart (in the background, so other jobs are not held up). */
export async function resumeImports(deps: Deps, log: (msg: string) => void = () => {}): Promise<number> {
  const ids = (await repo.unfinishedImportIds(deps.db)).filter((id) => !running.has(id));
  for (const id of ids) void startImport(deps, id, log);
  return ids.length;
}

// ---------------------------------------------------------------- reads

async function readableImport(deps: Deps, ctx: Ctx, id: number) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const row = await repo.progress(deps.db, id);
  const dir = await agencyDirectory(deps);
  if (!row || !publicationPolicy.canManage(ctx.actor, dir, row.agencyId))
    throw new AppError('IMPORT_NOT_FOUND');
  return row;
}

export async function importProgress(deps: Deps, ctx: Ctx, id: number): Promise<ImportProgress> {
  return present(await readableImport(deps, ctx, id));
}

export async function recentImports(deps: Deps, ctx: Ctx): Promise<ImportProgress[]> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const actor = ctx.actor;
  const dir = await agencyDirectory(deps);
  const scope = scopeList(readableScope(actor, dir));
  const ids = (scope === 'all' ? [...dir.byId.keys()] : scope).filter((a) =>
    publicationPolicy.canManage(actor, dir, a),
  );
  return (await repo.recentImports(deps.db, ids, 50)).map(present);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** The report of rejected and skipped rows (行号, 列, 原因) as XLSX. */
export async function importReportXlsx(
  deps: Deps,
  ctx: Ctx,
  id: number,
): Promise<{ name: string; body: Buffer }> {
  const row = await readableImport(deps, ctx, id);
  const issues = await repo.issues(deps.db, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('未导入的行');
  ws.columns = [
    { header: '行号', key: 'rowNo', width: 8 },
    { header: '处理结果', key: 'kind', width: 10 },
    { header: '列', key: 'column', width: 16 },
    { header: '原因', key: 'reason', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  for (const i of issues)
    ws.addRow({
      rowNo: i.rowNo,
      kind: i.kind === 'skipped' ? '重复跳过' : '拒绝',
      column: i.columnLabel,
      reason: i.reason,
    });
  const sum = wb.addWorksheet('汇总');
  sum.addRows([
    ['导入表格', row.sheetName],
    ['状态', IMPORT_STATUS_LABELS[row.status as ImportStatus] ?? row.status],
    ['总行数', row.total],
    ['已处理', row.done],
    ['已导入', row.accepted],
    ['拒绝', row.rejected],
    ['重复跳过', row.skipped],
  ]);
  sum.getColumn(1).width = 12;
  sum.getColumn(2).width = 40;
  return {
    name: `导入报告-${row.id}-${row.sheetName.replace(/\.xlsx$/i, '')}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** The template: the header row with notes, one sample row (skipped on import), and the valid subjects and catalog categories. */
export async function importTemplateXlsx(deps: Deps, ctx: Ctx, agencyId: number): Promise<Buffer> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const dir = await agencyDirectory(deps);
  if (!publicationPolicy.canManage(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const entries = await publicationRepository.catalog(deps.db, agencyId);
  const catalog = entries.length
    ? catalogOptions(entries)
    : await inTransaction(deps, async (tx) => {
        await ensureCatalog(deps, tx, agencyId);
        return catalogOptions(await publicationRepository.catalog(tx, agencyId));
      });
  const subjects = subjectOptions(await publicationRepository.localSubjects(deps.db, agencyId));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = HEADER_FILL;
    if (c.note) cell.note = c.note;
  });
  const sampleCatalog = catalog.find((c) => c.code === 'gfxwj') ?? catalog[0];
  const sample = ws.addRow({
    sourceId: `${SAMPLE_MARK}（以“示例”开头的行不会导入，请删除或覆盖本行）`,
    title: '云岭县司法局关于印发《政府信息公开工作制度》的通知',
    docNo: '云司〔2024〕5号',
    generatedOn: '2024-03-01',
    publishedOn: '2024-03-05',
    subject: '综合政务\\政务公开',
    catalog: sampleCatalog?.path ?? '',
    validity: '有效',
    attribute: '主动公开',
    summary: '印发本局政府信息公开工作制度。',
    keywords: '政务公开 制度',
    body: '各股室：\n现将《政府信息公开工作制度》印发给你们，请认真贯彻执行。',
    attachments: '政府信息公开工作制度.pdf',
  });
  sample.font = { italic: true, color: { argb: 'FF808080' } };
  const lists = wb.addWorksheet('可选值');
  lists.columns = [
    { header: '主题分类代码', key: 'sc', width: 12 },
    { header: '主题分类', key: 'sp', width: 36 },
    { header: '', key: 'gap', width: 4 },
    { header: '目录分类代码', key: 'cc', width: 14 },
    { header: '目录分类', key: 'cp', width: 60 },
    { header: '', key: 'gap2', width: 4 },
    { header: '有效性', key: 'v', width: 10 },
  ];
  lists.getRow(1).font = { bold: true };
  const validities = ['有效', '已修改', '已废止', '已失效'];
  const n = Math.max(subjects.length, catalog.length, validities.length);
  for (let i = 0; i < n; i++)
    lists.addRow({
      sc: subjects[i]?.code,
      sp: subjects[i]?.path,
      cc: catalog[i]?.code,
      cp: catalog[i]?.path,
      v: validities[i],
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
