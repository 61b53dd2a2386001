import { randomUUID } from 'node:crypto';
import { GRANT_TYPES, type GrantType, type TokenConfig, type TokenType } from '../config/index.js';
import type { Application, ClientKey, Environment, RegisteredUser } from './model.js';
import { ENVIRONMENTS } from './model.js';
import { callbackUrlProblem, MAX_CALLBACK_URLS } from './redirect-uris.js';
import { hashSecret, newConsumerKey, newConsumerSecret } from './secrets.js';
import type { ApplicationStore, TokenStore } from './store.js';

/** A refused application operation; its message is written for the user (`expose`), `status` is its HTTP answer. */
export class ApplicationError extends Error {
  override readonly name = 'ApplicationError';
  readonly expose = true;
  readonly status: number;
  constructor(
    readonly code: 'invalid_input' | 'not_found' | 'exists',
    message: string,
  ) {
    super(message);
    this.status = code === 'not_found' ? 404 : code === 'exists' ? 409 : 400;
  }
}

export interface NewApplication {
  readonly name: string;
  readonly ownerId: string;
  readonly description?: string;
  readonly tokenType?: TokenType;
  readonly grantTypes?: readonly string[];
  readonly accessTokenLifetime?: number | null;
  readonly refreshTokenLifetime?: number | null;
  readonly throttlingPolicy?: string;
  readonly callbackUrls?: readonly string[];
  readonly publicClient?: boolean;
}

/** Shown once: the secret is stored hashed and cannot be read back (R15). */
export interface GeneratedKeys {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly environment: Environment;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;

function checkGrantTypes(list: readonly string[]): GrantType[] {
  const bad = list.find((g) => !(GRANT_TYPES as readonly string[]).includes(g));
  if (bad !== undefined)
    throw new ApplicationError(
      'invalid_input',
      `Unknown grant type "${bad}" (allowed: ${GRANT_TYPES.join(', ')}).`,
    );
  return [...new Set(list)] as GrantType[];
}

function checkCallbackUrls(list: readonly string[]): string[] {
  const urls = [...new Set(list.map((u) => u.trim()).filter((u) => u !== ''))];
  if (urls.length > MAX_CALLBACK_URLS)
    throw new ApplicationError('invalid_input', `At most ${MAX_CALLBACK_URLS} callback URLs.`);
  for (const url of urls) {
    const problem = callbackUrlProblem(url);
    if (problem) throw new ApplicationError('invalid_input', problem);
  }
  return urls;
}

/** As WSO2's Generate Keys: the Code grant needs somewhere to send the browser back to. */
function checkCodeGrant(app: Application): Application {
  if (app.grantTypes.includes('authorization_code') && app.callbackUrls.length === 0)
    throw new ApplicationError(
      'invalid_input',
      'The Code grant needs at least one callback URL (where the browser returns with the code).',
    );
  return app;
}

function checkLifetime(v: number | null | undefined, what: string): number | null {
  if (v === undefined || v === null) return null;
  if (!Number.isInteger(v) || v < 60 || v > 31536000)
    throw new ApplicationError(
      'invalid_input',
      `The ${what} must be between 60 and 31536000 seconds.`,
    );
  return v;
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (!NAME.test(name))
    throw new ApplicationError(
      'invalid_input',
      'An application name is 1 to 100 letters, digits, spaces and . _ -.',
    );
  return name;
}

function checkThrottlingPolicy(policy: string, allowed: readonly string[]): string {
  if (!allowed.includes(policy)) {
    throw new ApplicationError(
      'invalid_input',
      `Unknown throttling policy "${policy.slice(0, 64)}" (allowed: ${allowed.join(', ')}).`,
    );
  }
  return policy;
}

export function checkEnvironment(env: string): Environment {
  if (!(ENVIRONMENTS as readonly string[]).includes(env))
    throw new ApplicationError(
      'invalid_input',
      'The key environment is "production" or "sandbox".',
    );
  return env as Environment;
}

/**
 * Applications, their production and sandbox key pairs, and their statistics. `throttlingPolicies`
 * are the names of [apim.throttling] application_policies ("Unlimited" among them).
 */
export function createApplicationService(deps: {
  store: ApplicationStore;
  tokens: TokenStore;
  config: TokenConfig;
  throttlingPolicies: readonly string[];
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const { store } = deps;
  const checkPolicy = (policy: string) => checkThrottlingPolicy(policy, deps.throttlingPolicies);

  async function mustGet(ownerId: string, name: string): Promise<Application> {
    const app = await store.findByOwnerAndName(ownerId, name);
    if (!app)
      throw new ApplicationError('not_found', `No application named "${name}" for this owner.`);
    return app;
  }

  return {
    async create(input: NewApplication): Promise<Application> {
      const name = checkName(input.name);
      const app: Application = {
        id: randomUUID(),
        name,
        ownerId: input.ownerId,
        description: (input.description ?? '').slice(0, 1000),
        tokenType: input.tokenType ?? deps.config.defaultTokenType,
        grantTypes: checkGrantTypes(input.grantTypes ?? deps.config.defaultGrantTypes),
        accessTokenLifetime: checkLifetime(input.accessTokenLifetime, 'access token lifetime'),
        refreshTokenLifetime: checkLifetime(input.refreshTokenLifetime, 'refresh token lifetime'),
        throttlingPolicy: checkPolicy(input.throttlingPolicy ?? 'Unlimited'),
        callbackUrls: checkCallbackUrls(input.callbackUrls ?? []),
        publicClient: input.publicClient ?? false,
        firstParty: false,
        createdAt: now(),
      };
      await store.create(checkCodeGrant(app));
      return app;
    },

    async update(
      app: Application,
      changes: Partial<Omit<NewApplication, 'ownerId'>>,
    ): Promise<Application> {
      const next: Application = {
        ...app,
        ...(changes.name !== undefined ? { name: checkName(changes.name) } : {}),
        ...(changes.throttlingPolicy !== undefined
          ? { throttlingPolicy: checkPolicy(changes.throttlingPolicy) }
          : {}),
        ...(changes.description !== undefined
          ? { description: changes.description.slice(0, 1000) }
          : {}),
        ...(changes.tokenType !== undefined ? { tokenType: changes.tokenType } : {}),
        ...(changes.grantTypes !== undefined
          ? { grantTypes: checkGrantTypes(changes.grantTypes) }
          : {}),
        ...(changes.accessTokenLifetime !== undefined
          ? {
              accessTokenLifetime: checkLifetime(
                changes.accessTokenLifetime,
                'access token lifetime',
              ),
            }
          : {}),
        ...(changes.refreshTokenLifetime !== undefined
          ? {
              refreshTokenLifetime: checkLifetime(
                changes.refreshTokenLifetime,
                'refresh token lifetime',
              ),
            }
          : {}),
        ...(changes.callbackUrls !== undefined
          ? { callbackUrls: checkCallbackUrls(changes.callbackUrls) }
          : {}),
        ...(changes.publicClient !== undefined ? { publicClient: changes.publicClient } : {}),
      };
      await store.update(checkCodeGrant(next));
      return next;
    },

    /** Admin only: a first-party application's users are not asked for consent. */
    async setFirstParty(app: Application, firstParty: boolean): Promise<Application> {
      const next = { ...app, firstParty };
      await store.update(next);
      return next;
    },

    get: mustGet,
    findById: (id: string) => store.findById(id),
    list: (ownerId?: string) => store.list(ownerId),

    async remove(ownerId: string, name: string): Promise<void> {
      const app = await mustGet(ownerId, name);
      for (const env of ENVIRONMENTS) {
        const key = await store.findKey(app.id, env);
        if (key) await deps.tokens.revokeClient(key.consumerKey, now());
      }
      await store.remove(app.id);
    },

    /** WSO2's "Generate Keys" on the Production or Sandbox Keys tab. */
    async generateKeys(app: Application, environment: Environment): Promise<GeneratedKeys> {
      if (await store.findKey(app.id, environment)) {
        throw new ApplicationError(
          'exists',
          `The application already has ${environment} keys; regenerate the secret instead.`,
        );
      }
      const consumerSecret = newConsumerSecret();
      const t = now();
      const key: ClientKey = {
        consumerKey: newConsumerKey(),
        applicationId: app.id,
        environment,
        secretHash: hashSecret(consumerSecret),
        createdAt: t,
      };
      await store.createKey(key);
      return { consumerKey: key.consumerKey, consumerSecret, environment };
    },

    findKeys: (app: Application, environment: Environment) => store.findKey(app.id, environment),

    /** A new secret; the old one stops working at once and the key's tokens are revoked. */
    async regenerateSecret(app: Application, environment: Environment): Promise<GeneratedKeys> {
      const key = await store.findKey(app.id, environment);
      if (!key)
        throw new ApplicationError(
          'not_found',
          `The application has no ${environment} keys yet; generate them first.`,
        );
      const consumerSecret = newConsumerSecret();
      await store.updateSecret(key.consumerKey, hashSecret(consumerSecret), now());
      await deps.tokens.revokeClient(key.consumerKey, now());
      return { consumerKey: key.consumerKey, consumerSecret, environment };
    },

    /** "Registered Users for Application": users who obtained tokens with the password grant. */
    registeredUsers: (app: Application): Promise<RegisteredUser[]> =>
      deps.tokens.usersByGrant(app.id, 'password'),
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
