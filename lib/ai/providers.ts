import type { AiProvider } from "@/generated/prisma/enums";

export const AI_PROVIDERS = ["ANTHROPIC", "OPENAI", "GROQ", "OLLAMA", "CUSTOM"] as const satisfies readonly AiProvider[];

interface ProviderSpec {
  label: string;
  /** Where its API lives unless a base URL is given; null: the base URL is required. */
  defaultBaseUrl: string | null;
  needsKey: boolean;
  models: string[];
  /** The model-list request "Test connection" makes. */
  listRequest(base: string, key: string | null): { url: string; headers: Record<string, string> };
  countModels(body: unknown): number;
}

const bearer = (key: string | null): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {});
const dataLength = (body: unknown) => (Array.isArray((body as { data?: unknown[] })?.data) ? (body as { data: unknown[] }).data.length : 0);
const trim = (base: string) => base.replace(/\/+$/, "");

export const PROVIDERS: Record<AiProvider, ProviderSpec> = {
  ANTHROPIC: {
    label: "Anthropic",
    defaultBaseUrl: "https://api.anthropic.com",
    needsKey: true,
    models: ["claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"],
    listRequest: (base, key) => ({ url: `${trim(base)}/v1/models`, headers: { "x-api-key": key ?? "", "anthropic-version": "2023-06-01" } }),
    countModels: dataLength,
  },
  OPENAI: {
    label: "OpenAI",
    defaultBaseUrl: "https://api.openai.com/v1",
    needsKey: true,
    models: ["gpt-4.1", "gpt-4.1-mini", "o4-mini"],
    listRequest: (base, key) => ({ url: `${trim(base)}/models`, headers: bearer(key) }),
    countModels: dataLength,
  },
  GROQ: {
    label: "Groq",
    defaultBaseUrl: "https://api.groq.com/openai/v1",
    needsKey: true,
    models: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant", "gemma2-9b-it"],
    listRequest: (base, key) => ({ url: `${trim(base)}/models`, headers: bearer(key) }),
    countModels: dataLength,
  },
  OLLAMA: {
    label: "Ollama",
    defaultBaseUrl: null,
    needsKey: false,
    models: ["llama3.1", "qwen2.5", "mistral"],
    listRequest: (base) => ({ url: `${trim(base)}/api/tags`, headers: {} }),
    countModels: (body) => (Array.isArray((body as { models?: unknown[] })?.models) ? (body as { models: unknown[] }).models.length : 0),
  },
  CUSTOM: {
    label: "Custom (OpenAI-compatible)",
    defaultBaseUrl: null,
    needsKey: false,
    models: [],
    listRequest: (base, key) => ({ url: `${trim(base)}/models`, headers: bearer(key) }),
    countModels: dataLength,
  },
};
