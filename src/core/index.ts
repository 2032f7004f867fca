/** The retrieval library: load a corpus, build an engine, ask it. Pure: no Discord in here. */
export { loadCorpus, type Corpus, type LoadOptions } from './corpus.js';
export { fileCache, cacheKey, type IndexCache } from './index-cache.js';
export { Library, type Reports } from './library.js';
export { Engine, MAX_QUESTION_CHARS, ABSTAIN_BELOW, type AskResult, type AskOptions, type EngineOptions, type Citation, type RankedPassage, type SectionRef } from './engine.js';
export { marksFollowUp, type Turn } from './conversation.js';
export { replay } from './replay.js';
export { toContract, contractError, type ContractAnswer } from './contract.js';
export { CorpusError, CorpusErrors, QueryError, ReportQaError } from './errors.js';
export { tokenizeDocument, tokenizeQuery } from './tokenizer.js';
export { normalizeText } from './normalize.js';
export { questionKey } from './cleanup.js';
export { sectionLabel } from './document.js';
export type { Passage, Section, SourceInfo, ReportDocument } from './types.js';
export { briefReport, briefSection, type BriefSection, type BriefPoint } from './brief.js';
export { Suggester, type Suggestions, MAX_SUGGESTIONS, MAX_SUGGESTION_CHARS } from './suggest.js';
export { splitSentences, splitClauses } from './passages.js';
