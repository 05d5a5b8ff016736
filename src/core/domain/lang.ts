/** The two languages of every message, and the severities of findings: the words every stage shares. */
export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both languages. */
export type Bilingual = Record<Lang, string>;

export const SEVERITY_KEYS = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITY_KEYS)[number];
