/** config → db → app → listen: the only file that listens (house style). */
import { buildApp } from './http/build-app.ts';
import { startCacheListener } from './cluster/cache-bus.ts';
import { startReplicaMonitor } from './cluster/read-replica.ts';
import { startBackgroundJobs } from './jobs.ts';
import { type Config, ConfigError, loadConfig } from './config/config.ts';
import { openDatabase } from './db/create-db.ts';
import { prepareDatabase } from './bootstrap.ts';
import { DEMO_REGION } from './demo/demo.data.ts';
import { hasAnyAgency, printDemoBanner, seedDemo } from './demo/demo.seed.ts';
import { makeDeps } from './shared/deps.ts';
import { systemClock } from './shared/clock.ts';

export async function serve(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const handle = openDatabase(config);
  const deps = makeDeps(handle, config, systemClock);
  // PostgreSQL: other nodes' changes drop this node's caches (cluster/cache-bus.ts); SQLite: no-op
  const cacheListener = startCacheListener(deps, { log: (m) => console.log(`[缓存同步] ${m}`) });
  await cacheListener.ready;
  // DATABASE_READ_URL: public reads from the replica while it keeps up (cluster/read-replica.ts)
  const replicaMonitor = startReplicaMonitor(deps, { log: (m) => console.log(`[只读副本] ${m}`) });
  await replicaMonitor.ready;
  const prep = await prepareDatabase(deps);
  if (prep.migrations.length > 0) console.log(`数据库已迁移：${prep.migrations.join(', ')}`);
  let demo: Awaited<ReturnType<typeof seedDemo>> | null = null;
  if (config.demoOnFirstStart && !(await hasAnyAgency(deps))) {
    console.log(`首次启动：正在载入演示数据（${DEMO_REGION.name}）……`);
    demo = await seedDemo(deps, { onProgress: (m) => console.log(`  ${m}`) });
  }
  const app = await buildApp(deps, { logger: config.env === 'production' });
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = startBackgroundJobs(deps, (m) => console.log(`[后台任务] ${m}`));
  const base = config.publicBaseUrl;
  console.log('');
  console.log(
    `Gongkai 政府信息公开平台已启动（数据库：${handle.dialect === 'sqlite' ? `SQLite ${config.dataDir}` : handle.replica ? 'PostgreSQL 主库 + 只读副本' : 'PostgreSQL'}）`,
  );
  console.log(`  门户首页      ${base}/`);
  console.log(`  工作人员工作台 ${base}/admin/`);
  console.log(`  接口文档      ${base}/api/v1/openapi.json`);
  console.log(`  健康检查      ${base}/healthz`);
  if (demo) printDemoBanner(demo);
  else if (config.demoOnFirstStart)
    console.log('  演示账号见首次启动时的输出；所有演示账号的密码均为 Demo2026pass');
  const stop = async () => {
    stopJobs();
    await app.close();
    replicaMonitor.stop();
    await cacheListener.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
