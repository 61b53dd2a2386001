import { Option, type Command } from 'commander';
import { PROFILES, startTollgate, type Profile } from '../../compose/index.js';
import { configOf } from '../context.js';
import { readyBanner } from '../ready-banner.js';

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
    .action(async (o: { profile: Profile }, cmd: Command) => {
      const config = configOf(cmd);
      const started = Date.now();
      const running = await startTollgate(config, o.profile);
      console.log(readyBanner(running.urls, o.profile, Date.now() - started));
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: finishing in-flight requests and stopping.`);
        void running.close().then(() => process.exit(0));
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });
}
