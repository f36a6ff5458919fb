/**
 * Reporting benchmarks (issue #5), printed as ratios against the raw aggregate SQL in the same run:
 * 1. the annual report of one agency with 20,000 applications in the year vs one GROUP BY query
 * 2. the supervising office's overview of 500 agencies vs one GROUP BY agency query
 * SQLite in memory; rows are inserted directly in batches (the figures, not the workflow, are measured).
 */
import { sql } from 'kysely';
import { agencyDirectory } from '../server/src/agencies/agency.service.ts';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { testConfig } from '../server/src/config/config.ts';
import { openSqlite } from '../server/src/db/create-db.ts';
import { generateSynthetic } from '../server/src/demo/generate.ts';
import { DISPOSITIONS } from '../server/src/requests/disposition.ts';
import { computeReport, overview } from '../server/src/reporting/reporting.service.ts';
import { fixedClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';

async function pair(
  ours: () => Promise<unknown>,
  base: () => Promise<unknown>,
  rounds = 5,
): Promise<[number, number]> {
  await ours();
  await base();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    await ours();
    a.push(performance.now() - t);
    t = performance.now();
    await base();
    b.push(performance.now() - t);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [median(a), median(b)];
}

const handle = openSqlite(':memory:');
const deps = makeDeps(handle, testConfig(), fixedClock('2026-01-20T02:00:00Z'));
await prepareDatabase(deps);
process.stderr.write('generating 500 agencies …\n');
await generateSynthetic(deps, { agencies: 500, documents: 0, applications: 0, seed: 7 });
const dir = await agencyDirectory(deps);
const agencies = dir.all().filter((a) => a.kind === 'department' || a.kind === 'government');
const big = agencies[1]!;
const codes = DISPOSITIONS.map((d) => d.code);
const kinds = ['natural', 'natural', 'natural', 'organization'];
const orgs = ['commercial', 'research', 'nonprofit', 'legal_service', 'other'];
let n = 0;
async function insertApps(agencyId: number, count: number) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    n++;
    const month = String(1 + (n % 12)).padStart(2, '0');
    const received = `2025-${month}-${String(1 + (n % 27)).padStart(2, '0')}`;
    const closed = n % 10 === 0 ? null : `2025-${month}-28`;
    const kind = kinds[n % kinds.length]!;
    rows.push({
      agencyId,
      registrationNo: `B${n}`,
      trackingHash: 'x',
      channel: 'online',
      status: closed ? 'closed' : 'in_progress',
      applicantKind: kind,
      orgType: kind === 'organization' ? orgs[n % orgs.length]! : null,
      applicantName: '申请人',
      phone: '13800000000',
      provisionForm: 'electronic',
      deliveryMethod: 'online',
      submittedOn: received,
      submittedAt: `${received}T01:00:00.000Z`,
      receivedOn: received,
      clockStart: received,
      closedOn: closed,
      repliedOn: closed,
      reportCategory: closed ? codes[n % codes.length]! : null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await deps.db
      .insertInto('requestApplications')
      .values(rows.slice(i, i + 500))
      .execute();
}
process.stderr.write('inserting applications …\n');
await insertApps(big.id, 20_000);
for (const a of agencies) if (a.id !== big.id) await insertApps(a.id, 40);
await sql`ANALYZE`.execute(deps.db);

console.log(
  `Reporting benchmarks — Node ${process.version}, SQLite in memory, ${agencies.length} agencies, ${n} applications`,
);
console.log('ratio = time, ours ÷ raw aggregate SQL (median of 5 alternating runs)\n');

const [r1, b1] = await pair(
  () => computeReport(deps, deps.db, big.id, 2025),
  () =>
    sql`SELECT applicant_kind, org_type, report_category, count(*) FROM request_applications
        WHERE agency_id = ${big.id} AND received_on <= '2025-12-31' AND (closed_on IS NULL OR closed_on >= '2025-01-01')
        GROUP BY applicant_kind, org_type, report_category`.execute(deps.db),
);
console.log(
  `annual report, 20,000 applications        ours ${r1.toFixed(1).padStart(8)} ms   raw SQL ${b1.toFixed(1).padStart(8)} ms   ratio ${(r1 / b1).toFixed(2)}×`,
);

const ids = agencies.slice(0, 500).map((a) => a.id);
const [r2, b2] = await pair(
  () => overview(deps, deps.db, ids, 2025),
  () =>
    sql`SELECT agency_id, report_category, count(*) FROM request_applications
        WHERE received_on <= '2025-12-31' AND (closed_on IS NULL OR closed_on >= '2025-01-01')
        GROUP BY agency_id, report_category`.execute(deps.db),
);
console.log(
  `supervising overview, ${ids.length} agencies          ours ${r2.toFixed(1).padStart(8)} ms   raw SQL ${b2.toFixed(1).padStart(8)} ms   ratio ${(r2 / b2).toFixed(2)}×`,
);
await handle.close();
