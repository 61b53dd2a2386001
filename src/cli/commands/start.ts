import cluster from 'node:cluster';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  PrimaryChannel,
  RemoteHashRunner,
  RemoteHitCounter,
  runPrimary,
} from '../../cluster/index.js';
import { PROFILES, type Profile } from '../../compose/profiles.js';
import type { Config } from '../../config/index.js';
import { configOf } from '../home.js';
import { readyBanner } from '../ready-banner.js';
import { holdServerHeap } from '../server-heap.js';

/** The servers, loaded by the process that runs them (a primary of several workers does not). */
const compose = () => import('../../compose/start.js');

type Urls = Partial<Record<'gateway' | 'gatewayHttp' | 'management', string>>;

function parseWorkers(v: string): number {
  if (v === 'auto') return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 256)
    throw new InvalidArgumentError('a number of worker processes (1-256), or "auto" (0).');
  return n;
}

function readyLine(profile: Profile, started: number, urls: Urls, workers: number): string {
  const how = workers > 1 ? `${profile}, ${workers} workers` : profile;
  return readyBanner(urls, how, Date.now() - started);
}

/** SIGTERM/SIGINT (or `onStop`) run `close` once, then the process exits. */
function stopOnSignals(close: () => Promise<void>, announce: boolean): () => void {
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    if (announce) console.log(`${why}: finishing in-flight requests and stopping.`);
    void close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return () => stop('stop');
}

/** One worker of several: serves the ports; hashing and hit counters are the primary's. */
async function runWorker(config: Config, profile: Profile): Promise<void> {
  const primary = new PrimaryChannel();
  const { startTollgate } = await compose();
  const running = await startTollgate(config, profile, console.log, {
    hashRunner: new RemoteHashRunner(primary),
    // With [redis] url every worker counts in Redis, like separate nodes.
    ...(config.redis.url ? {} : { counter: new RemoteHitCounter(primary) }),
  });
  primary.stopping(stopOnSignals(() => running.close(), false));
  primary.send({ tg: 'ready', urls: running.urls as Record<string, string> });
}

export function startCommand(program: Command): void {
  program
    .command('start')
    .description(
      'run the server: Gateway (8243/8280) and Key Manager, Portal, Publisher, Admin (9443), plus [server] offset',
    )
    .addOption(
      new Option('--profile <profile>', 'which parts to run in this process')
        .choices(PROFILES)
        .default('all'),
    )
    .option(
      '--workers <n>',
      'worker processes sharing the ports ("auto" = one per CPU core, 1 = one process); default [server] workers',
      parseWorkers,
    )
    .action(async (o: { profile: Profile; workers?: number }, cmd: Command) => {
      const started = Date.now();
      const overrides = o.workers === undefined ? {} : { 'server.workers': o.workers };
      const config = configOf(cmd, overrides);
      if (cluster.isWorker) {
        holdServerHeap();
        return runWorker(config, o.profile);
      }
      if (config.workers > 1) {
        const primary = await runPrimary({
          config,
          workers: config.workers,
          warn: (line) => console.error(line),
        });
        console.log(readyLine(o.profile, started, primary.urls, config.workers));
        stopOnSignals(() => primary.stop(), true);
        return;
      }
      holdServerHeap();
      const { startTollgate } = await compose();
      const running = await startTollgate(config, o.profile);
      console.log(readyLine(o.profile, started, running.urls, 1));
      stopOnSignals(() => running.close(), true);
    });
}
