import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReportStatus } from '../../types/reporting';
import { STATUS_COLORS } from './reportLayout';

export function ReportStatusTag({ status, label }: { status: ReportStatus; label: string }) {
  // 未编制 (nothing saved yet) is reported as status "draft"; keep it visually neutral.
  return <Tag color={label === '未编制' ? 'default' : STATUS_COLORS[status]}>{label}</Tag>;
}

/** Red tag with text and icon, so colour is never the only cue. */
export function OverdueTag() {
  return (
    <Tag color="error" icon={<ExclamationCircleOutlined />}>
      已超期
    </Tag>
  );
}
