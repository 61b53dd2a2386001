import type { Agent } from 'undici';

type Undici = typeof import('undici');
type AgentOptions = ConstructorParameters<Undici['Agent']>[0];

let loading: Promise<Undici> | undefined;

/**
 * undici, imported at first use: loading it takes ~120 ms and several MB, which a start-up
 * does not need before the Gateway's first backend call (start.ts warms it once ready).
 */
export function undici(): Promise<Undici> {
  return (loading ??= import('undici'));
}

/** A keep-alive Agent made at first use. */
export function lazyAgent(options: AgentOptions): {
  get(): Promise<Agent>;
  close(): Promise<void>;
} {
  let agent: Promise<Agent> | undefined;
  return {
    get: () => (agent ??= undici().then((u) => new u.Agent(options))),
    async close() {
      if (agent) await (await agent).close();
    },
  };
}
