/**
 * What leaves the server about consultations, per audience: the agency's staff (with commenters'
 * names and contacts), a supervising office (masked), and the public (never a name or contact, only
 * published comments; the summary once published).
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import {
  ADOPTION_LABELS,
  type Adoption,
  CHANNEL_LABELS,
  type Channel,
  type ConsultationKind,
  type ConsultationStatus,
  KIND_LABELS,
  MODERATION_LABELS,
  type Moderation,
  maskContact,
  maskPerson,
  PHASE_LABELS,
  periodRuleText,
  phaseOf,
  publicAuthor,
  STATUS_LABELS,
} from './consultation.ts';
import type { DetailView, ListItemView, StaffCommentView } from './consultation.schemas.ts';
import { channelsOf, type StaffDetail } from './consultation.service.ts';
import type { ArticleRow, CommentRow, ConsultationRow } from './consultation.table.ts';

export function presentListItem(
  c: ConsultationRow,
  dir: AgencyDirectory,
  counts: { total: number; pending: number } | undefined,
  today: string,
): ListItemView {
  const phase = phaseOf(
    { status: c.status as ConsultationStatus, startsOn: c.startsOn, endsOn: c.endsOn },
    today,
  );
  return {
    id: c.id,
    agencyId: c.agencyId,
    agencyName: dir.get(c.agencyId)?.name ?? '',
    kind: c.kind,
    kindLabel: KIND_LABELS[c.kind as ConsultationKind] ?? c.kind,
    title: c.title,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: c.status,
    phase,
    phaseLabel: PHASE_LABELS[phase],
    commentCount: counts?.total ?? 0,
    pendingCount: counts?.pending ?? 0,
    summaryPublishedAt: c.summaryPublishedAt,
  };
}

function articleLabel(articles: ArticleRow[], id: number | null): string | null {
  if (id === null) return null;
  return articles.find((a) => a.id === id)?.label ?? null;
}

export function presentStaffComment(
  r: CommentRow,
  articles: ArticleRow[],
  unmasked: boolean,
): StaffCommentView {
  return {
    id: r.id,
    articleId: r.articleId,
    articleLabel: articleLabel(articles, r.articleId),
    channel: r.channel,
    channelLabel: CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
    body: r.body,
    authorName: unmasked ? r.authorName : maskPerson(r.authorName),
    authorContact: unmasked ? r.authorContact : maskContact(r.authorContact),
    displayName: r.displayName,
    receivedOn: r.receivedOn,
    moderation: r.moderation,
    moderationLabel: MODERATION_LABELS[r.moderation as Moderation] ?? r.moderation,
    moderationReason: r.moderationReason,
    adoption: r.adoption,
    adoptionLabel: r.adoption ? (ADOPTION_LABELS[r.adoption as Adoption] ?? r.adoption) : null,
    adoptionReason: r.adoptionReason,
    groupId: r.groupId,
    enteredByStaff: r.createdBy !== null,
  };
}

export function presentStaffDetail(d: StaffDetail, today: string, publicBaseUrl: string): DetailView {
  const c = d.c;
  const status = c.status as ConsultationStatus;
  const phase = phaseOf({ status, startsOn: c.startsOn, endsOn: c.endsOn }, today);
  const p = d.permissions;
  const live = status === 'open' || status === 'closed';
  return {
    id: c.id,
    agencyId: c.agencyId,
    agencyName: d.agency?.name ?? '',
    agencyCode: d.agency?.code ?? '',
    kind: c.kind,
    kindLabel: KIND_LABELS[c.kind as ConsultationKind] ?? c.kind,
    title: c.title,
    draftText: c.draftText,
    preamble: c.preamble,
    explanation: c.explanation,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    shortReason: c.shortReason,
    channels: channelsOf(c),
    contactEmail: c.contactEmail,
    contactAddress: c.contactAddress,
    status: c.status,
    statusLabel: STATUS_LABELS[status] ?? c.status,
    phase,
    phaseLabel: PHASE_LABELS[phase],
    ruleText: periodRuleText(c.kind as ConsultationKind, d.rules),
    period: d.period,
    closedOn: c.closedOn,
    summaryText: c.summaryText,
    summaryPublishedAt: c.summaryPublishedAt,
    summaryDueOn: d.summaryDueOn,
    summaryOverdue: d.summaryOverdue,
    decisionItemId: c.decisionItemId,
    counts: d.counts,
    articles: d.articles.map((a) => ({
      id: a.id,
      seq: a.seq,
      label: a.label,
      heading: a.heading,
      body: a.body,
    })),
    comments: d.comments.map((r) => presentStaffComment(r, d.articles, p.seesPersonalData)),
    groups: d.groups.map((g) => ({
      id: g.id,
      title: g.title,
      size: d.comments.filter((x) => x.groupId === g.id).length,
    })),
    portalUrl:
      status !== 'draft' && d.agency
        ? `${publicBaseUrl.replace(/\/$/, '')}/a/${d.agency.code}/consultations/${c.id}`
        : null,
    permissions: {
      edit: p.edit && status === 'draft',
      open: p.edit && status === 'draft',
      close: p.edit && status === 'open' && today > c.endsOn,
      moderate: p.moderate && live,
      enterComments: p.moderate && live,
      decide: p.moderate && live,
      publishSummary: p.publishSummary && (status === 'closed' || (status === 'open' && today > c.endsOn)),
      linkDecision: p.edit && status !== 'draft',
      seesPersonalData: p.seesPersonalData,
    },
  };
}

/** A published comment as the public sees it: no name, no contact, the chosen display name at most. */
export function presentPublicComment(r: CommentRow, articles: ArticleRow[]) {
  return {
    id: r.id,
    author: publicAuthor(r),
    article: articleLabel(articles, r.articleId),
    body: r.body,
    receivedOn: r.receivedOn,
  };
}
