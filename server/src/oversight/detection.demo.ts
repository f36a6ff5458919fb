/**
 * Demo detections (called from demo/demo.seed.ts): the first daily run over the demo county's
 * records, so the screen and the supervising office's dashboard show current findings at once —
 * among them the 县统计局's 2025 annual report published after 31 January (第四十九条) and the
 * 司法局's application still open past its reply date (第三十三条).
 */
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { recordDetections } from './detection.service.ts';

export async function seedDetectionsDemo(deps: Deps): Promise<number> {
  const run = await inTransaction(deps, (tx) => recordDetections(deps, tx));
  return run.found;
}
