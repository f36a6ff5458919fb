import { Fragment, type ReactNode } from 'react';
import type { ItemChange, Table2Of2019 } from '../../types/reporting';
import styles from './reportTables.module.css';

/** A path into Table2Of2019, e.g. ['licensing', 'change']. */
export type Table2Of2019Path = [keyof Table2Of2019, string];

interface Table2Grid2019Props {
  table2: Table2Of2019;
  /** entering a past year: every cell is an input */
  renderInput?: (path: Table2Of2019Path, label: string) => ReactNode;
  caption?: ReactNode;
}

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/**
 * Table 二 of the 2019 trial format (国办公开办函〔2019〕60号): (一) 新制作 / 新公开 / 对外公开总数,
 * (五)(六) 上一年项目数量 / 本年增/减 / 处理决定数量, (八) 收费项目, (九) 政府集中采购.
 */
export function Table2Grid2019({ table2, renderInput, caption }: Table2Grid2019Props) {
  const value = (path: Table2Of2019Path): number => {
    const group = table2[path[0]] as unknown as Record<string, number> | undefined;
    return group?.[path[1]] ?? 0;
  };
  const cell = (path: Table2Of2019Path, label: string, colSpan?: number) => (
    <td colSpan={colSpan} className={styles.num}>
      {renderInput ? renderInput(path, label) : path[1] === 'change' ? signed(value(path)) : value(path)}
    </td>
  );
  const section = (title: string) => (
    <tr>
      <th colSpan={4} scope="colgroup" className={styles.section}>
        {title}
      </th>
    </tr>
  );
  const head = (cols: string[]) => (
    <tr>
      <th scope="col">信息内容</th>
      {cols.map((c, i) => (
        <th key={c} scope="col" colSpan={cols.length === 2 && i === 1 ? 2 : undefined}>
          {c}
        </th>
      ))}
    </tr>
  );
  const made = (key: 'rules' | 'normativeDocs', label: string) => (
    <tr>
      <th scope="row">{label}</th>
      {cell([key, 'made'], `${label}本年新制作数量`)}
      {cell([key, 'published'], `${label}本年新公开数量`)}
      {cell([key, 'totalPublic'], `${label}对外公开总数量`)}
    </tr>
  );
  const change = (key: 'licensing' | 'otherServices' | 'penalties' | 'enforcement', label: string) => (
    <tr>
      <th scope="row">{label}</th>
      {(['previous', 'change', 'decisions'] as (keyof ItemChange)[]).map((k) => (
        <Fragment key={k}>
          {cell(
            [key, k],
            `${label}${k === 'previous' ? '上一年项目数量' : k === 'change' ? '本年增/减' : '处理决定数量'}`,
          )}
        </Fragment>
      ))}
    </tr>
  );
  const changeHead = ['上一年项目数量', '本年增/减', '处理决定数量'];
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        {caption && <caption>{caption}</caption>}
        <tbody>
          {section('第二十条第（一）项')}
          {head(['本年新制作数量', '本年新公开数量', '对外公开总数量'])}
          {made('rules', '规章')}
          {made('normativeDocs', '规范性文件')}
          {section('第二十条第（五）项')}
          {head(changeHead)}
          {change('licensing', '行政许可')}
          {change('otherServices', '其他对外管理服务事项')}
          {section('第二十条第（六）项')}
          {head(changeHead)}
          {change('penalties', '行政处罚')}
          {change('enforcement', '行政强制')}
          {section('第二十条第（八）项')}
          {head(['上一年项目数量', '本年增/减'])}
          <tr>
            <th scope="row">行政事业性收费</th>
            {cell(['fees', 'previous'], '行政事业性收费上一年项目数量')}
            {cell(['fees', 'change'], '行政事业性收费本年增/减', 2)}
          </tr>
          {section('第二十条第（九）项')}
          {head(['采购项目数量', '采购总金额'])}
          <tr>
            <th scope="row">政府集中采购</th>
            {cell(['procurement', 'projects'], '政府集中采购采购项目数量')}
            {cell(['procurement', 'amount'], '政府集中采购采购总金额', 2)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export const EMPTY_TABLE2_2019: Table2Of2019 = {
  rules: { made: 0, published: 0, totalPublic: 0 },
  normativeDocs: { made: 0, published: 0, totalPublic: 0 },
  licensing: { previous: 0, change: 0, decisions: 0 },
  otherServices: { previous: 0, change: 0, decisions: 0 },
  penalties: { previous: 0, change: 0, decisions: 0 },
  enforcement: { previous: 0, change: 0, decisions: 0 },
  fees: { previous: 0, change: 0 },
  procurement: { projects: 0, amount: 0 },
};
