import { sectionLabel, type Reports, type Section } from '../../core/index.js';
import { LIMITS, truncate } from '../discord/limits.js';

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
export function allSections(engine: Reports): SectionChoice[] {
  return [...engine.documents.values()].flatMap((document) => document.sections.map((section) => ({ documentId: document.id, section })));
}

/** Choices for a section option: name shows label and headline; at most Discord's 25. */
export function sectionChoices(engine: Reports, typed = '', documentId?: string): Array<{ name: string; value: string }> {
  const needle = typed.trim().toLowerCase();
  const several = engine.documents.size > 1;
  return allSections(engine)
    .filter((choice) => documentId === undefined || choice.documentId === documentId)
    .map(({ documentId, section }) => {
      const title = `${sectionLabel(section)}${section.headline ? ` — ${section.headline}` : ''}${several ? ` (${documentId})` : ''}`;
      return { name: truncate(title, LIMITS.choiceName), value: sectionValue(documentId, section) };
    })
    .filter((choice) => !needle || choice.name.toLowerCase().includes(needle) || choice.value.toLowerCase().includes(needle))
    .slice(0, LIMITS.choices);
}

/**
 * The sections an option value names: `<document id>#<number>` names one; a bare number or a
 * keyword may name one in each report (limited to `documentId` when a report was chosen).
 */
export function findSections(engine: Reports, value: string, documentId?: string): SectionChoice[] {
  const text = value.trim();
  const sections = allSections(engine).filter((choice) => documentId === undefined || choice.documentId === documentId);
  const exact = /^(.+)#(\d+)$/.exec(text);
  if (exact) return sections.filter((choice) => choice.documentId === exact[1] && choice.section.number === Number(exact[2]));
  if (/^\d+$/.test(text)) return sections.filter(({ section }) => section.number === Number(text));
  return sections.filter(({ section }) => section.keyword === text || section.label === text);
}

/**
 * The one section an option value names, or undefined when it names none; with several reports
 * having it, the first (commands that must not guess use {@link findSections}).
 */
export function resolveSection(engine: Reports, value: string, documentId?: string): SectionChoice | undefined {
  return findSections(engine, value, documentId)[0];
}

/** Choices for a report option: title and id, at most Discord's 25. */
export function reportChoices(engine: Reports, typed = ''): Array<{ name: string; value: string }> {
  const needle = typed.trim().toLowerCase();
  return [...engine.documents.values()]
    .map((document) => ({ name: truncate(`${document.source.title} (${document.source.publisher}, ${document.source.date})`, LIMITS.choiceName), value: document.id }))
    .filter((choice) => !needle || choice.name.toLowerCase().includes(needle) || choice.value.toLowerCase().includes(needle))
    .slice(0, LIMITS.choices);
}
