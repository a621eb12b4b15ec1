/**
 * The conversation as the model sees it. Shapes follow Gemini's wire format (shared/wire/gemini.md
 * §2), the one provider we speak; another provider maps to and from these.
 */
export interface FunctionCall {
  name: string;
  args?: Record<string, unknown>;
  /** Echoed as functionResponse.id when the model sends one. */
  id?: string;
}

export interface FunctionResponse {
  name: string;
  response: Record<string, unknown>;
  id?: string;
}

export interface Part {
  text?: string;
  inlineData?: { mimeType: string; data: string };
  functionCall?: FunctionCall;
  functionResponse?: FunctionResponse;
  /** Thought-summary text (only with includeThoughts). */
  thought?: boolean;
  /** Opaque; must be sent back unchanged on the same part (Gemini 3 rejects a call turn without it). */
  thoughtSignature?: string;
}

export type Role = 'user' | 'model';

export interface Content {
  role: Role;
  parts: Part[];
}

/** JSON Schema subset in Gemini's `parameters` format (OpenAPI 3.0 style, uppercase types). */
export interface GeminiSchema {
  type: 'OBJECT' | 'STRING' | 'NUMBER' | 'INTEGER' | 'BOOLEAN' | 'ARRAY';
  description?: string;
  enum?: string[];
  properties?: Record<string, GeminiSchema>;
  required?: string[];
  items?: GeminiSchema;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minItems?: string;
  maxItems?: string;
  minLength?: string;
  maxLength?: string;
  propertyOrdering?: string[];
}

export interface FunctionDeclaration {
  name: string;
  description: string;
  parameters: GeminiSchema;
}

export interface ModelRequest {
  systemInstruction?: string;
  contents: Content[];
  tools?: FunctionDeclaration[];
  /** AUTO by default; NONE forbids calls (summaries, vision answers). */
  functionCallingMode?: 'AUTO' | 'ANY' | 'NONE';
  temperature?: number;
  maxOutputTokens?: number;
  /** "application/json" for structured answers (never together with mode ANY). */
  responseMimeType?: string;
  responseSchema?: GeminiSchema;
}

export type FinishReason =
  | 'STOP'
  | 'MAX_TOKENS'
  | 'SAFETY'
  | 'RECITATION'
  | 'MALFORMED_FUNCTION_CALL'
  | 'UNEXPECTED_TOOL_CALL'
  | 'TOO_MANY_TOOL_CALLS'
  | 'OTHER'
  | (string & {});

export interface TokenUsage {
  promptTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface ModelResponse {
  /** The model's turn as it should be replayed in history (signatures kept). */
  content: Content;
  text: string;
  functionCalls: FunctionCall[];
  finishReason: FinishReason;
  /** Google's explanation, e.g. with MALFORMED_FUNCTION_CALL. */
  finishMessage?: string;
  usage?: TokenUsage;
  modelVersion?: string;
}

export interface GenerateOptions {
  signal?: AbortSignal;
  /** Text deltas as they stream in (for the chat panel's live reply). */
  onTextDelta?: (delta: string) => void;
}

/** A model the agent can talk to. Throws ProviderError (typed) on every failure. */
export interface ModelProvider {
  readonly name: string;
  generate(request: ModelRequest, options?: GenerateOptions): Promise<ModelResponse>;
}
