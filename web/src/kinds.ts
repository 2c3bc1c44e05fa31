import { KIND_NAMES } from "../../src/model/entity-kinds.js";
import type { Kind } from "./api.js";

/** One colour per kind, for nodes, badges and the legend (readable on white, distinct in print). */
export const KIND_STYLE: Record<Kind, { label: string; color: string }> = {
  REGION: { label: "Region", color: "#4e79a7" },
  INSTITUTION: { label: "Institution", color: "#f28e2b" },
  LAB: { label: "Lab", color: "#e15759" },
  COMPANY: { label: "Company", color: "#59a14f" },
  PERSON: { label: "Person", color: "#b07aa1" },
  PRODUCTION_LINE: { label: "Production line", color: "#9c755f" },
  TECHNOLOGY: { label: "Technology", color: "#76b7b2" },
  EVENT: { label: "Event", color: "#edc948" },
  AGREEMENT: { label: "Agreement", color: "#ff9da7" },
};

export const KINDS: Kind[] = KIND_NAMES;

export const LANG_LABEL: Record<string, string> = {
  en: "English",
  "zh-Hans": "Simplified Chinese",
  "zh-Hant": "Traditional Chinese",
  ko: "Korean",
  ja: "Japanese",
};
