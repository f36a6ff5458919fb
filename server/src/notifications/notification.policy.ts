/**
 * Who may do what with notifications: everyone reads and marks only their own in-app notifications
 * (enforced by the repository's recipient filter); the outbox — addresses of every recipient — is for
 * the platform (system) administrator only, as every other system-wide screen (access/access.ts).
 */
import type { StaffActor } from '../access/actor.ts';

export const notificationPolicy = {
  canManageOutbox(actor: StaffActor): boolean {
    return actor.isPlatformAdmin;
  },
};
