/**
 * `gongkai <command>` — thin commands that call services. Exit codes: 0 ok, 1 failure, 2 usage or
 * configuration error. A result a script needs (a date, a hash) is printed as the last line.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { formatHeads, parseHeads } from '../audit/audit.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { prepareDatabase } from '../bootstrap.ts';
import { calendarRepository } from '../calendar/calendar.repository.ts';
import {
  calendarFor,
  calendarStatus,
  importYear,
  seedCalendarFromPackage,
} from '../calendar/calendar.service.ts';
import { packagedSchedule, CHINESE_DAYS_VERSION, type YearSchedule } from '../calendar/calendar-sources.ts';
import { workingDaysInYear } from '../calendar/working-days.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { hasAnyAgency, printDemoBanner, seedDemo } from '../demo/demo.seed.ts';
import { generateSynthetic } from '../demo/generate.ts';
import { createUser } from '../identity/user.service.ts';
import '../http/error-registry.ts';
import { AppError, isAppError } from '../shared/app-error.ts';
import { systemClock } from '../shared/clock.ts';
import { type Deps, makeDeps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { progressBar } from '../shared/progress.ts';

const USAGE = `用法：gongkai <命令> [选项]

  serve                                   启动服务（自动迁移；首次启动载入演示数据）
  migrate                                 执行数据库迁移
  seed-demo                               载入演示县数据（数据库为空时）
  create-admin --username U --name 姓名 [--password P]
                                          新建平台管理员（未给密码时随机生成并打印）
  calendar import [--year Y] [--file F]   导入节假日安排：默认导入 chinese-days 数据中尚未录入的全部年度；
                                          --file 读取 JSON：{year, sourceTitle, sourceDocumentNo?, sourceUrl?, publishedOn?, days:[{date, kind, name}]}
  calendar check                          列出已录入年度、工作日数，检查当年和下一年度数据
  calendar due --from YYYY-MM-DD --days N [--agency CODE]
                                          计算到期日（起算日不计入），最后一行输出日期
  audit verify [--expect-head HEADS|@FILE]
                                          校验各机关的审计日志哈希链；逐行输出各链链头（链:序号:哈希），
                                          最后一行输出全部链头的摘要。HEADS 为此前记录的链头（空格分隔），
                                          用于发现被截去的末尾记录；也可给出单个摘要，要求与当前完全一致
  generate --agencies N [--documents M] [--applications K] [--seed S]
                                          生成省级规模的合成数据（用于基准测试）

环境变量见 README 的配置表（DATABASE_URL 未设置时使用 DATA_DIR 下的 SQLite 数据库）。`;

async function withDeps<T>(
  fn: (deps: Deps) => Promise<T>,
  opts: { prepare?: boolean } = { prepare: true },
): Promise<T> {
  const config = loadConfig(process.env);
  const handle = openDatabase(config);
  const deps = makeDeps(handle, config, systemClock);
  try {
    if (opts.prepare !== false) await prepareDatabase(deps);
    return await fn(deps);
  } finally {
    await handle.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  try {
    switch (cmd) {
      case 'serve': {
        const { serve } = await import('../main.ts');
        await serve();
        return 0;
      }
      case 'migrate':
        return await withDeps(
          async (deps) => {
            const done = await migrateToLatest(deps.db);
            console.log(done.length > 0 ? `已执行迁移：${done.join(', ')}` : '数据库已是最新版本');
            return 0;
          },
          { prepare: false },
        );
      case 'seed-demo':
        return await withDeps(async (deps) => {
          if (await hasAnyAgency(deps)) {
            console.error('数据库中已有机关数据，未载入演示数据。');
            return 1;
          }
          const r = await seedDemo(deps, { onProgress: (m) => console.log(`  ${m}`) });
          printDemoBanner(r);
          return 0;
        });
      case 'create-admin':
        return await createAdmin([sub, ...rest].filter((x): x is string => x !== undefined));
      case 'calendar':
        return await calendarCommand(sub, rest);
      case 'audit':
        if (sub !== 'verify') break;
        return await auditVerify(rest);
      case 'generate':
        return await generate([sub, ...rest].filter((x): x is string => x !== undefined));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return 0;
    }
    console.error(`未知命令：${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    if (isAppError(e)) {
      console.error(`错误（${e.code}）：${e.message}`);
      return 1;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`参数有误：${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

async function createAdmin(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.username || !values.name) {
    console.error('请提供 --username 和 --name');
    return 2;
  }
  const password = values.password ?? `${randomBytes(9).toString('base64url')}9a`;
  return withDeps(async (deps) => {
    await inTransaction(deps, (tx) =>
      createUser(deps, tx, null, {
        username: values.username!,
        displayName: values.name!,
        password,
        isPlatformAdmin: true,
        mustChangePassword: values.password === undefined,
      }),
    );
    console.log(`已新建平台管理员 ${values.username}`);
    if (values.password === undefined) console.log(`初始密码（首次登录须修改）：${password}`);
    return 0;
  });
}

async function calendarCommand(sub: string | undefined, args: string[]): Promise<number> {
  if (sub === 'import') {
    const { values } = parseArgs({ args, options: { year: { type: 'string' }, file: { type: 'string' } } });
    return withDeps(async (deps) => {
      if (values.file) {
        const s = JSON.parse(readFileSync(values.file, 'utf8')) as YearSchedule;
        await inTransaction(deps, (tx) =>
          importYear(
            deps,
            tx,
            { actor: null },
            {
              ...s,
              sourceDocumentNo: s.sourceDocumentNo ?? null,
              sourceUrl: s.sourceUrl ?? null,
              publishedOn: s.publishedOn ?? null,
            },
            `文件：${values.file}`,
          ),
        );
        console.log(`已导入 ${s.year} 年（${s.days.length} 个特别日期）`);
        return 0;
      }
      if (values.year) {
        const year = Number(values.year);
        const s = packagedSchedule(year);
        if (!s) {
          console.error(
            `chinese-days ${CHINESE_DAYS_VERSION} 中没有 ${year} 年的官方节假日数据。请在国务院办公厅通知发布后，用 --file 导入或在工作台中录入。`,
          );
          return 1;
        }
        if (await calendarRepository.year(deps.db, year)) {
          console.log(`${year} 年已录入，无需导入`);
          return 0;
        }
        await inTransaction(deps, (tx) =>
          importYear(deps, tx, { actor: null }, s, `chinese-days ${CHINESE_DAYS_VERSION}`),
        );
        console.log(`已导入 ${year} 年`);
        return 0;
      }
      const added = await inTransaction(deps, (tx) => seedCalendarFromPackage(deps, tx));
      console.log(added.length > 0 ? `已导入：${added.join('、')} 年` : '没有需要导入的年度');
      return 0;
    });
  }
  if (sub === 'check') {
    return withDeps(async (deps) => {
      const years = await calendarRepository.years(deps.db);
      const cal = await calendarFor(deps, null);
      for (const y of years) {
        console.log(
          `${y.year}  工作日 ${workingDaysInYear(cal, Number(y.year))} 天  来源：${y.sourceTitle}${y.sourceDocumentNo ? `（${y.sourceDocumentNo}）` : ''}  [${y.importedFrom}]`,
        );
      }
      const st = await calendarStatus(deps);
      if (st.currentYearMissing) {
        console.error(
          `错误：当年（${st.today.slice(0, 4)} 年）的节假日安排尚未录入，所有工作日期限都无法计算。`,
        );
        return 1;
      }
      if (st.missingNextYear)
        console.warn(
          `提醒：${st.nextYear} 年的节假日安排尚未录入${st.warnNextYear ? '（已进入 11 月，请在通知发布后及时录入）' : ''}。`,
        );
      else console.log(`${st.nextYear} 年的节假日安排已录入。`);
      return 0;
    });
  }
  if (sub === 'due') {
    const { values } = parseArgs({
      args,
      options: { from: { type: 'string' }, days: { type: 'string' }, agency: { type: 'string' } },
    });
    if (!values.from || values.days === undefined || !/^\d+$/.test(values.days)) {
      console.error('请提供 --from YYYY-MM-DD 和 --days N（非负整数）');
      return 2;
    }
    return withDeps(async (deps) => {
      let agencyId: number | null = null;
      if (values.agency) {
        const a = (await agencyDirectory(deps)).byCode.get(values.agency);
        if (!a) throw new AppError('AGENCY_NOT_FOUND', { message: `机关简码“${values.agency}”不存在` });
        agencyId = a.id;
      }
      const cal = await calendarFor(deps, agencyId);
      console.log(cal.addWorkingDays(values.from!, Number(values.days)));
      return 0;
    });
  }
  console.error(`未知的 calendar 子命令：${sub ?? ''}\n\n${USAGE}`);
  return 2;
}

async function auditVerify(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'expect-head': { type: 'string' } } });
  const expect = values['expect-head']?.trim();
  // a bare digest: the state must be exactly the recorded one; chain:seq:hash tokens (inline or in a
  // file written from an earlier run's output): each recorded head must still be in its chain
  const text = expect?.startsWith('@') ? readFileSync(expect.slice(1), 'utf8') : expect;
  const digest = text && /^[0-9a-f]{64}$/.test(text) ? text : undefined;
  const published = text && !digest ? parseHeads(text) : [];
  if (published === null) {
    console.error('--expect-head 应为链头摘要，或若干“链:序号:哈希”（如 -1:0:000…、12:345:ab12…）');
    return 2;
  }
  return withDeps(async (deps) => {
    const total = Number(
      (
        await deps.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const bar = progressBar('校验审计日志', total);
    const r = await verifyAuditChain(deps.db, { onProgress: (n) => bar.update(n), expectHeads: published });
    bar.done();
    for (const p of r.problems.slice(0, 50)) console.error(`  ✗ ${p.message}`);
    if (r.problems.length > 50) console.error(`  …… 另有 ${r.problems.length - 50} 处问题`);
    const headOk = !digest || digest === r.headHash;
    if (!headOk) console.error(`  ✗ 链头哈希与预期不符：记录被增删或篡改（预期 ${digest}）`);
    console.log(
      r.ok && headOk
        ? `审计日志完好：共 ${r.checked} 条事件，${r.heads.length} 条链`
        : `审计日志校验失败：共 ${r.checked} 条事件，发现 ${r.problems.length + (headOk ? 0 : 1)} 处问题`,
    );
    console.log(formatHeads(r.heads));
    console.log(r.headHash);
    return r.ok && headOk ? 0 : 1;
  });
}

async function generate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      agencies: { type: 'string', default: '100' },
      documents: { type: 'string', default: '0' },
      applications: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
    },
  });
  const n = (k: 'agencies' | 'documents' | 'applications') => {
    const v = Number(values[k]);
    if (!Number.isInteger(v) || v < 0) throw new AppError('BAD_REQUEST', { message: `--${k} 应为非负整数` });
    return v;
  };
  return withDeps(async (deps) => {
    const r = await generateSynthetic(deps, {
      agencies: n('agencies'),
      documents: n('documents'),
      applications: n('applications'),
      seed: Number(values.seed) || 1,
    });
    for (const line of r.summary) console.log(line);
    return r.ok ? 0 : 1;
  });
}
