import { readFileSync } from 'node:fs';
import { DEFAULT_CORS } from '../../config/index.js';
import { apiView, corsView, parseLifecycleAction, parseResourceSpec, resourcesFromOpenApi, } from '../../publisher/index.js';
import { CliError, printJson, printTable, withServices } from '../context.js';
export async function findApi(s, name, version) {
    const api = await s.apis.findByNameAndVersion(name, version);
    if (!api)
        throw new CliError(`No API named "${name}" version ${version}.`);
    return api;
}
const collect = (value, previous = []) => [...previous, value];
function resourcesFrom(o) {
    if (o.openapi) {
        let text;
        try {
            text = readFileSync(o.openapi, 'utf8');
        }
        catch (err) {
            throw new CliError(`cannot read ${o.openapi}: ${err.message}`);
        }
        return [...resourcesFromOpenApi(text), ...(o.resource ?? []).map(parseResourceSpec)];
    }
    return o.resource?.map(parseResourceSpec);
}
const RESOURCE_HELP = 'a resource: "GET /menu", "POST /order/{orderId} scope=update", "GET /health auth=none" (repeatable)';
const splitList = (text) => text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
/** The corsConfiguration fields the options change; undefined when none is given. */
function corsChanges(o) {
    if (o.enable && o.disable)
        throw new CliError('--enable and --disable exclude each other.');
    const changes = {};
    if (o.enable || o.disable)
        changes['corsConfigurationEnabled'] = Boolean(o.enable);
    if (o.origins !== undefined)
        changes['accessControlAllowOrigins'] = splitList(o.origins);
    if (o.methods !== undefined)
        changes['accessControlAllowMethods'] = splitList(o.methods);
    if (o.headers !== undefined)
        changes['accessControlAllowHeaders'] = splitList(o.headers);
    if (o.credentials !== undefined)
        changes['accessControlAllowCredentials'] = o.credentials;
    if (o.maxAge !== undefined) {
        if (!/^\d{1,6}$/.test(o.maxAge))
            throw new CliError('--max-age: whole seconds.');
        changes['accessControlMaxAge'] = Number(o.maxAge);
    }
    return Object.keys(changes).length > 0 ? changes : undefined;
}
function corsSummary(a) {
    if (!a.cors)
        return "the Gateway's [apim.cors]";
    if (!a.cors.enabled)
        return 'off (left to the backend)';
    return `own: origins ${a.cors.allowOrigins.join(', ')}${a.cors.allowCredentials ? ', with credentials' : ''} (tollgate api cors for all)`;
}
export function apiCommands(program) {
    const api = program.command('api').description('publish APIs on the Gateway (the Publisher)');
    api
        .command('create <name>')
        .description('create an API (state CREATED; publish it with `api lifecycle NAME VERSION publish`)')
        .requiredOption('--context <path>', 'context such as /pizzashack')
        .requiredOption('--version <version>', 'version such as 1.0.0 (the Gateway serves /pizzashack/1.0.0)')
        .requiredOption('--production <url>', 'production backend URL')
        .option('--sandbox <url>', 'sandbox backend URL (sandbox keys are refused without one)')
        .option('--resource <spec>', RESOURCE_HELP, collect)
        .option('--openapi <file>', 'import the resources from an OpenAPI 3 document (JSON or YAML)')
        .option('--description <text>', 'free text')
        .option('--owner <user>', 'the API owner (default: the administrator)')
        .option('--json', 'print the API as JSON')
        .action(async (name, o, cmd) => {
        const created = await withServices(cmd, async (s) => {
            const owner = await s.users.get(o['owner'] ?? s.config.identity.adminUsername);
            return s.apis.create({
                name,
                context: o['context'],
                version: o['version'],
                description: o['description'],
                productionUrl: o['production'],
                sandboxUrl: o['sandbox'],
                resources: resourcesFrom(o) ?? [],
            }, owner.id);
        });
        if (o['json'])
            printJson(apiView(created));
        else
            console.log(`Created API "${created.name}" ${created.version} at ${apiView(created).path} (${created.resources.length} resources, state CREATED).`);
    });
    api
        .command('update <name> <version>')
        .description('change backend URLs or replace the resources')
        .option('--production <url>', 'production backend URL')
        .option('--sandbox <url>', 'sandbox backend URL ("" removes it)')
        .option('--resource <spec>', RESOURCE_HELP, collect)
        .option('--openapi <file>', 'replace the resources with those of an OpenAPI 3 document')
        .option('--description <text>', 'free text')
        .action(async (name, version, o, cmd) => {
        const updated = await withServices(cmd, async (s) => {
            const found = await findApi(s, name, version);
            const resources = resourcesFrom(o);
            return s.apis.update(found.id, {
                productionUrl: o['production'],
                sandboxUrl: o['sandbox'],
                description: o['description'],
                ...(resources ? { resources } : {}),
            });
        });
        console.log(`Updated API "${updated.name}" ${updated.version} (${updated.resources.length} resources).`);
    });
    api
        .command('cors <name> <version>')
        .description("show or change the API's own CORS settings (without options: show them); an API without its own uses [apim.cors]")
        .option('--origins <list>', 'allowed origins, comma-separated ("https://app.example.com", or "*")')
        .option('--methods <list>', 'allowed methods, comma-separated')
        .option('--headers <list>', 'allowed request headers, comma-separated')
        .option('--credentials', 'allow credentials (cookies, HTTP authentication; not with origin "*")')
        .option('--no-credentials', 'do not allow credentials')
        .option('--max-age <seconds>', 'how long browsers may reuse a preflight answer')
        .option('--enable', 'the Gateway handles CORS for this API')
        .option('--disable', 'the Gateway leaves CORS to the backend for this API')
        .option('--gateway-default', "drop the API's own settings: [apim.cors] applies")
        .option('--json', 'print the settings as JSON')
        .action(async (name, version, o, cmd) => {
        const changes = corsChanges(o);
        const api = await withServices(cmd, async (s) => {
            const found = await findApi(s, name, version);
            if (o.gatewayDefault)
                return s.apis.update(found.id, { corsConfiguration: null });
            if (!changes)
                return found;
            const current = corsView(found.cors ?? DEFAULT_CORS);
            return s.apis.update(found.id, { corsConfiguration: { ...current, ...changes } });
        });
        const view = corsView(api.cors);
        if (o.json)
            return printJson(view);
        if (!view)
            return console.log(`${api.name} ${api.version}: the Gateway's [apim.cors] applies.`);
        console.log([
            `${api.name} ${api.version}: own CORS settings, ${view.corsConfigurationEnabled ? 'handled by the Gateway' : 'off (left to the backend)'}`,
            `origins: ${view.accessControlAllowOrigins.join(', ')}`,
            `methods: ${view.accessControlAllowMethods.join(', ')}`,
            `headers: ${view.accessControlAllowHeaders.join(', ')}`,
            `credentials: ${view.accessControlAllowCredentials}`,
            `max age: ${view.accessControlMaxAge} s`,
        ].join('\n'));
    });
    api
        .command('lifecycle <name> <version> <action>')
        .description('publish, deprecate, block or retire an API')
        .action(async (name, version, action, _o, cmd) => {
        const changed = await withServices(cmd, async (s) => s.apis.changeLifecycle((await findApi(s, name, version)).id, parseLifecycleAction(action)));
        console.log(`API "${changed.name}" ${changed.version} is now ${changed.status}.`);
    });
    api
        .command('list')
        .description('list APIs')
        .option('--json', 'print JSON')
        .action(async (o, cmd) => {
        const apis = await withServices(cmd, (s) => s.apis.list());
        if (o.json)
            printJson(apis.map(apiView));
        else
            printTable(['NAME', 'VERSION', 'PATH', 'STATE', 'RESOURCES', 'ID'], apis.map((a) => [
                a.name,
                a.version,
                apiView(a).path,
                a.status,
                String(a.resources.length),
                a.id,
            ]));
    });
    api
        .command('show <name> <version>')
        .description('show an API with its resources')
        .option('--json', 'print JSON')
        .action(async (name, version, o, cmd) => {
        const a = await withServices(cmd, (s) => findApi(s, name, version));
        if (o.json)
            return printJson(apiView(a));
        console.log(`${a.name} ${a.version} at ${apiView(a).path}, ${a.status}\nproduction: ${a.productionUrl}\nsandbox: ${a.sandboxUrl || '(none)'}\ncors: ${corsSummary(a)}`);
        printTable(['METHOD', 'URI TEMPLATE', 'AUTH', 'SCOPE'], a.resources.map((r) => [r.method, r.uriTemplate, r.authType, r.scope ?? '']));
    });
    api
        .command('remove <name> <version>')
        .description('delete an API (refused while it has subscriptions)')
        .action(async (name, version, _o, cmd) => {
        await withServices(cmd, async (s) => s.apis.remove((await findApi(s, name, version)).id));
        console.log(`Removed API "${name}" ${version}.`);
    });
}
//# sourceMappingURL=api.js.map