import type { Command } from 'commander';
import { checkEnvironment, codeFlowExample, type GeneratedKeys } from '../../keymanager/index.js';
import { codeFlowEndpoints } from '../../portal/index.js';
import { printJson, withServices } from '../context.js';
import { ownedApp } from './app.js';

function show(keys: GeneratedKeys, json: boolean | undefined): void {
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

export function keysCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description("manage an application's production and sandbox keys");

  keys
    .command('generate <app>')
    .description('generate the consumer key and secret (WSO2 "Generate Keys")')
    .requiredOption('--owner <user>', 'the application owner')
    .option('--env <env>', 'production or sandbox', 'production')
    .option('--json', 'print {"consumerKey": ..., "consumerSecret": ...}')
    .action(
      async (name: string, o: { owner: string; env: string; json?: boolean }, cmd: Command) => {
        const env = checkEnvironment(o.env);
        show(
          await withServices(cmd, async (s) =>
            s.applications.generateKeys(await ownedApp(s, o.owner, name), env),
          ),
          o.json,
        );
      },
    );

  keys
    .command('regenerate-secret <app>')
    .description('replace the consumer secret; the old one and its tokens stop working')
    .requiredOption('--owner <user>', 'the application owner')
    .option('--env <env>', 'production or sandbox', 'production')
    .option('--json', 'print {"consumerKey": ..., "consumerSecret": ...}')
    .action(
      async (name: string, o: { owner: string; env: string; json?: boolean }, cmd: Command) => {
        const env = checkEnvironment(o.env);
        show(
          await withServices(cmd, async (s) =>
            s.applications.regenerateSecret(await ownedApp(s, o.owner, name), env),
          ),
          o.json,
        );
      },
    );

  keys
    .command('show <app>')
    .description('show the consumer key (the secret cannot be shown again)')
    .requiredOption('--owner <user>', 'the application owner')
    .option('--env <env>', 'production or sandbox', 'production')
    .option('--json', 'print JSON')
    .action(
      async (name: string, o: { owner: string; env: string; json?: boolean }, cmd: Command) => {
        const env = checkEnvironment(o.env);
        const { key, codeFlow } = await withServices(cmd, async (s) => {
          const app = await ownedApp(s, o.owner, name);
          const key = await s.applications.findKeys(app, env);
          const endpoints = codeFlowEndpoints(s.config);
          return { key, codeFlow: key && codeFlowExample(app, key.consumerKey, endpoints) };
        });
        if (o.json)
          printJson(
            key
              ? {
                  consumerKey: key.consumerKey,
                  environment: env,
                  ...(codeFlow ? { codeFlow } : {}),
                }
              : null,
          );
        else {
          console.log(
            key
              ? `Consumer key (${env}): ${key.consumerKey}`
              : `No ${env} keys yet: run tollgate keys generate ${name} --owner ${o.owner} --env ${env}`,
          );
          if (codeFlow) {
            console.log('Start the Code flow: send the browser to (STATE random, CHALLENGE =');
            console.log('BASE64URL(SHA-256(VERIFIER)), VERIFIER 43+ random characters you keep)');
            console.log(`  ${codeFlow.authorizationUrl}`);
            console.log('then exchange the CODE it brings back to the callback URL within 60 s:');
            console.log(`  ${codeFlow.tokenRequest}`);
          }
        }
      },
    );
}
