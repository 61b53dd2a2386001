import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';

/** `[log] format`: JSON lines, human-readable lines, or pretty only when stdout is a terminal. */
export type LogFormat = 'auto' | 'json' | 'pretty';

/**
 * Human-readable lines for a person at a terminal (pino-pretty, loaded only then): time,
 * level and message on one line, in colour, without the pid and host name.
 */
function prettyStream(): DestinationStream {
  const require = createRequire(import.meta.url);
  const { PinoPretty } = require('pino-pretty') as typeof import('pino-pretty');
  return PinoPretty({
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
    // Written as they come, so the ready banner (console.log) follows the start-up lines.
    sync: true,
  });
}

/** Credentials never reach a log line (R51): known secret-bearing fields are censored. */
export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const pretty = format === 'pretty' || (format === 'auto' && Boolean(process.stdout.isTTY));
  const options = {
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
  };
  return pretty ? pino(options, prettyStream()) : pino(options);
}
