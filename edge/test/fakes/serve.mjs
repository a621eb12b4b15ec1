// `npm run fakes [-- --port 8790]`: run the fake upstreams for `npm run dev` or manual tries.
import { startFakeUpstreams } from './fake-upstreams.mjs';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 8790;
const fakes = await startFakeUpstreams({ port });
console.log(JSON.stringify({ msg: 'fake upstreams listening', url: fakes.url, keys: fakes.options }, null, 2));
const stop = async () => {
  await fakes.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
