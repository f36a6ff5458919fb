/**
 * Loads the demo county on first start: the region, its government with the county 政务公开办,
 * sixteen departments with internal units, and staff of every role. Everything goes through the
 * services, so the demo's audit trail is real.
 */
import { makeOrganUscc } from '../agencies/agency.ts';
import { addSupervision, createAgency } from '../agencies/agency.service.ts';
import type { AgencyRow } from '../db/database.ts';
import { hashPassword } from '../identity/password.ts';
import type { Role } from '../access/roles.ts';
import { grantRole } from '../identity/user.service.ts';
import { userRepository } from '../identity/user.repository.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { calendarStatus } from '../calendar/calendar.service.ts';
import { offsetClock } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { seedDetectionsDemo } from '../oversight/index.ts';
import { seedArchiveDemo } from '../publication/archive.demo.ts';
import { seedPublicationDemo } from '../publication/publication.demo.ts';
import { seedRequestsDemo } from '../requests/request.demo.ts';
import { seedContactsDemo } from '../participation/index.ts';
import { seedReportingDemo } from '../reporting/reporting.demo.ts';
import { seedAccountabilityDemo, seedOversightDemo } from '../oversight/index.ts';
import { seedConsultationsDemo, seedPressEventsDemo } from '../participation/index.ts';
import { inTransaction } from '../shared/tx.ts';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_REGION, personName } from './demo.data.ts';

export interface DemoLogin {
  username: string;
  displayName: string;
  what: string;
}

export interface DemoResult {
  agencies: number;
  users: number;
  logins: DemoLogin[];
  password: string;
}

export async function hasAnyAgency(deps: Deps): Promise<boolean> {
  return (await deps.db.selectFrom('agencies').select('id').limit(1).executeTakeFirst()) !== undefined;
}

const OFFICE_HOURS = '周一至周五（法定节假日除外）上午 8:30—12:00，下午 14:30—18:00';

/**
 * The latest day of a year (MM-DD) from which the demo's own deadlines — 20 working days for a
 * proactive item (《政府信息公开条例》第二十六条), 20 + 20 for a reply (第三十三条) — still end within
 * that year. Later in a year whose successor has no calendar data yet, every deadline counted from
 * today would need that missing year and be refused (CALENDAR_YEAR_MISSING), so the demo is loaded as
 * of this day instead.
 */
export const DEMO_LATEST_SEED_DAY = '11-21';

/**
 * The day the demo county is loaded as of: today, unless today is after `DEMO_LATEST_SEED_DAY` and
 * next year's calendar is missing — then that day of this year (pure, so it is tested on its own).
 */
export function demoSeedDay(today: string, missingNextYear: boolean): string {
  return missingNextYear && today.slice(5) > DEMO_LATEST_SEED_DAY
    ? `${today.slice(0, 4)}-${DEMO_LATEST_SEED_DAY}`
    : today;
}

export async function seedDemo(
  realDeps: Deps,
  opts: { onProgress?: (msg: string) => void } = {},
): Promise<DemoResult> {
  const progress = opts.onProgress ?? (() => {});
  const status = await calendarStatus(realDeps);
  const seedDay = demoSeedDay(status.today, status.missingNextYear);
  // the records are dated as of `seedDay`; the running server then shows them as they stand today
  const deps: Deps =
    seedDay === status.today
      ? realDeps
      : { ...realDeps, clock: offsetClock(`${seedDay}T02:00:00.000Z`, realDeps.clock) };
  if (seedDay !== status.today)
    progress(
      `演示数据按 ${seedDay} 的情形载入（${status.nextYear} 年的法定节假日安排尚未录入，之后的期限无法计算）`,
    );
  // one argon2 hash shared by every demo account (they all have the demo password); real accounts are hashed one by one
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  let userCount = 0;
  let agencyCount = 0;
  let serial = 1;

  await inTransaction(deps, async (tx) => {
    const now = deps.clock.now().toISOString();
    const ctx = null;
    const newAgency = async (a: Parameters<typeof createAgency>[3]): Promise<AgencyRow> => {
      agencyCount++;
      return createAgency(deps, tx, ctx, a);
    };
    const newUser = async (
      username: string,
      displayName: string,
      grants: { agency: AgencyRow; role: Role; unit?: AgencyRow }[],
      what?: string,
      platformAdmin = false,
    ) => {
      const user = await userRepository.insert(tx, {
        username,
        displayName,
        passwordHash,
        email: `${username}@yunling.example.gov.cn`,
        phone: null,
        isPlatformAdmin: platformAdmin ? 1 : 0,
        active: 1,
        mustChangePassword: 0,
        failedLogins: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        lastLoginAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, deps, {
        actor: SYSTEM_ACTOR,
        agencyId: grants[0]?.agency.id ?? null,
        entityType: 'user',
        entityId: user.id,
        action: 'user.created',
        after: { ...user, source: '演示数据' },
      });
      for (const g of grants)
        await grantRole(deps, tx, null, user.id, {
          agencyId: g.agency.id,
          role: g.role,
          unitId: g.unit?.id ?? null,
        });
      userCount++;
      if (what) logins.push({ username, displayName, what });
      return user;
    };

    progress('地区与县人民政府');
    const region = await newAgency({
      kind: 'region',
      name: DEMO_REGION.name,
      code: DEMO_REGION.code,
      regionCode: DEMO_REGION.regionCode,
    });
    const gov = await newAgency({
      kind: 'government',
      parentId: region.id,
      name: `${DEMO_REGION.name}人民政府`,
      shortName: '县政府',
      code: 'gov',
      officialCode: makeOrganUscc(DEMO_REGION.regionCode, serial++),
      regionCode: DEMO_REGION.regionCode,
      address: `${DEMO_REGION.name}人民路 1 号县行政中心`,
      postalCode: '675900',
      phone: '0878-6120001',
      fax: '0878-6120002',
      email: 'zwgk@yunling.example.gov.cn',
      officeHours: OFFICE_HOURS,
      acceptsApplications: true,
    });
    const gkb = await newAgency({
      kind: 'unit',
      parentId: gov.id,
      name: '县人民政府办公室（县政务公开办）',
      shortName: '县政务公开办',
      code: 'gov-gkb',
    });
    const supervision = await newAgency({
      kind: 'unit',
      parentId: gov.id,
      name: '县政府督查室',
      code: 'gov-dcs',
    });

    await newUser('admin', '平台管理员', [], '平台管理员：机关、用户、日历、规则配置', true);
    await newUser(
      'gkb',
      personName(1),
      [
        { agency: gov, role: 'disclosure_office', unit: gkb },
        { agency: gov, role: 'agency_admin', unit: gkb },
      ],
      '县政务公开办：监督各部门、年报汇总',
    );
    await newUser(
      'dcs',
      personName(2),
      [
        { agency: gov, role: 'supervisor', unit: supervision },
        { agency: gov, role: 'assessor', unit: supervision },
      ],
      '县政府督查室：监督检查、考核',
    );
    await newUser('xzz', personName(3), [{ agency: gov, role: 'principal' }], '县长（主要负责人）');

    let i = 10;
    for (const d of DEMO_DEPARTMENTS) {
      progress(d.name);
      const dept = await newAgency({
        kind: 'department',
        parentId: gov.id,
        name: d.name,
        shortName: d.shortName,
        code: d.code,
        officialCode: makeOrganUscc(DEMO_REGION.regionCode, serial++),
        regionCode: DEMO_REGION.regionCode,
        address: `${DEMO_REGION.name}${['人民路', '文化路', '振兴大道', '民主街'][i % 4]} ${10 + i} 号`,
        postalCode: '675900',
        phone: `0878-61${String(20000 + i * 37).slice(-5)}`,
        fax: `0878-61${String(30000 + i * 37).slice(-5)}`,
        email: `${d.code}@yunling.example.gov.cn`,
        officeHours: OFFICE_HOURS,
        acceptsApplications: true,
        sortOrder: i,
      });
      await addSupervision(deps, tx, null, gov.id, dept.id);
      const units: AgencyRow[] = [];
      for (const [k, u] of d.units.entries()) {
        units.push(
          await newAgency({
            kind: 'unit',
            parentId: dept.id,
            name: u,
            code: `${d.code}-u${k + 1}`,
            sortOrder: k,
          }),
        );
      }
      const office = units[0]!;
      const business = units[1] ?? office;
      const full = d.code === 'sfj' || d.code === 'scjgj';
      await newUser(
        `${d.prefix}-gk`,
        personName(i++),
        [
          { agency: dept, role: 'disclosure_office', unit: office },
          { agency: dept, role: 'agency_admin', unit: office },
        ],
        full ? `${d.shortName}政务公开工作机构（登记、发布、年报）` : undefined,
      );
      await newUser(
        `${d.prefix}-ng`,
        personName(i++),
        [{ agency: dept, role: 'drafter', unit: business }],
        full ? `${d.shortName}${business.name}拟稿人/承办人` : undefined,
      );
      await newUser(
        `${d.prefix}-kz`,
        personName(i++),
        [{ agency: dept, role: 'unit_head', unit: business }],
        full ? `${d.shortName}${business.name}负责人` : undefined,
      );
      await newUser(
        `${d.prefix}-fg`,
        personName(i++),
        [{ agency: dept, role: 'leader' }],
        full ? `${d.shortName}分管领导` : undefined,
      );
      await newUser(
        `${d.prefix}-jz`,
        personName(i++),
        [{ agency: dept, role: 'principal' }],
        full ? `${d.shortName}主要负责人` : undefined,
      );
      await newUser(
        `${d.prefix}-bm`,
        personName(i++),
        [
          { agency: dept, role: 'confidentiality_reviewer', unit: office },
          { agency: dept, role: 'archivist', unit: office },
        ],
        full ? `${d.shortName}保密审查员、档案员` : undefined,
      );
    }
  });
  progress('主动公开演示信息');
  await seedPublicationDemo(deps);
  progress('公开指南、备案与归档演示数据');
  await seedArchiveDemo(deps);
  progress('依申请公开演示申请');
  await seedRequestsDemo(
    deps,
    DEMO_DEPARTMENTS.filter((d) => ['sfj', 'scjgj', 'jyj', 'czj'].includes(d.code)),
  );
  progress('留言、咨询、投诉举报和评议演示数据');
  await seedContactsDemo(deps);
  progress('意见征集演示数据');
  await seedConsultationsDemo(deps, { code: 'sfj', office: 'sfj-gk', drafter: 'sfj-ng', leader: 'sfj-fg' });
  progress('新闻发布会、在线访谈演示数据');
  await seedPressEventsDemo(deps, { code: 'gov', office: 'gkb' });
  progress('2024、2025 年度政府信息公开工作年度报告');
  await seedReportingDemo(deps, [
    { code: 'gov', office: 'gkb', approver: 'xzz' },
    ...DEMO_DEPARTMENTS.map((d) => ({ code: d.code, office: `${d.prefix}-gk`, approver: `${d.prefix}-fg` })),
  ]);
  progress('违规自动发现（首次检查）');
  await seedDetectionsDemo(deps);
  progress('2026 年度政务公开工作督查');
  await seedOversightDemo(deps);
  progress('问责案件（复核中）');
  await seedAccountabilityDemo(deps);
  return { agencies: agencyCount, users: userCount, logins, password: DEMO_PASSWORD };
}

export function printDemoBanner(r: DemoResult): void {
  console.log('');
  console.log(`演示数据已载入：${r.agencies} 个机关和内设机构，${r.users} 个工作人员账号。`);
  console.log(`演示账号（密码均为 ${r.password}）：`);
  const w = Math.max(...r.logins.map((l) => l.username.length));
  for (const l of r.logins) console.log(`  ${l.username.padEnd(w)}  ${l.displayName}  ${l.what}`);
  console.log('  其他部门的账号规则相同：<部门前缀>-gk / -ng / -kz / -fg / -jz / -bm');
}
