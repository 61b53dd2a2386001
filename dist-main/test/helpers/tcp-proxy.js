import { connect, createServer } from 'node:net';
/**
 * A TCP relay in front of PostgreSQL that a test can break and mend, so outages are
 * simulated without touching the real server (other tests use it).
 */
export class TcpProxy {
    target;
    server;
    sockets = new Set();
    mode = 'up';
    port = 0;
    constructor(target) {
        this.target = target;
    }
    async start(port = 0) {
        const server = createServer((client) => this.accept(client));
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, '127.0.0.1', () => resolve());
        });
        this.server = server;
        this.port = server.address().port;
        this.mode = 'up';
        return this.port;
    }
    accept(client) {
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => client.destroy());
        if (this.mode === 'blackhole')
            return; // accepted, never answered
        const upstream = connect(this.target.port, this.target.host);
        this.sockets.add(upstream);
        upstream.on('close', () => {
            this.sockets.delete(upstream);
            client.destroy();
        });
        upstream.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
    }
    cut() {
        for (const s of this.sockets)
            s.destroy();
        this.sockets.clear();
    }
    /** Existing connections die; new ones are accepted but never answered (a frozen network). */
    blackhole() {
        this.mode = 'blackhole';
        this.cut();
    }
    /** Existing connections die; new ones are refused (the server is stopped). */
    async refuse() {
        this.cut();
        await new Promise((resolve) => this.server ? this.server.close(() => resolve()) : resolve());
        this.server = undefined;
    }
    /** Back to relaying, on the same port. */
    async resume() {
        this.cut();
        if (!this.server)
            await this.start(this.port);
        this.mode = 'up';
    }
    async close() {
        await this.refuse();
    }
}
//# sourceMappingURL=tcp-proxy.js.map