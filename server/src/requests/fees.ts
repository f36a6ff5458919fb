/**
 * 信息处理费 (R.42; 《政府信息公开信息处理费管理办法》 国办函〔2020〕109号, 国办函〔2020〕109号).
 * Progressive on the excess (超额累进), per piece (art. 4, monthly cumulative per applicant) or per
 * volume (art. 5, pages per application) — one method per application, never both (art. 3). Pure.
 */
import type { FeeTier, Rules } from '../agencies/rule-profile.ts';

export const FEE_METHODS = ['per_piece', 'per_volume'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];
export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  per_piece: '按件计收',
  per_volume: '按量计收',
};

export interface FeeLine {
  from: number;
  to: number;
  units: number;
  yuan: number;
  amount: number;
}

export interface FeeAssessment {
  method: FeeMethod;
  units: number;
  lines: FeeLine[];
  /** yuan */
  amount: number;
}

/** Yuan per unit for unit number `n` under the configured tiers, extending past the last band (art. 4). */
function yuanForUnit(
  tiers: readonly FeeTier[],
  n: number,
  band?: { size: number; increment: number },
): number {
  for (const t of tiers) if (n >= t.from && (t.to === null || n <= t.to)) return t.yuan;
  const last = tiers[tiers.length - 1];
  if (!last || !band || last.to === null) return last?.yuan ?? 0;
  // 109号 art.4: beyond the last band, 以10件为一档，每增加一档，收费标准提高100元/件
  const bandNo = Math.ceil((n - last.to) / band.size);
  return last.yuan + bandNo * band.increment;
}

/** Groups consecutive units with the same price into lines. */
function assess(units: number[], price: (n: number) => number): FeeLine[] {
  const lines: FeeLine[] = [];
  for (const n of units) {
    const yuan = price(n);
    const prev = lines[lines.length - 1];
    if (prev && prev.yuan === yuan && prev.to === n - 1) {
      prev.to = n;
      prev.units++;
      prev.amount += yuan;
    } else lines.push({ from: n, to: n, units: 1, yuan, amount: yuan });
  }
  return lines;
}

function range(from: number, count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => from + i);
}

/**
 * 109号 art.4, per piece: the applicant's pieces this calendar month are counted cumulatively;
 * `priorPieces` were already counted this month, `pieces` are this application's.
 */
export function perPieceFee(rules: Rules, priorPieces: number, pieces: number): FeeAssessment {
  if (!Number.isInteger(priorPieces) || priorPieces < 0 || !Number.isInteger(pieces) || pieces < 0)
    throw new RangeError('piece counts must be non-negative integers');
  const lines = assess(range(priorPieces + 1, pieces), (n) =>
    yuanForUnit(rules.feePerPieceTiers, n, {
      size: rules.feePerPieceBandSize,
      increment: rules.feePerPieceBandIncrement,
    }),
  );
  return { method: 'per_piece', units: pieces, lines, amount: lines.reduce((s, l) => s + l.amount, 0) };
}

/** 109号 art.5, per volume: pages of one application, ≤30 free, then 10/20/40 元 per page. */
export function perVolumeFee(rules: Rules, pages: number): FeeAssessment {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('pages must be a non-negative integer');
  const lines = assess(range(1, pages), (n) => yuanForUnit(rules.feePerVolumeTiers, n));
  return { method: 'per_volume', units: pages, lines, amount: lines.reduce((s, l) => s + l.amount, 0) };
}

/** 109号 art.3: one method per application, never both. */
export function methodConflict(existing: FeeMethod | null, requested: FeeMethod): boolean {
  return existing !== null && existing !== requested;
}

/** A waiver (减免) sets the amount due to zero and must give a reason. */
export function waive(a: FeeAssessment, reason: string): FeeAssessment & { waived: true; reason: string } {
  if (!reason.trim()) throw new RangeError('a waiver needs a reason');
  return { ...a, amount: 0, waived: true, reason };
}

/** Chinese summary used in the 收费通知书: "第11—30件，每件100元，计2000元". */
export function describeLines(a: FeeAssessment): string[] {
  const unit = a.method === 'per_piece' ? '件' : '页';
  return a.lines.map((l) =>
    l.yuan === 0
      ? `第${l.from}—${l.to}${unit}，免费`
      : `第${l.from}—${l.to}${unit}，每${unit}${l.yuan}元，计${l.amount}元`,
  );
}
