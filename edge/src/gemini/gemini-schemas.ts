import { z } from 'zod';

/**
 * Request bodies for the Gemini proxy (wire: shared/wire/gemini.md §2, §5, §6). Objects are
 * loose: unknown members pass through, since Google adds fields often; known members are typed.
 * Both lowerCamelCase and snake_case spellings are accepted, as Google's proto-JSON does.
 */
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
const mimeType = z.string().min(3).max(255).regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/, 'must be a MIME type like "image/png"');

const inlineData = z.looseObject({ mimeType: mimeType.optional(), mime_type: mimeType.optional(), data: base64 });
const fileData = z.looseObject({ mimeType: mimeType.optional(), mime_type: mimeType.optional(), fileUri: z.string().url().optional(), file_uri: z.string().url().optional() });
const functionCall = z.looseObject({ name: z.string().min(1).max(128), args: z.record(z.string(), z.unknown()).optional() });
const functionResponse = z.looseObject({ name: z.string().min(1).max(128), response: z.record(z.string(), z.unknown()) });

const part = z
  .looseObject({
    text: z.string().optional(),
    inlineData: inlineData.optional(),
    inline_data: inlineData.optional(),
    fileData: fileData.optional(),
    file_data: fileData.optional(),
    functionCall: functionCall.optional(),
    function_call: functionCall.optional(),
    functionResponse: functionResponse.optional(),
    function_response: functionResponse.optional(),
    thought: z.boolean().optional(),
    thoughtSignature: z.string().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'a part must not be empty (give text, inlineData, fileData, functionCall, …)');

export const content = z.looseObject({
  role: z.enum(['user', 'model', 'function', 'tool', 'system']).optional(),
  parts: z.array(part).min(1, 'needs at least one part').max(2000),
});

const generationConfig = z.looseObject({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().int().positive().optional(),
  candidateCount: z.number().int().min(1).max(8).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  stopSequences: z.array(z.string()).max(16).optional(),
  responseMimeType: z.string().optional(),
  responseModalities: z.array(z.enum(['TEXT', 'IMAGE', 'AUDIO'])).optional(),
});

export const generateContentRequest = z.looseObject({
  contents: z.array(content).min(1, 'needs at least one content').max(10_000),
  systemInstruction: content.partial({ parts: true }).optional(),
  system_instruction: content.partial({ parts: true }).optional(),
  tools: z.array(z.record(z.string(), z.unknown())).max(128).optional(),
  toolConfig: z.record(z.string(), z.unknown()).optional(),
  tool_config: z.record(z.string(), z.unknown()).optional(),
  safetySettings: z.array(z.looseObject({ category: z.string(), threshold: z.string() })).optional(),
  safety_settings: z.array(z.looseObject({ category: z.string(), threshold: z.string() })).optional(),
  generationConfig: generationConfig.optional(),
  generation_config: generationConfig.optional(),
  cachedContent: z.string().optional(),
});

export const countTokensRequest = z
  .looseObject({
    contents: z.array(content).max(10_000).optional(),
    generateContentRequest: z.looseObject({ model: z.string().optional(), contents: z.array(content).min(1) }).optional(),
  })
  .refine((b) => b.contents !== undefined || b.generateContentRequest !== undefined, {
    message: 'give "contents" or "generateContentRequest"',
    path: ['contents'],
  });

/** Body of a resumable upload's start request: optional file metadata. */
export const uploadStartRequest = z.looseObject({
  file: z
    .looseObject({
      displayName: z.string().max(512).optional(),
      display_name: z.string().max(512).optional(),
      mimeType: mimeType.optional(),
    })
    .optional(),
});

export const listFilesQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
  pageToken: z.string().max(1024).optional(),
});

/** Methods the proxy forwards, per model. */
export const MODEL_METHODS = ['generateContent', 'streamGenerateContent', 'countTokens'] as const;
export type ModelMethod = (typeof MODEL_METHODS)[number];

export const BODY_SCHEMA: Record<ModelMethod, z.ZodType> = {
  generateContent: generateContentRequest,
  streamGenerateContent: generateContentRequest,
  countTokens: countTokensRequest,
};
