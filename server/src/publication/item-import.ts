/**
 * Bulk import from an old site (issue #4 staff side: "bulk import from a spreadsheet plus a folder of
 * files (migration from an old site) with a progress bar and a report of rejected rows"). Pure: the
 * sheet's columns, reading one row into an item (every problem names its column in Chinese), and the
 * key that makes a second import of the same sheet skip rows already imported. Imported items are
 * items the old site had already published (公开属性 主动公开, 公开范围 社会); nothing else is accepted.
 */
import { escapeHtml } from '../shared/html.ts';
import { VALIDITY_LABELS, type Validity } from './information-item.ts';
import { type LocalSubject, subjectsFor } from './subjects.ts';

export type ImportColumnKey =
  | 'sourceId'
  | 'title'
  | 'docNo'
  | 'generatedOn'
  | 'publishedOn'
  | 'subject'
  | 'catalog'
  | 'validity'
  | 'attribute'
  | 'summary'
  | 'keywords'
  | 'body'
  | 'attachments';

export interface ImportColumn {
  key: ImportColumnKey;
  header: string;
  required: boolean;
  /** what the template's header comment says */
  note: string;
  width: number;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'sourceId',
    header: '来源编号',
    required: false,
    note: '原网站的信息编号或网址；填写后按它判断重复，否则按“文号+标题”判断',
    width: 28,
  },
  { key: 'title', header: '标题', required: true, note: '必填，不超过 200 字', width: 40 },
  { key: 'docNo', header: '文号', required: false, note: '如 云司〔2024〕5号', width: 18 },
  { key: 'generatedOn', header: '成文日期', required: true, note: '必填，如 2024-03-05', width: 12 },
  {
    key: 'publishedOn',
    header: '发布日期',
    required: true,
    note: '必填，原网站的发布日期，不早于成文日期、不晚于今天',
    width: 12,
  },
  {
    key: 'subject',
    header: '主题分类',
    required: false,
    note: '名称（如 综合政务\\政务公开 或 政务公开）或代码（如 02.01），见“可选值”工作表',
    width: 22,
  },
  {
    key: 'catalog',
    header: '目录分类',
    required: true,
    note: '必填，路径（如 法规文件/行政法规、规章和规范性文件）或代码（如 gfxwj），见“可选值”工作表',
    width: 28,
  },
  {
    key: 'validity',
    header: '有效性',
    required: false,
    note: '有效 / 已修改 / 已废止 / 已失效，默认有效',
    width: 10,
  },
  {
    key: 'attribute',
    header: '公开属性',
    required: false,
    note: '只能是 主动公开（导入的是原网站已公开的信息），默认主动公开',
    width: 10,
  },
  { key: 'summary', header: '内容概述', required: false, note: '', width: 30 },
  { key: 'keywords', header: '关键词', required: false, note: '以空格分隔；不填则自动提取', width: 20 },
  { key: 'body', header: '正文', required: true, note: '必填，纯文本（按段落换行）或 HTML', width: 60 },
  {
    key: 'attachments',
    header: '附件文件名',
    required: false,
    note: '随表上传的附件文件名，多个用分号或换行分隔；PDF、DOCX、XLSX、JPG、PNG，单个不超过 20 MB',
    width: 30,
  },
];

export const COLUMN_HEADER: Record<ImportColumnKey, string> = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ImportColumnKey, string>;

/** One data row of the sheet as read at upload: its row number in the sheet and its cell texts. */
export interface ImportSourceRow {
  rowNo: number;
  cells: Partial<Record<ImportColumnKey, string>>;
}

export interface ImportIssue {
  column: string;
  reason: string;
}

/** Maps the header row to columns; unknown headers are ignored, missing required ones are reported. */
export function mapHeaders(headers: readonly string[]): {
  columns: Map<number, ImportColumnKey>;
  missing: string[];
} {
  const columns = new Map<number, ImportColumnKey>();
  headers.forEach((h, i) => {
    const clean = h.replace(/[*＊\s]/g, '');
    const c = IMPORT_COLUMNS.find((x) => x.header === clean || (x.key === 'attachments' && clean === '附件'));
    if (c) columns.set(i, c.key);
  });
  const found = new Set(columns.values());
  return {
    columns,
    missing: IMPORT_COLUMNS.filter((c) => c.required && !found.has(c.key)).map((c) => c.header),
  };
}

/** 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日 → 2024-03-05; null when not a real date. */
export function normalizeDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Plain text becomes paragraphs (escaped); a cell that already holds HTML is kept for the sanitiser. */
export function bodyCellToHtml(cell: string): string {
  if (/<\/?(p|br|div|table|span|strong|h[1-6]|ul|ol|li)\b[^>]*>/i.test(cell)) return cell;
  return cell
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

export function splitAttachmentNames(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[;；\r\n]+/)
        .map((s) => baseName(s.trim()))
        .filter(Boolean),
    ),
  ];
}

/** The last path segment of a file name inside an archive or folder upload, in NFC. */
export function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).normalize('NFC');
}

export interface CatalogOption {
  id: number;
  code: string;
  /** 法规文件/行政法规、规章和规范性文件 */
  path: string;
}

export function catalogOptions(
  entries: readonly { id: number; parentId: number | null; code: string; name: string; active: number }[],
): CatalogOption[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const pathOf = (e: (typeof entries)[number]): string => {
    const names: string[] = [];
    let cur: (typeof entries)[number] | undefined = e;
    for (let guard = 0; cur && guard < 20; guard++) {
      names.unshift(cur.name);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
    return names.join('/');
  };
  return entries.filter((e) => e.active === 1).map((e) => ({ id: e.id, code: e.code, path: pathOf(e) }));
}

export interface SubjectOption {
  code: string;
  /** 综合政务\政务公开 */
  path: string;
}

export function subjectOptions(local: readonly LocalSubject[]): SubjectOption[] {
  return subjectsFor(local).flatMap((s) => [
    { code: s.code, path: s.name },
    ...s.children.map((c) => ({ code: c.code, path: `${s.name}\\${c.name}` })),
  ]);
}

export interface ImportLookups {
  today: string;
  catalog: readonly CatalogOption[];
  subjects: readonly SubjectOption[];
}

export interface ParsedImportRow {
  rowNo: number;
  sourceKey: string;
  title: string;
  docNo: string | null;
  generatedOn: string;
  publishedOn: string;
  subjectCode: string | null;
  catalogEntryId: number;
  validity: Validity;
  summary: string | null;
  keywords: string | null;
  bodyHtml: string;
  attachmentNames: string[];
}

const norm = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[＞>／]/g, '/')
    .replace(/[、，,]/g, '、');

function resolveCatalog(cell: string, options: readonly CatalogOption[]): CatalogOption | 'ambiguous' | null {
  const byCode = options.find((o) => o.code === cell.trim());
  if (byCode) return byCode;
  const n = norm(cell);
  const byPath = options.find((o) => norm(o.path) === n);
  if (byPath) return byPath;
  // the last segment alone, when it names one entry only
  const byLeaf = options.filter((o) => norm(o.path.split('/').pop()!) === n);
  if (byLeaf.length === 1) return byLeaf[0]!;
  return byLeaf.length > 1 ? 'ambiguous' : null;
}

function resolveSubject(cell: string, options: readonly SubjectOption[]): SubjectOption | 'ambiguous' | null {
  const c = cell.trim();
  const byCode = options.find((o) => o.code === c);
  if (byCode) return byCode;
  const n = c.replace(/\s+/g, '').replace(/[/／>＞]/g, '\\');
  const byPath = options.find((o) => o.path === n);
  if (byPath) return byPath;
  const byLeaf = options.filter((o) => o.path.split('\\').pop() === n);
  if (byLeaf.length === 1) return byLeaf[0]!;
  return byLeaf.length > 1 ? 'ambiguous' : null;
}

/**
 * The duplicate key: the old site's own id when the sheet has one, else 文号 + 标题 (the pair that
 * names a government document), whitespace-insensitive.
 */
export function sourceKeyOf(sourceId: string | null, docNo: string | null, title: string): string {
  if (sourceId) return `id:${sourceId.trim()}`;
  return `doc:${(docNo ?? '').replace(/\s+/g, '')}|${title.replace(/\s+/g, '')}`;
}

const VALIDITY_BY_LABEL = new Map<string, Validity>(
  (Object.entries(VALIDITY_LABELS) as [Validity, string][]).flatMap(([k, v]) => [
    [v, k],
    [v.replace(/^已/, ''), k],
  ]),
);

/** Reads one row; every problem names its column (the report lists them all, not just the first). */
export function parseImportRow(
  row: ImportSourceRow,
  lk: ImportLookups,
): { ok: true; value: ParsedImportRow } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const cell = (k: ImportColumnKey) => (row.cells[k] ?? '').trim();
  const bad = (k: ImportColumnKey, reason: string) => issues.push({ column: COLUMN_HEADER[k], reason });

  const title = cell('title').replace(/\s+/g, ' ');
  if (!title) bad('title', '标题不能为空');
  else if (title.length > 200) bad('title', `标题不能超过 200 字（现有 ${title.length} 字）`);
  const docNo = cell('docNo') || null;
  if (docNo && docNo.length > 100) bad('docNo', '文号不能超过 100 字');

  const dateOf = (k: ImportColumnKey): string | null => {
    const raw = cell(k);
    if (!raw) {
      bad(k, `${COLUMN_HEADER[k]}不能为空`);
      return null;
    }
    const d = normalizeDate(raw);
    if (!d) bad(k, `${COLUMN_HEADER[k]}“${raw}”不是有效日期，请写成 2024-03-05`);
    return d;
  };
  const generatedOn = dateOf('generatedOn');
  const publishedOn = dateOf('publishedOn');
  if (publishedOn && publishedOn > lk.today) bad('publishedOn', `发布日期 ${publishedOn} 晚于今天`);
  if (generatedOn && publishedOn && generatedOn > publishedOn)
    bad('generatedOn', `成文日期 ${generatedOn} 晚于发布日期 ${publishedOn}`);

  let subjectCode: string | null = null;
  if (cell('subject')) {
    const s = resolveSubject(cell('subject'), lk.subjects);
    if (s === 'ambiguous') bad('subject', `主题分类“${cell('subject')}”有多个同名项，请写完整路径或代码`);
    else if (!s) bad('subject', `主题分类“${cell('subject')}”不存在`);
    else subjectCode = s.code;
  }

  let catalogEntryId: number | null = null;
  if (!cell('catalog')) bad('catalog', '目录分类不能为空');
  else {
    const c = resolveCatalog(cell('catalog'), lk.catalog);
    if (c === 'ambiguous') bad('catalog', `目录分类“${cell('catalog')}”有多个同名项，请写完整路径或代码`);
    else if (!c) bad('catalog', `目录分类“${cell('catalog')}”不是本机关的目录分类`);
    else catalogEntryId = c.id;
  }

  let validity: Validity = 'valid';
  if (cell('validity')) {
    const v = VALIDITY_BY_LABEL.get(cell('validity'));
    if (!v) bad('validity', `有效性“${cell('validity')}”应为 有效、已修改、已废止 或 已失效`);
    else validity = v;
  }
  if (cell('attribute') && cell('attribute') !== '主动公开')
    bad('attribute', `公开属性“${cell('attribute')}”不能导入：只导入原网站已主动公开的信息`);

  const body = cell('body');
  if (!body) bad('body', '正文不能为空');

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      rowNo: row.rowNo,
      sourceKey: sourceKeyOf(cell('sourceId') || null, docNo, title),
      title,
      docNo,
      generatedOn: generatedOn!,
      publishedOn: publishedOn!,
      subjectCode,
      catalogEntryId: catalogEntryId!,
      validity,
      summary: cell('summary') || null,
      keywords:
        cell('keywords')
          .replace(/[,，、;；]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim() || null,
      bodyHtml: bodyCellToHtml(body),
      attachmentNames: splitAttachmentNames(cell('attachments')),
    },
  };
}

/** The report's column for a sensitive-scan finding field (title, summary, body, attachment:<name>). */
export function columnOfFinding(field: string): string {
  if (field === 'title') return COLUMN_HEADER.title;
  if (field === 'summary') return COLUMN_HEADER.summary;
  if (field === 'body') return COLUMN_HEADER.body;
  return COLUMN_HEADER.attachments;
}
