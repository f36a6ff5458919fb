import { Form, Select } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { AgencyTreeSelect } from '../AgencyTreeSelect';
import { useAgencies } from '../../hooks/useAgencies';
import type { AgencyNode } from '../../lib/agencyTree';
import type { Agency } from '../../types/agency';
import { yearOptions } from './reportLayout';

/** Internal units never report on their own: leave them out of the picker. */
function withoutUnits(nodes: AgencyNode[]): AgencyNode[] {
  return nodes
    .filter((n) => n.agency.kind !== 'unit')
    .map((n) => ({ agency: n.agency, children: withoutUnits(n.children) }));
}

/** Only governments and departments have reports and statistics. */
const notReporting = (agency: Agency) => agency.kind !== 'government' && agency.kind !== 'department';

interface ReportFilterBarProps {
  /** prefix for the element ids, unique per page */
  idPrefix: string;
  agencyId?: number | null;
  onAgencyChange?: (id: number | null) => void;
  year: number;
  onYearChange: (year: number) => void;
  children?: ReactNode;
}

/** The agency + year pickers at the top of the reporting pages. */
export function ReportFilterBar({
  idPrefix,
  agencyId,
  onAgencyChange,
  year,
  onYearChange,
  children,
}: ReportFilterBarProps) {
  const { tree } = useAgencies();
  const pickable = useMemo(() => withoutUnits(tree), [tree]);
  const years = useMemo(() => yearOptions(), []);
  return (
    <Form layout="inline" style={{ rowGap: 8 }}>
      {onAgencyChange && (
        <Form.Item label="机关" htmlFor={`${idPrefix}-agency`}>
          <AgencyTreeSelect
            id={`${idPrefix}-agency`}
            tree={pickable}
            value={agencyId}
            onChange={onAgencyChange}
            isDisabled={notReporting}
            allowClear={false}
            placeholder="请选择机关"
            style={{ width: 260 }}
          />
        </Form.Item>
      )}
      <Form.Item label="年度" htmlFor={`${idPrefix}-year`}>
        <Select
          id={`${idPrefix}-year`}
          value={year}
          onChange={onYearChange}
          options={years}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 120 }}
        />
      </Form.Item>
      {children}
    </Form>
  );
}
