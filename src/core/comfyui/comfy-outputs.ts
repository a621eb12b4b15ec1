/** A file a ComfyUI output node wrote, as `/view?filename=&subfolder=&type=` wants it. */
export interface ComfyFile {
  filename: string;
  subfolder: string;
  type: string;
}

export type HistoryOutcome =
  | { status: 'pending' }
  | { status: 'succeeded'; files: ComfyFile[] }
  | { status: 'failed'; code: string; message: string };

const VIDEO = /\.(mp4|webm|mov|mkv)$/i;
const IMAGE = /\.(png|jpe?g|webp|gif)$/i;

/**
 * What `/history/{promptId}` says about a prompt: not there yet (still queued or running),
 * finished with its files (videos first, then images; previews of type "temp" left out), or failed
 * with the reason ComfyUI recorded.
 */
export function readHistory(history: unknown, promptId: string): HistoryOutcome {
  const entry = (history as Record<string, unknown> | null)?.[promptId] as
    | { outputs?: Record<string, Record<string, unknown>>; status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] } }
    | undefined;
  if (!entry) return { status: 'pending' };
  if (entry.status?.messages?.some(([type]) => type === 'execution_interrupted')) return { status: 'failed', code: 'cancelled', message: 'The prompt was interrupted on the ComfyUI server.' };
  if (entry.status?.status_str === 'error') {
    const error = entry.status.messages?.find(([type]) => type === 'execution_error')?.[1];
    return { status: 'failed', ...describeExecutionError(String(error?.exception_type ?? ''), String(error?.exception_message ?? 'ComfyUI could not run this workflow.'), String(error?.node_type ?? '')) };
  }
  if (entry.status && entry.status.completed === false) return { status: 'pending' };
  const files: ComfyFile[] = [];
  for (const output of Object.values(entry.outputs ?? {}))
    for (const list of Object.values(output))
      if (Array.isArray(list))
        for (const f of list as Partial<ComfyFile>[])
          if (f && typeof f.filename === 'string' && f.type !== 'temp') files.push({ filename: f.filename, subfolder: String(f.subfolder ?? ''), type: String(f.type ?? 'output') });
  const rank = (f: ComfyFile) => (VIDEO.test(f.filename) ? 0 : IMAGE.test(f.filename) ? 1 : 2);
  return { status: 'succeeded', files: files.filter((f) => rank(f) < 2).sort((a, b) => rank(a) - rank(b)) };
}

/** One sentence for an execution error, with a stable code: out of GPU memory, a missing model file, or ComfyUI's own words. */
export function describeExecutionError(exceptionType: string, message: string, nodeType = ''): { code: string; message: string } {
  const where = nodeType ? ` in ${nodeType}` : '';
  if (/OutOfMemory|out of memory|Allocation on device/i.test(`${exceptionType} ${message}`))
    return { code: 'out_of_memory', message: `The ComfyUI server ran out of GPU memory${where}; try a smaller size, fewer frames or a lighter model.` };
  if (/FileNotFoundError|not found|No such file/i.test(`${exceptionType} ${message}`) && /safetensors|ckpt|model/i.test(message))
    return { code: 'model_missing', message: `The ComfyUI server is missing a model file${where}: ${firstLine(message)}` };
  return { code: 'execution_error', message: `ComfyUI failed${where}: ${firstLine(message) || exceptionType || 'unknown error'}` };
}

/**
 * One sentence for a 400 from `POST /prompt` (validation): a model file not in a loader's list
 * becomes `model_missing`, naming the file.
 */
export function describePromptRejection(body: unknown): { code: string; message: string } {
  const b = body as { error?: { type?: string; message?: string }; node_errors?: Record<string, { class_type?: string; errors?: { type?: string; message?: string; details?: string; extra_info?: { input_name?: string; received_value?: unknown } }[] }> };
  for (const node of Object.values(b?.node_errors ?? {}))
    for (const e of node.errors ?? [])
      if (e.type === 'value_not_in_list' && /_name$/.test(e.extra_info?.input_name ?? ''))
        return { code: 'model_missing', message: `The ComfyUI server does not have ${String(e.extra_info?.received_value)} (${node.class_type} ${e.extra_info?.input_name}); put the file in its models folder or edit the workflow.` };
  const first = Object.values(b?.node_errors ?? {})[0]?.errors?.[0];
  return { code: 'workflow_invalid', message: `ComfyUI refused the workflow: ${first ? `${first.message}${first.details ? ` (${first.details})` : ''}` : (b?.error?.message ?? 'invalid prompt')}.` };
}

const firstLine = (s: string) => s.trim().split('\n')[0]!.slice(0, 300);
