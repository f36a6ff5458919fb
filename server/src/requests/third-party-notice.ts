/**
 * R.32: a third party that objects to disclosure (with reasonable grounds) keeps the information
 * closed — unless the agency finds that withholding it would seriously affect the public interest; it
 * may then disclose, but must first tell the third party in writing what it discloses and why
 * (letter kind `third_party_disclosure`). This decides which objecting parties still await that
 * notice, so the reply cannot leave before them. Pure.
 */
import type { DispositionCode } from './disposition.ts';

/** Dispositions that disclose information (Table 三 （一）（二）). */
export const DISCLOSING: readonly DispositionCode[] = ['disclosed', 'partially_disclosed'];

export interface ConsultationFact {
  id: number;
  kind: string;
  party: string;
  opinion: string | null;
  answeredOn: string | null;
}

export interface NoticeFact {
  kind: string;
  /** LetterContent.addressee */
  addressee: string | null;
}

/** Objecting third parties without a notice, when some item is decided 予以公开 or 部分公开. */
export function noticesOwed(
  consultations: readonly ConsultationFact[],
  dispositions: readonly (string | null)[],
  letters: readonly NoticeFact[],
): ConsultationFact[] {
  if (!dispositions.some((d) => d !== null && (DISCLOSING as readonly string[]).includes(d))) return [];
  const notified = new Set(
    letters.filter((l) => l.kind === 'third_party_disclosure' && l.addressee).map((l) => l.addressee!),
  );
  const seen = new Set<string>();
  return consultations.filter((c) => {
    if (c.kind !== 'third_party' || c.opinion !== 'object' || notified.has(c.party) || seen.has(c.party))
      return false;
    seen.add(c.party);
    return true;
  });
}
