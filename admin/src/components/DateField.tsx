import { DatePicker } from 'antd';
import datePickerZhCN from 'antd/es/date-picker/locale/zh_CN';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';

export const DATE_FORMAT = 'YYYY-MM-DD';

interface DateFieldProps {
  /** the form value: an ISO date 'YYYY-MM-DD' as the API takes it, or empty */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** no date after this ISO date can be chosen (e.g. the server's today for a date already passed) */
  maxDate?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * The Chinese date picker of the staff app (antd DatePicker, zh_CN) holding its value as the ISO date
 * string the API takes, so forms keep sending 'YYYY-MM-DD' (never a native mm/dd/yyyy input).
 */
export function DateField({ value, onChange, maxDate, style, placeholder, ...rest }: DateFieldProps) {
  const parsed = value ? dayjs(value, DATE_FORMAT) : null;
  const max = maxDate ? dayjs(maxDate, DATE_FORMAT) : null;
  return (
    <DatePicker
      {...rest}
      locale={datePickerZhCN}
      format={DATE_FORMAT}
      placeholder={placeholder ?? '请选择日期'}
      value={parsed?.isValid() ? parsed : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(DATE_FORMAT) : null)}
      disabledDate={max ? (d) => d.isAfter(max, 'day') : undefined}
      style={{ width: 200, ...style }}
    />
  );
}
