import { GraphQLError } from "graphql";
import { z } from "zod";
import { decodeArticle, ExtractInputError } from "../../extract/input.js";
import type { ArticleMeta } from "../../model/annotation.js";
import { Lang, PartialDate } from "../../model/primitives.js";

export interface IngestArgs {
  text: string;
  url?: string | null;
  title?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

/** What ingestArticle hands the extractor: the text as the extractor reads it, its language and metadata. */
export interface IngestInput {
  text: string;
  lang: Lang | "auto";
  article: Partial<ArticleMeta>;
}

const MAX_TITLE_LENGTH = 500;
const WebUrl = z.url({ protocol: /^https?$/ });

/**
 * Checks ingestArticle's arguments (BAD_USER_INPUT otherwise): a text of at most 1 MB of UTF-8,
 * not empty or binary, HTML reduced to its text (the extractor's own input check); publishedAt a
 * partial date (YYYY, YYYY-MM, YYYY-MM-DD); language one of the Lang values or omitted (detected);
 * url an http(s) address; title at most 500 characters.
 */
export function checkIngestInput(args: IngestArgs): IngestInput {
  const text = decode(args.text);
  const article: Partial<ArticleMeta> = {};
  const title = args.title?.trim();
  if (title) {
    if (title.length > MAX_TITLE_LENGTH) throw badInput(`title is longer than ${MAX_TITLE_LENGTH} characters`);
    article.title = title;
  }
  if (args.publishedAt !== undefined && args.publishedAt !== null)
    article.publishedAt = parse(PartialDate, args.publishedAt.trim(), "publishedAt");
  if (args.url !== undefined && args.url !== null && args.url.trim() !== "")
    article.url = parse(WebUrl, args.url.trim(), "url", "must be an http or https address");
  const language = args.language?.trim();
  const lang = !language || language === "auto" ? "auto" : parse(Lang, language, "language", `must be one of ${Lang.options.join(", ")}`);
  return { text, lang, article };
}

function decode(text: string): string {
  try {
    return decodeArticle(Buffer.from(text, "utf8"), "text").text;
  } catch (err) {
    if (err instanceof ExtractInputError) throw badInput(err.message);
    throw err;
  }
}

function parse<T>(schema: z.ZodType<T>, value: string, field: string, message?: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badInput(`${field} ${message ?? parsed.error.issues[0]?.message ?? "is not valid"}`);
  return parsed.data;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}
