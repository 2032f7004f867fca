import { sectionLabel, type Engine, type Section } from '../core/index.js';
import { LIMITS, truncate } from './limits.js';

/** A section of a report, as chosen in a command option. */
export interface SectionChoice {
  documentId: string;
  section: Section;
}

/** The option value of a section: `<document id>#<number>`. */
export function sectionValue(documentId: string, section: Section): string {
  return `${documentId}#${section.number}`;
}

/** Every section of the corpus, reports in order. */
export function allSections(engine: Engine): SectionChoice[] {
  return [...engine.documents.values()].flatMap((document) => document.sections.map((section) => ({ documentId: document.id, section })));
}

/** Choices for a section option: name shows label and headline; at most Discord's 25. */
export function sectionChoices(engine: Engine, typed = ''): Array<{ name: string; value: string }> {
  const needle = typed.trim().toLowerCase();
  const several = engine.documents.size > 1;
  return allSections(engine)
    .map(({ documentId, section }) => {
      const title = `${sectionLabel(section)}${section.headline ? ` — ${section.headline}` : ''}${several ? ` (${documentId})` : ''}`;
      return { name: truncate(title, LIMITS.choiceName), value: sectionValue(documentId, section) };
    })
    .filter((choice) => !needle || choice.name.toLowerCase().includes(needle) || choice.value.toLowerCase().includes(needle))
    .slice(0, LIMITS.choices);
}

/**
 * Finds a section from an option value: `<document id>#<number>`, a bare number (the first report
 * having it), or a keyword.
 */
export function resolveSection(engine: Engine, value: string): SectionChoice | undefined {
  const text = value.trim();
  const sections = allSections(engine);
  const exact = /^(.+)#(\d+)$/.exec(text);
  if (exact) return sections.find(({ documentId, section }) => documentId === exact[1] && section.number === Number(exact[2]));
  if (/^\d+$/.test(text)) return sections.find(({ section }) => section.number === Number(text));
  return sections.find(({ section }) => section.keyword === text || section.label === text);
}
