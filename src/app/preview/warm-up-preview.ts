import { bundlerWorker } from '../workers/page-workers';
import { loadRuntimeCode } from './sandbox-host';

/**
 * Starts what the first preview waits for (the bundler worker with esbuild-wasm, the sandbox
 * runtime's code) while the project page is still loading its views. Safe to call often.
 */
export function warmUpPreview() {
  void bundlerWorker().call('warmUp', []).catch(() => undefined);
  void loadRuntimeCode().catch(() => undefined);
}
