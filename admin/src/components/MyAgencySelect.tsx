import { Select } from 'antd';

/** The agency selector above a per-agency page (options from `useMyAgencies`). */
export function MyAgencySelect(props: {
  value: number | undefined;
  onChange: (agencyId: number) => void;
  options: { value: number; label: string }[];
}) {
  return (
    <Select
      aria-label="机关"
      style={{ width: 320, marginBottom: 16 }}
      value={props.value}
      onChange={props.onChange}
      options={props.options}
    />
  );
}
