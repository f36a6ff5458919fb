/**
 * Attachment checks and text extraction. The type is decided by the file's magic bytes, never by
 * its name alone (a renamed executable is refused), and must agree with the extension. Text is
 * extracted for the sensitive-content scan and for search: PDF (unpdf), DOCX (mammoth), XLSX
 * (exceljs); images carry no text.
 */
import { createHash } from 'node:crypto';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type AttachmentKind = 'pdf' | 'docx' | 'xlsx' | 'jpg' | 'png';

const MIME: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

const EXT: Record<string, AttachmentKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
};

/** The kind by magic bytes; OOXML is a ZIP whose entries name word/ or xl/. */
export function sniffKind(bytes: Uint8Array): AttachmentKind | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    const names = b.toString('latin1');
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

export interface CheckedFile {
  kind: AttachmentKind;
  mime: string;
  size: number;
  sha256: string;
}

/** null with a reason when the file is refused. */
export function checkAttachment(name: string, bytes: Uint8Array): CheckedFile | { refused: 'type' | 'size' } {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { refused: 'size' };
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const byName = EXT[ext];
  const byBytes = sniffKind(bytes);
  if (!byName || !byBytes || byName !== byBytes) return { refused: 'type' };
  return {
    kind: byBytes,
    mime: MIME[byBytes],
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * Extracted plain text: '' for images (no OCR), null when a document cannot be read — such a file is
 * refused, because an unreadable attachment would pass the sensitive-content scan unchecked.
 */
export async function extractText(kind: AttachmentKind, bytes: Uint8Array): Promise<string | null> {
  try {
    if (kind === 'pdf') {
      const { extractText: pdfText, getDocumentProxy } = await import('unpdf');
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await pdfText(pdf, { mergePages: true });
      return String(text);
    }
    if (kind === 'docx') {
      const mammoth = (await import('mammoth')).default;
      const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return r.value;
    }
    if (kind === 'xlsx') {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const lines: string[] = [];
      wb.eachSheet((ws) => {
        ws.eachRow((row) => {
          const cells: string[] = [];
          row.eachCell((c) => cells.push(c.text));
          lines.push(cells.join(' '));
        });
      });
      return lines.join('\n');
    }
  } catch {
    return null;
  }
  return '';
}
