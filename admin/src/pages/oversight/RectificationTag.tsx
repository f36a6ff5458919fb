import { Tag } from 'antd';
import type { Rectification } from '../../types/oversight';

const COLOR: Record<Rectification['status'], string> = {
  open: 'processing',
  submitted: 'warning',
  returned: 'error',
  accepted: 'success',
};

/** The rectification status as the server words it; overdue in red. */
export function RectificationTag({ r }: { r: Pick<Rectification, 'status' | 'statusLabel' | 'overdue'> }) {
  return <Tag color={r.overdue ? 'red' : COLOR[r.status]}>{r.statusLabel}</Tag>;
}
