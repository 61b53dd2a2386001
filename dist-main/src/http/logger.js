import { pino } from 'pino';
/** Credentials never reach a log line (R51): known secret-bearing fields are censored. */
export function createLogger(level) {
    return pino({
        level,
        redact: {
            paths: [
                'req.headers.authorization',
                'headers.authorization',
                'password',
                'client_secret',
                'consumerSecret',
                'access_token',
                'refresh_token',
                'token',
                '*.password',
                '*.client_secret',
                '*.token',
            ],
            censor: '[redacted]',
        },
    });
}
//# sourceMappingURL=logger.js.map