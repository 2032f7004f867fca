import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/**
 * Sharding: with SHARDS=auto|N the process is a manager that runs one bot process per shard
 * (discord.js's ShardingManager), each with its own engine; Discord requires shards past 2,500
 * servers. SHARD_LIST and TOTAL_SHARDS let several machines split the shards between them. A shard
 * process is this same entry point, told its shard by the manager (SHARDING_MANAGER, SHARDS).
 */

/** The shard this process is, when a manager started it; null otherwise. */
export function currentShard(env: NodeJS.ProcessEnv = process.env): number | null {
  return env.SHARDING_MANAGER === 'true' && env.SHARDS !== undefined && /^\d+$/.test(env.SHARDS) ? Number(env.SHARDS) : null;
}

/** True when this process should manage shards rather than be the bot. */
export function managesShards(config: Pick<Config, 'SHARDS' | 'SHARD_LIST' | 'TOTAL_SHARDS'>, env: NodeJS.ProcessEnv = process.env): boolean {
  return (config.SHARDS !== undefined || config.SHARD_LIST !== undefined || config.TOTAL_SHARDS !== undefined) && currentShard(env) === null;
}

/**
 * Runs the shard manager until SIGTERM or SIGINT (then every shard stops cleanly and the manager
 * exits 0) or until a shard ends with code 1 (a rejected token: restarting it would fail the same
 * way, so the manager stops every shard and exits 1). Other shard deaths are respawned.
 */
export async function runShards(config: Config, logger: Logger, entry: string): Promise<void> {
  const manager = new ShardingManager(entry, {
    token: config.DISCORD_TOKEN!,
    totalShards: config.TOTAL_SHARDS ?? config.SHARDS ?? 'auto',
    shardList: config.SHARD_LIST ?? 'auto',
    mode: 'process',
    respawn: true,
    // the shards run as this process does: the same Node.js flags and loaders
    execArgv: process.execArgv,
  });
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    stopping = true;
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
    process.exit(code);
  };
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, totalShards: manager.totalShards }, 'shard started');
    shard.on('death', (child) => {
      const exitCode = 'exitCode' in child ? child.exitCode : null;
      if (stopping) return;
      if (exitCode === 1) {
        logger.fatal({ shard: shard.id, exitCode }, 'a shard stopped with a failure that a restart cannot mend; stopping every shard');
        void stopAll(1);
      } else {
        logger.warn({ shard: shard.id, exitCode }, 'shard died; respawning');
      }
    });
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'stopping every shard');
      void stopAll(0);
    });
  }
  await manager.spawn({ timeout: 60_000 });
  logger.info({ shards: manager.shardList, totalShards: manager.totalShards }, 'every shard is ready');
}

/** Asks a shard to stop (SIGTERM: it finishes its answers in flight) and waits until it has. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref())]);
}
