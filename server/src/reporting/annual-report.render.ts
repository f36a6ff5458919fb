/**
 * The annual report as HTML in the national table layout (row-spans and column-spans as in the
 * State Council's 2021 format, or the 2019 trial format for past years imported in it), for the
 * portal's 政府信息公开年报 column and the staff preview.
 */
import { html, type SafeHtml } from '../shared/html.ts';
import {
  APPEAL_KINDS,
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  type AnnualReport,
  type AnyTable3,
  COLUMN_LABELS,
  outcomeRows,
  type ReportFormat,
  SECTION_TITLES,
  TABLE3_COLUMNS,
  type Table2,
  type Table2Of2019,
  type Table4,
  table3RowLabel,
} from './annual-report.ts';

const cells = (t3: AnyTable3, row: string) =>
  TABLE3_COLUMNS.map((c) => html`<td class="num">${t3[row]?.[c] ?? 0}</td>`);

/** The outcome groups of Table 三 in order: a group with one row and no sub-items spans both label columns. */
export function outcomeGroups(format: ReportFormat) {
  const groups: { label: string; rows: { key: string; label: string }[] }[] = [];
  for (const r of outcomeRows(format)) {
    const g = groups.at(-1);
    if (g && g.label === r.group) g.rows.push(r);
    else groups.push({ label: r.group, rows: [r] });
  }
  return groups.map((g) => ({ ...g, single: g.rows.length === 1 && g.rows[0]!.label.startsWith(g.label) }));
}

export function renderTable2(t: Table2): SafeHtml {
  const head = (item: string, cols: string[]) =>
    html`<tr class="group"><th colspan="4" scope="colgroup">${item}</th></tr><tr><th scope="col">信息内容</th>${cols.map((c) => html`<th scope="col"${cols.length === 1 ? html` colspan="3"` : ''}>${c}</th>`)}</tr>`;
  const one = (label: string, v: number) =>
    html`<tr><th scope="row">${label}</th><td class="num" colspan="3">${v}</td></tr>`;
  return html`<table class="report-table">
<caption>主动公开政府信息情况</caption>
${head('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'])}
<tr><th scope="row">规章</th><td class="num">${t.rules.issued}</td><td class="num">${t.rules.abolished}</td><td class="num">${t.rules.inForce}</td></tr>
<tr><th scope="row">行政规范性文件</th><td class="num">${t.normativeDocs.issued}</td><td class="num">${t.normativeDocs.abolished}</td><td class="num">${t.normativeDocs.inForce}</td></tr>
${head('第二十条第（五）项', ['本年处理决定数量'])}
${one('行政许可', t.licensing)}
${head('第二十条第（六）项', ['本年处理决定数量'])}
${one('行政处罚', t.penalties)}
${one('行政强制', t.enforcement)}
${head('第二十条第（八）项', ['本年收费金额（单位：万元）'])}
${one('行政事业性收费', t.feesTenThousandYuan)}
</table>`;
}

/** Table 二 of the 2019 trial format: (一) 新制作/新公开/对外公开总数, (五)(六) 上一年/增减/决定, (八) 收费项目, (九) 政府集中采购. */
export function renderTable2Of2019(t: Table2Of2019): SafeHtml {
  const change = (v: number) => (v > 0 ? `+${v}` : String(v));
  const section = (item: string) =>
    html`<tr class="group"><th colspan="4" scope="colgroup">${item}</th></tr>`;
  const head = (cols: string[]) =>
    html`<tr><th scope="col">信息内容</th>${cols.map((c, i) => html`<th scope="col"${cols.length === 2 && i === 1 ? html` colspan="2"` : ''}>${c}</th>`)}</tr>`;
  const three = (label: string, a: number, b: number, c: number) =>
    html`<tr><th scope="row">${label}</th><td class="num">${a}</td><td class="num">${b}</td><td class="num">${c}</td></tr>`;
  const two = (label: string, a: number, b: number | string) =>
    html`<tr><th scope="row">${label}</th><td class="num">${a}</td><td class="num" colspan="2">${b}</td></tr>`;
  const ic = (label: string, v: Table2Of2019['licensing']) =>
    html`<tr><th scope="row">${label}</th><td class="num">${v.previous}</td><td class="num">${change(v.change)}</td><td class="num">${v.decisions}</td></tr>`;
  return html`<table class="report-table report-2019">
<caption>主动公开政府信息情况（2019 格式）</caption>
${section('第二十条第（一）项')}
${head(['本年新制作数量', '本年新公开数量', '对外公开总数量'])}
${three('规章', t.rules.made, t.rules.published, t.rules.totalPublic)}
${three('规范性文件', t.normativeDocs.made, t.normativeDocs.published, t.normativeDocs.totalPublic)}
${section('第二十条第（五）项')}
${head(['上一年项目数量', '本年增/减', '处理决定数量'])}
${ic('行政许可', t.licensing)}
${ic('其他对外管理服务事项', t.otherServices)}
${section('第二十条第（六）项')}
${head(['上一年项目数量', '本年增/减', '处理决定数量'])}
${ic('行政处罚', t.penalties)}
${ic('行政强制', t.enforcement)}
${section('第二十条第（八）项')}
${head(['上一年项目数量', '本年增/减'])}
${two('行政事业性收费', t.fees.previous, change(t.fees.change))}
${section('第二十条第（九）项')}
${head(['采购项目数量', '采购总金额'])}
${two('政府集中采购', t.procurement.projects, t.procurement.amount)}
</table>`;
}

export function renderTable3(t3: AnyTable3, format: ReportFormat = '2021'): SafeHtml {
  const groups = outcomeGroups(format);
  const resultRows = groups.reduce((n, g) => n + g.rows.length, 0) + 1;
  const [first, ...rest] = groups;
  const groupRows = (g: (typeof groups)[number]) =>
    g.single
      ? html`<tr><th colspan="2" scope="row">${g.rows[0]!.label}</th>${cells(t3, g.rows[0]!.key)}</tr>`
      : g.rows.map(
          (r, i) =>
            html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${g.rows.length}">${g.label}</th>` : ''}<th scope="row">${r.label}</th>${cells(t3, r.key)}</tr>`,
        );
  return html`<table class="report-table">
<caption>收到和处理政府信息公开申请情况${format === '2019' ? '（2019 格式）' : ''}</caption>
<thead>
<tr><th colspan="3" rowspan="3" scope="col">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7" scope="colgroup">申请人情况</th></tr>
<tr><th rowspan="2" scope="col">${COLUMN_LABELS.natural}</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">${COLUMN_LABELS.total}</th></tr>
<tr>${(['commercial', 'research', 'nonprofit', 'legal_service', 'other'] as const).map((c) => html`<th scope="col">${COLUMN_LABELS[c]}</th>`)}</tr>
</thead>
<tbody>
<tr><th colspan="3" scope="row">${table3RowLabel(format, 'new')}</th>${cells(t3, 'new')}</tr>
<tr><th colspan="3" scope="row">${table3RowLabel(format, 'carried_in')}</th>${cells(t3, 'carried_in')}</tr>
<tr><th rowspan="${resultRows}" scope="rowgroup">三、本年度办理结果</th><th colspan="2" scope="row">${first!.rows[0]!.label}</th>${cells(t3, first!.rows[0]!.key)}</tr>
${rest.map(groupRows)}
<tr><th colspan="2" scope="row">${table3RowLabel(format, 'total')}</th>${cells(t3, 'total')}</tr>
<tr><th colspan="3" scope="row">${table3RowLabel(format, 'carried_out')}</th>${cells(t3, 'carried_out')}</tr>
</tbody>
</table>`;
}

export function renderTable4(t4: Table4): SafeHtml {
  const outcomes = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  return html`<table class="report-table">
<caption>政府信息公开行政复议、行政诉讼情况</caption>
<thead>
<tr><th colspan="5" rowspan="2" scope="colgroup">${APPEAL_KIND_LABELS.reconsideration}</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>
<tr><th colspan="5" scope="colgroup">${APPEAL_KIND_LABELS.litigation_direct}</th><th colspan="5" scope="colgroup">${APPEAL_KIND_LABELS.litigation_after_reconsideration}</th></tr>
<tr>${APPEAL_KINDS.map(() => outcomes.map((o) => html`<th scope="col">${APPEAL_OUTCOME_LABELS[o]}</th>`))}</tr>
</thead>
<tbody><tr>${APPEAL_KINDS.map((k) => outcomes.map((o) => html`<td class="num">${t4[k][o]}</td>`))}</tr></tbody>
</table>`;
}

function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

/**
 * A wide table scrolls inside its own box on a narrow screen instead of widening the page; the box
 * is focusable and named so keyboard users can scroll it (WCAG 2.1 SC 1.4.10 Reflow, 2.1.1).
 */
function scrollable(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="region" aria-label="${label}（可左右滚动）" tabindex="0">${table}</div>`;
}

export function renderAnnualReport(r: AnnualReport): SafeHtml {
  return html`<article class="annual-report">
<h1>${r.agencyName}${r.year}年政府信息公开工作年度报告</h1>
<section><h2>${SECTION_TITLES[0]}</h2>${paragraphs(r.narrative.overview)}</section>
<section><h2>${SECTION_TITLES[1]}</h2>${scrollable(SECTION_TITLES[1]!, r.format === '2019' ? renderTable2Of2019(r.table2) : renderTable2(r.table2))}</section>
<section><h2>${SECTION_TITLES[2]}</h2>${scrollable(SECTION_TITLES[2]!, renderTable3(r.table3, r.format ?? '2021'))}</section>
<section><h2>${SECTION_TITLES[3]}</h2>${scrollable(SECTION_TITLES[3]!, renderTable4(r.table4))}</section>
<section><h2>${SECTION_TITLES[4]}</h2>${paragraphs(r.narrative.problems)}</section>
<section><h2>${SECTION_TITLES[5]}</h2>${paragraphs(r.narrative.other)}</section>
</article>`;
}
