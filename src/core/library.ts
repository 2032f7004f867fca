import { LOCATED_PASSAGES, nearestSectionsOf, type AskOptions, type AskResult, type Citation, type Engine } from './engine.js';
import type { Passage, ReportDocument } from './types.js';
import { lastAnswered } from './language/conversation.js';

/**
 * What answering reads of a set of reports: an {@link Engine} over one corpus folder, or a
 * {@link Library} that layers several (the operator's reports and one server's own). Commands,
 * briefings and suggestions take this, so they never see reports outside the set they were given.
 */
export interface Reports {
  readonly documents: ReadonlyMap<string, ReportDocument>;
  /** The live passages, report by report. */
  readonly passages: readonly Passage[];
  ask(question: string, options?: AskOptions): AskResult;
  passage(id: string): Passage | undefined;
  sectionPassages(documentId: string, section: number): Passage[];
  cite(passage: Passage): Citation;
}

/**
 * Several engines read as one set of reports, for one audience: a server sees the operator's
 * reports (the first layer) and its own (the next), and nothing else. Each layer keeps its own
 * index, so adding a report to one server's layer indexes that report alone and no other layer
 * changes. A question is asked of every layer that can hold its scope; the answer with the highest
 * confidence wins (confidence is calibrated, so it compares across indexes), and the ranked
 * passages of all layers are merged by score.
 *
 * The merged document and passage lists are made on first use; a Library is cheap to make again
 * after any layer changes.
 */
export class Library implements Reports {
  private documentsMemo: Map<string, ReportDocument> | undefined;
  private passagesMemo: Passage[] | undefined;

  /** @param layers - the engines, first layer first; a document id held by two layers is the first's */
  constructor(private readonly layers: readonly Engine[]) {
    if (layers.length === 0) throw new Error('a library needs at least one engine');
  }

  get documents(): ReadonlyMap<string, ReportDocument> {
    if (!this.documentsMemo) {
      this.documentsMemo = new Map();
      for (const layer of this.layers) for (const [id, document] of layer.documents) if (!this.documentsMemo.has(id)) this.documentsMemo.set(id, document);
    }
    return this.documentsMemo;
  }

  get passages(): readonly Passage[] {
    this.passagesMemo ??= this.layers.flatMap((layer, index) => layer.passages.filter((passage) => this.ownerIndex(passage.documentId) === index));
    return this.passagesMemo;
  }

  /** The index of the layer a document id belongs to (the first that holds it); -1 for none. */
  private ownerIndex(documentId: string): number {
    return this.layers.findIndex((layer) => layer.documents.has(documentId));
  }

  private layerOf(documentId: string): Engine | undefined {
    return this.layers[this.ownerIndex(documentId)];
  }

  ask(question: string, options: AskOptions = {}): AskResult {
    const targets = options.documentId === undefined ? this.layers : this.layers.filter((layer) => layer === this.layerOf(options.documentId!));
    // a scope no layer holds: the first layer answers that it has nothing, as one engine would
    if (targets.length <= 1) {
      const layer = targets[0] ?? this.layers[0]!;
      return this.visible(layer.ask(question, options), layer);
    }
    const results = targets.map((layer) => this.visible(layer.ask(question, options), layer));
    // 详细说说 is answered by the layer that holds the earlier answer's passage
    const expanded = results.find((result) => result.expands !== undefined);
    if (expanded) return expanded;
    // where the reports say something (哪篇报告提到了地铁): every layer's passages that mention it, best first
    const located = results.find((result) => result.locate !== undefined);
    if (located) {
      const passages = results.flatMap((result) => result.passages).sort((a, b) => b.score - a.score).slice(0, LOCATED_PASSAGES);
      return { ...located, passages, nearestSections: nearestSectionsOf(passages) };
    }
    // a question about a report's record (谁写的这篇) is of the report the conversation is about, when
    // a layer holds it, else of every layer's reports
    const recorded = results.find((result) => result.record);
    if (recorded?.record) {
      const about = lastAnswered(this, options.history)?.documentId;
      const documentIds = about !== undefined ? [about] : results.flatMap((result, i) => (result.record?.documentIds ?? []).filter((id) => this.layerOf(id) === targets[i]));
      return { ...recorded, record: { field: recorded.record.field, documentIds } };
    }
    // a request to sum up (总结一下, 总结一下交通方面) is briefed from every layer that has what it names
    const overviews = results.filter((result) => result.overview);
    if (overviews.length) {
      const whole = overviews.find((result) => result.overviewSections === undefined);
      return whole ?? { ...overviews[0]!, overviewSections: overviews.flatMap((result) => result.overviewSections!) };
    }
    const found = results.filter((result) => result.found);
    const best = (found.length ? found : results).reduce((a, b) => (rankOf(b) > rankOf(a) ? b : a));
    const limit = options.limit ?? 5;
    const others = results.flatMap((result) => (result === best ? best.passages.slice(best.found ? 1 : 0) : result.passages));
    const lead = best.found ? best.passages.slice(0, 1) : [];
    const passages = [...lead, ...others.sort((a, b) => b.score - a.score)].slice(0, limit);
    return { ...best, passages, nearestSections: nearestSectionsOf(passages) };
  }

  /** A layer's result without passages of documents a former layer owns (an id shadowed). */
  private visible(result: AskResult, layer: Engine): AskResult {
    if (this.layers.length === 1) return result;
    const shadowed = (passage: Passage): boolean => this.layerOf(passage.documentId) !== layer;
    if (!result.passages.some(({ passage }) => shadowed(passage))) return result;
    const passages = result.passages.filter(({ passage }) => !shadowed(passage));
    const answerShadowed = result.found && result.citations[0] !== undefined && !passages.some(({ passage }) => passage.id === result.citations[0]!.passageId);
    if (!answerShadowed) return { ...result, passages };
    return { ...result, passages, found: false, answer: null, highlights: [], matchedTerms: [], context: [], citations: [] };
  }

  passage(id: string): Passage | undefined {
    for (const layer of this.layers) {
      const passage = layer.passage(id);
      if (passage && this.layerOf(passage.documentId) === layer) return passage;
    }
    return undefined;
  }

  sectionPassages(documentId: string, section: number): Passage[] {
    return this.layerOf(documentId)?.sectionPassages(documentId, section) ?? [];
  }

  cite(passage: Passage): Citation {
    const layer = this.layerOf(passage.documentId);
    if (!layer) throw new Error(`no report ${passage.documentId} in this library`);
    return layer.cite(passage);
  }
}

/** How a result ranks against another layer's: found answers by confidence, the rest by their best passage. */
function rankOf(result: AskResult): number {
  return result.found ? 10 + result.confidence : (result.passages[0]?.score ?? 0);
}
