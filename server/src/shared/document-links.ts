/**
 * Links that other modules add to a public document page (/d/:id) without the publication module
 * knowing them (house style rule 16: low modules announce, high modules subscribe) — e.g. the
 * participation module links an adopted document back to its consultation and adoption summary.
 * Providers register when their module is loaded; each returns only public links.
 */
import type { Deps } from './deps.ts';

export interface DocumentLink {
  /** what the link is, e.g. 意见征集 */
  label: string;
  text: string;
  href: string;
}

type Provider = (deps: Deps, item: { id: number; agencyId: number }) => Promise<DocumentLink[]>;

const providers = new Set<Provider>();

export function registerDocumentLinks(p: Provider): void {
  providers.add(p);
}

export async function documentLinks(
  deps: Deps,
  item: { id: number; agencyId: number },
): Promise<DocumentLink[]> {
  if (providers.size === 0) return [];
  const out: DocumentLink[] = [];
  for (const p of providers) out.push(...(await p(deps, item)));
  return out;
}
