import { err, ok, type Result } from '../util/result';
import { answerTextOf } from './script-request';
import { parseScriptAnswer } from './script-schema';
import { scriptRequestBody } from './script-request';
import type { ScriptOptions, VideoScript } from './script-types';

/** Sends one generateContent body and returns the parsed JSON response (the app passes the edge). */
export type GenerateContent = (body: ReturnType<typeof scriptRequestBody>, signal?: AbortSignal) => Promise<unknown>;

export type ScriptFailure = 'invalid_script' | 'content_blocked' | 'empty_answer';

/**
 * Asks the model for a script. A malformed answer (not JSON, or not a valid script) is retried
 * once with the reason; a second one is reported. Transport errors are the caller's (they throw).
 */
export async function writeScript(generate: GenerateContent, topic: string, options: ScriptOptions, signal?: AbortSignal): Promise<Result<VideoScript, ScriptFailure>> {
  let retryReason: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = answerTextOf((await generate(scriptRequestBody(topic, options, retryReason), signal)) as Parameters<typeof answerTextOf>[0]);
    if (!answer.ok) {
      if (answer.code === 'content_blocked') return err(answer.code, answer.message);
      retryReason = answer.message;
      continue;
    }
    const parsed = parseScriptAnswer(answer.text, options.language);
    if (parsed.ok) return ok(parsed.script);
    retryReason = parsed.message;
  }
  return err('invalid_script', `The model's script could not be used twice in a row: ${retryReason}`);
}
