export type LogLevel = 'info' | 'warn' | 'silent';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * One JSON line per event. Callers pass only ids, routes, sizes and timings: never request
 * bodies, headers or tokens.
 */
export function createLogger(level: LogLevel): Logger {
  const write = (lvl: string, msg: string, fields?: Record<string, unknown>) =>
    process.stdout.write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields }) + '\n');
  return {
    info: (msg, fields) => level === 'info' && write('info', msg, fields),
    warn: (msg, fields) => level !== 'silent' && write('warn', msg, fields),
  };
}
