let loading;
/**
 * undici, imported at first use: loading it takes ~120 ms and several MB, which a start-up
 * does not need before the Gateway's first backend call (start.ts warms it once ready).
 */
export function undici() {
    return (loading ??= import('undici'));
}
/** A keep-alive Agent made at first use. */
export function lazyAgent(options) {
    let agent;
    return {
        get: () => (agent ??= undici().then((u) => new u.Agent(options))),
        async close() {
            if (agent)
                await (await agent).close();
        },
    };
}
//# sourceMappingURL=lazy-undici.js.map