import { checkEnvironment } from '../../keymanager/index.js';
import { printJson, withServices } from '../context.js';
import { ownedApp } from './app.js';
function show(keys, json) {
    if (json) {
        printJson({
            consumerKey: keys.consumerKey,
            consumerSecret: keys.consumerSecret,
            environment: keys.environment,
        });
        return;
    }
    console.log(`Environment:     ${keys.environment}`);
    console.log(`Consumer key:    ${keys.consumerKey}`);
    console.log(`Consumer secret: ${keys.consumerSecret}`);
    console.log('The secret is shown only now; Tollgate keeps only its hash.');
}
export function keysCommands(program) {
    const keys = program
        .command('keys')
        .description("manage an application's production and sandbox keys");
    keys
        .command('generate <app>')
        .description('generate the consumer key and secret (WSO2 "Generate Keys")')
        .requiredOption('--owner <user>', 'the application owner')
        .option('--env <env>', 'production or sandbox', 'production')
        .option('--json', 'print {"consumerKey": ..., "consumerSecret": ...}')
        .action(async (name, o, cmd) => {
        const env = checkEnvironment(o.env);
        show(await withServices(cmd, async (s) => s.applications.generateKeys(await ownedApp(s, o.owner, name), env)), o.json);
    });
    keys
        .command('regenerate-secret <app>')
        .description('replace the consumer secret; the old one and its tokens stop working')
        .requiredOption('--owner <user>', 'the application owner')
        .option('--env <env>', 'production or sandbox', 'production')
        .option('--json', 'print {"consumerKey": ..., "consumerSecret": ...}')
        .action(async (name, o, cmd) => {
        const env = checkEnvironment(o.env);
        show(await withServices(cmd, async (s) => s.applications.regenerateSecret(await ownedApp(s, o.owner, name), env)), o.json);
    });
    keys
        .command('show <app>')
        .description('show the consumer key (the secret cannot be shown again)')
        .requiredOption('--owner <user>', 'the application owner')
        .option('--env <env>', 'production or sandbox', 'production')
        .option('--json', 'print JSON')
        .action(async (name, o, cmd) => {
        const env = checkEnvironment(o.env);
        const key = await withServices(cmd, async (s) => s.applications.findKeys(await ownedApp(s, o.owner, name), env));
        if (o.json)
            printJson(key ? { consumerKey: key.consumerKey, environment: env } : null);
        else
            console.log(key
                ? `Consumer key (${env}): ${key.consumerKey}`
                : `No ${env} keys yet: run tollgate keys generate ${name} --owner ${o.owner} --env ${env}`);
    });
}
//# sourceMappingURL=keys.js.map