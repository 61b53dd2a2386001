import type { Command } from 'commander';
import type { Services } from '../../compose/index.js';
import type { TokenType } from '../../config/index.js';
import { GRANT_TYPES, type Application } from '../../keymanager/index.js';
import { CliError, iso, printJson, printTable, withServices } from '../context.js';

export async function ownedApp(s: Services, owner: string, name: string): Promise<Application> {
  const user = await s.users.get(owner);
  return s.applications.get(user.id, name);
}

function tokenType(v: string | undefined): TokenType | undefined {
  if (v === undefined) return undefined;
  if (v !== 'jwt' && v !== 'opaque') throw new CliError('--token-type is "jwt" or "opaque".');
  return v;
}

function seconds(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new CliError(`${flag} takes a number of seconds.`);
  return Number(v);
}

/** The options `app create` and `app update` share. */
function changes(o: Record<string, string | boolean | string[] | undefined>) {
  if (o['public'] && o['confidential'])
    throw new CliError('--public and --confidential exclude each other.');
  return {
    ...(o['callbackUrl'] !== undefined ? { callbackUrls: o['callbackUrl'] as string[] } : {}),
    ...(o['public'] ? { publicClient: true } : o['confidential'] ? { publicClient: false } : {}),
    ...(o['description'] !== undefined ? { description: String(o['description']) } : {}),
    ...(o['tokenType'] !== undefined ? { tokenType: tokenType(String(o['tokenType'])) } : {}),
    ...(o['grantTypes'] !== undefined ? { grantTypes: list(String(o['grantTypes'])) } : {}),
    ...(o['throttlingPolicy'] !== undefined
      ? { throttlingPolicy: String(o['throttlingPolicy']) }
      : {}),
  };
}

const GRANT_TYPES_HELP = `comma-separated: ${GRANT_TYPES.join(',')}`;
const CALLBACK_HELP =
  'a redirect URI of the Code grant (repeat for several; an empty value clears them): https, http://127.0.0.1 or a private-use scheme such as com.example.app:/cb';
const PUBLIC_HELP =
  'a public client (browser or native app): client_id alone for the Code grant with PKCE and refresh';
const collect = (v: string, previous: string[] | undefined) => [...(previous ?? []), v];

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

export function appCommands(program: Command): void {
  const app = program.command('app').description('manage applications (OAuth clients)');

  app
    .command('create <name>')
    .description('create an application for a user')
    .requiredOption('--owner <user>', 'the user who owns the application')
    .option(
      '--token-type <type>',
      'jwt or opaque access tokens (default from deployment.toml: jwt)',
    )
    .option('--grant-types <list>', GRANT_TYPES_HELP)
    .option('--callback-url <url>', CALLBACK_HELP, collect)
    .option('--public', PUBLIC_HELP)
    .option('--confidential', 'a confidential client, with its secret (the default)')
    .option('--access-token-lifetime <seconds>', 'access token lifetime (default 3600)')
    .option('--refresh-token-lifetime <seconds>', 'refresh token lifetime (default 86400)')
    .option(
      '--throttling-policy <name>',
      'application throttling policy enforced by the Gateway per end user (default Unlimited; see [apim.throttling] application_policies)',
    )
    .option('--description <text>', 'free text')
    .option('--json', 'print the application as JSON')
    .action(
      async (
        name: string,
        o: Record<string, string | boolean | string[] | undefined>,
        cmd: Command,
      ) => {
        const created = await withServices(cmd, async (s) => {
          const owner = await s.users.get(String(o['owner']));
          return s.applications.create({
            name,
            ownerId: owner.id,
            ...changes(o),
            accessTokenLifetime:
              seconds(o['accessTokenLifetime'] as string | undefined, '--access-token-lifetime') ??
              null,
            refreshTokenLifetime:
              seconds(
                o['refreshTokenLifetime'] as string | undefined,
                '--refresh-token-lifetime',
              ) ?? null,
          });
        });
        if (o['json']) printJson(created);
        else
          console.log(
            `Created application "${created.name}" (${created.tokenType} tokens; grants ${created.grantTypes.join(', ')}; throttling policy ${created.throttlingPolicy}).`,
          );
      },
    );

  app
    .command('update <name>')
    .description('change an application: only the options given change')
    .requiredOption('--owner <user>', 'the user who owns the application')
    .option('--token-type <type>', 'jwt or opaque access tokens (for tokens issued from now on)')
    .option('--grant-types <list>', GRANT_TYPES_HELP)
    .option('--callback-url <url>', CALLBACK_HELP, collect)
    .option('--public', PUBLIC_HELP)
    .option('--confidential', 'a confidential client, with its secret')
    .option('--access-token-lifetime <seconds>', 'access token lifetime; 0 = the server default')
    .option('--refresh-token-lifetime <seconds>', 'refresh token lifetime; 0 = the server default')
    .option(
      '--throttling-policy <name>',
      'application throttling policy (e.g. Unlimited, 50PerMin, 20PerMin, 10PerMin)',
    )
    .option('--description <text>', 'free text')
    .option('--json', 'print the application as JSON')
    .action(
      async (
        name: string,
        o: Record<string, string | boolean | string[] | undefined>,
        cmd: Command,
      ) => {
        const lifetime = (key: string, flag: string) => {
          const v = seconds(o[key] as string | undefined, flag);
          return v === undefined ? {} : { [key]: v === 0 ? null : v };
        };
        const updated = await withServices(cmd, async (s) =>
          s.applications.update(await ownedApp(s, String(o['owner']), name), {
            ...changes(o),
            ...lifetime('accessTokenLifetime', '--access-token-lifetime'),
            ...lifetime('refreshTokenLifetime', '--refresh-token-lifetime'),
          }),
        );
        if (o['json']) printJson(updated);
        else
          console.log(
            `Updated application "${updated.name}" (${updated.tokenType} tokens; grants ${updated.grantTypes.join(', ')}; throttling policy ${updated.throttlingPolicy}).`,
          );
      },
    );

  app
    .command('list')
    .description('list applications')
    .option('--owner <user>', "only this user's applications")
    .option('--json', 'print JSON')
    .action(async (o: { owner?: string; json?: boolean }, cmd: Command) => {
      const rows = await withServices(cmd, async (s) => {
        const apps = await s.applications.list(
          o.owner ? (await s.users.get(o.owner)).id : undefined,
        );
        return Promise.all(
          apps.map(async (a) => ({
            ...a,
            owner: (await s.users.findById(a.ownerId))?.username ?? '?',
          })),
        );
      });
      if (o.json) printJson(rows);
      else
        printTable(
          ['NAME', 'OWNER', 'TOKEN', 'GRANTS', 'CREATED'],
          rows.map((a) => [a.name, a.owner, a.tokenType, a.grantTypes.join(','), iso(a.createdAt)]),
        );
    });

  app
    .command('first-party <name>')
    .description(
      'admin: mark an application first-party, so its users are not asked for consent (--off to undo)',
    )
    .requiredOption('--owner <user>', 'the owner')
    .option('--off', 'ask its users for consent again')
    .action(async (name: string, o: { owner: string; off?: boolean }, cmd: Command) => {
      const updated = await withServices(cmd, async (s) =>
        s.applications.setFirstParty(await ownedApp(s, o.owner, name), !o.off),
      );
      console.log(
        `Application "${updated.name}" is ${updated.firstParty ? 'first-party: no consent page' : 'not first-party: its users are asked for consent'}.`,
      );
    });

  app
    .command('remove <name>')
    .description('delete an application, its keys, and revoke its tokens')
    .requiredOption('--owner <user>', 'the owner')
    .action(async (name: string, o: { owner: string }, cmd: Command) => {
      await withServices(cmd, async (s) =>
        s.applications.remove((await s.users.get(o.owner)).id, name),
      );
      console.log(`Removed application "${name}".`);
    });

  app
    .command('users <name>')
    .description('Registered Users for Application: who obtained tokens with the password grant')
    .requiredOption('--owner <user>', 'the owner')
    .option('--json', 'print JSON')
    .action(async (name: string, o: { owner: string; json?: boolean }, cmd: Command) => {
      const rows = await withServices(cmd, async (s) => {
        const found = await s.applications.registeredUsers(await ownedApp(s, o.owner, name));
        return Promise.all(
          found.map(async (r) => ({
            username: (await s.users.findById(r.userId))?.username ?? '(deleted user)',
            ...r,
          })),
        );
      });
      if (o.json)
        printJson(
          rows.map((r) => ({
            username: r.username,
            userId: r.userId,
            tokenCount: r.tokenCount,
            firstIssuedAt: iso(r.firstIssuedAt),
            lastIssuedAt: iso(r.lastIssuedAt),
          })),
        );
      else {
        printTable(
          ['USERNAME', 'TOKENS', 'FIRST', 'LAST'],
          rows.map((r) => [
            r.username,
            String(r.tokenCount),
            iso(r.firstIssuedAt),
            iso(r.lastIssuedAt),
          ]),
        );
        console.log(`${rows.length} registered user${rows.length === 1 ? '' : 's'}.`);
      }
    });
}
