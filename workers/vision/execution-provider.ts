/** Which onnxruntime-web execution provider to use here, and why. */
export type ExecutionProviderChoice = { provider: 'webgpu' | 'wasm'; reason: string };

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string };
}

/**
 * WebGPU only on a real adapter: a software (fallback) adapter such as SwiftShader runs the net
 * 40-500x slower than the wasm EP (measured in headless Chromium, shared/PLATFORM.md).
 */
export async function chooseExecutionProvider(preference: 'auto' | 'wasm' | 'webgpu'): Promise<ExecutionProviderChoice> {
  if (preference === 'wasm') return { provider: 'wasm', reason: 'asked for wasm' };
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return fallback(preference, 'navigator.gpu is not available');
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    return fallback(preference, `requestAdapter failed: ${(e as Error).message}`);
  }
  if (!adapter) return fallback(preference, 'no WebGPU adapter');
  const isFallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  if (isFallback && preference !== 'webgpu') return { provider: 'wasm', reason: 'WebGPU adapter is a software fallback' };
  const name = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
  return { provider: 'webgpu', reason: `${isFallback ? 'fallback ' : ''}WebGPU adapter: ${name}` };
}

function fallback(preference: string, reason: string): ExecutionProviderChoice {
  if (preference === 'webgpu') throw new Error(`[vision.worker] WebGPU was required but ${reason}`);
  return { provider: 'wasm', reason };
}
