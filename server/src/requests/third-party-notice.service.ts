/**
 * R.32: when the agency discloses information a consulted third party objected to, it must first tell
 * the third party in writing what it discloses and why. Staff issue that notice from the case page;
 * sendReply() refuses to send the reply while a notice is owed (noticesOwed in third-party-notice.ts).
 */
import type { DbOrTx } from '../db/create-db.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { requestRepository as repo } from './request.repository.ts';
import {
  auditCase,
  authorizeCase,
  type Ctx,
  issueLetter,
  letterContent,
  loadCase,
} from './request.service.ts';
import { noticesOwed } from './third-party-notice.ts';

/** The objecting third parties of an application still awaiting the R.32 notice. */
export async function owedNotices(db: DbOrTx, id: number) {
  return noticesOwed(
    await repo.consultations(db, id),
    (await repo.items(db, id)).map((i) => i.disposition),
    (await repo.letters(db, id)).map((r) => ({
      kind: r.kind,
      addressee: letterContent(r.contentJson).addressee ?? null,
    })),
  );
}

export async function issueThirdPartyNotice(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { consultationId: number; disclosed: string; reason: string },
) {
  const l = await loadCase(deps, tx, id);
  await authorizeCase(deps, tx, ctx, l.app, 'manage');
  if (!['in_progress', 'awaiting_approval'].includes(l.app.status))
    throw new AppError('REQUEST_INVALID_TRANSITION');
  const c = (await owedNotices(tx, id)).find((x) => x.id === input.consultationId);
  if (!c) throw new AppError('REQUEST_THIRD_PARTY_NOTICE_NOT_NEEDED');
  const letter = await issueLetter(
    deps,
    tx,
    ctx,
    id,
    'third_party_disclosure',
    { party: c.party, note: input.disclosed.trim(), reason: input.reason.trim() },
    true,
  );
  await auditCase(deps, tx, ctx, l.app, 'request.third_party_notified', null, {
    consultationId: c.id,
    party: c.party,
    letterId: letter.id,
  });
  return letter;
}
