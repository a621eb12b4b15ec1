import { ConfigError, DEV_TOKEN, loadConfig } from './config.js';
import { startService } from './service.js';
import { isRemotionTargetClosed } from './remotion-target-closed.js';

try {
  const config = loadConfig();
  const service = await startService(config);
  const tokenNote = config.token === DEV_TOKEN ? ' (development token)' : '';
  console.log(JSON.stringify({ t: new Date().toISOString(), level: 'info', msg: `render service on ${service.url}${tokenNote}`, backend: config.backend, parallelRenders: config.parallelRenders, concurrency: config.concurrency }));
  const stop = () => {
    void service.close().finally(() => process.exit(0));
  };
  // The service must not die of Remotion's late "Target closed"; any other stray rejection still ends it.
  process.on('unhandledRejection', (error) => {
    if (isRemotionTargetClosed(error)) return;
    console.error(JSON.stringify({ level: 'fatal', message: 'unhandled rejection', error: String(error) }));
    process.exit(1);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof ConfigError ? `render service: bad configuration: ${err.message}` : err);
  process.exit(1);
}
