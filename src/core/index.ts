/** The retrieval library: load a corpus, build an engine, ask it. Pure: no Discord in here. */
export { loadCorpus, type Corpus, type LoadOptions } from './corpus/corpus.js';
export { fileCache, cacheKey, type IndexCache } from './search/index-cache.js';
export { Library, type Reports } from './library.js';
export { Engine, MAX_QUESTION_CHARS, ABSTAIN_BELOW, LOCATED_PASSAGES, type AskResult, type AskOptions, type EngineOptions, type Citation, type RankedPassage, type SectionRef } from './engine.js';
export { marksFollowUp, type Turn } from './language/conversation.js';
export { replay } from './answer/replay.js';
export { toContract, contractError, recordsOf, type ContractAnswer, type ContractRecord } from './answer/contract.js';
export { CorpusError, CorpusErrors, QueryError, ReportQaError } from './errors.js';
export { tokenizeDocument, tokenizeQuery } from './language/tokenizer.js';
export { normalizeText } from './language/normalize.js';
export { questionKey } from './language/cleanup.js';
export { sectionLabel } from './corpus/document.js';
export type { Passage, Section, SourceInfo, ReportDocument } from './types.js';
export { briefReport, briefSection, REPORT_BRIEF_POINTS, SECTION_BRIEF_POINTS, type BriefSection, type BriefPoint } from './answer/briefings.js';
export { Suggester, type Suggestions, MAX_SUGGESTIONS, MAX_SUGGESTION_CHARS } from './answer/suggestions.js';
export { splitSentences, splitClauses } from './corpus/passages.js';
export type { SmallTalk } from './language/cleanup.js';
export type { RecordField } from './language/meta.js';
