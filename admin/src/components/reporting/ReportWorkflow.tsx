import { Steps } from 'antd';
import type { ReportStatus } from '../../types/reporting';

const CURRENT: Record<ReportStatus, number> = { draft: 0, submitted: 1, approved: 2, published: 3 };

/** 编制 → 审批 → 发布, with the current step highlighted. */
export function ReportWorkflow({ status }: { status: ReportStatus }) {
  return (
    <Steps
      size="small"
      current={CURRENT[status]}
      items={[
        { title: '编制', content: status === 'draft' ? '政务公开工作机构编制中' : '已提交' },
        {
          title: '审批',
          content:
            status === 'submitted'
              ? '待分管领导审批'
              : status === 'draft'
                ? '分管领导或主要负责人'
                : '已审批',
        },
        {
          title: '发布',
          content:
            status === 'published'
              ? '已在公开专栏发布'
              : status === 'approved'
                ? '待工作机构发布'
                : '审批后发布',
        },
      ]}
    />
  );
}
