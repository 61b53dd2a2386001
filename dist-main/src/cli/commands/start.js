import { Option } from 'commander';
import { PROFILES, startTollgate } from '../../compose/index.js';
import { configOf } from '../context.js';
export function startCommand(program) {
    program
        .command('start')
        .description('run the server: Gateway (8243/8280) and Key Manager, Portal, Publisher, Admin (9443), plus [server] offset')
        .addOption(new Option('--profile <profile>', 'which parts to run in this process')
        .choices(PROFILES)
        .default('all'))
        .action(async (o, cmd) => {
        const config = configOf(cmd);
        const started = Date.now();
        const running = await startTollgate(config, o.profile);
        const { gateway, gatewayHttp, management } = running.urls;
        const parts = [
            gateway && `gateway ${gateway} (token API ${gateway}/token)`,
            gatewayHttp && `http ${gatewayHttp}`,
            management && `management ${management}`,
        ];
        console.log(`Tollgate ready in ${Date.now() - started} ms (${o.profile}): ${parts.filter(Boolean).join(', ')}`);
        let stopping = false;
        const stop = (signal) => {
            if (stopping)
                return;
            stopping = true;
            console.log(`${signal}: finishing in-flight requests and stopping.`);
            void running.close().then(() => process.exit(0));
        };
        process.on('SIGTERM', () => stop('SIGTERM'));
        process.on('SIGINT', () => stop('SIGINT'));
    });
}
//# sourceMappingURL=start.js.map