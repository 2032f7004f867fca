import { sectionLabel, toContract, type AskResult, type Engine } from '../core/index.js';

function oneLine(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** The one line small talk gets: friendly, with a hint, and nothing from a report. */
export const SMALL_TALK: Record<Exclude<NonNullable<AskResult['smallTalk']>, 'sources'>, string> = {
  greeting: 'Hello! Ask a question about the reports, for example what was built, when or how much.',
  thanks: 'You are welcome! Ask another question any time.',
  farewell: 'Goodbye! Ask again any time.',
  praise: 'Thank you! Ask another question any time.',
  feedback: 'Sorry! Ask again in other words, or name what you are after (a place, a year, an amount).',
  help: 'Ask about the reports in Chinese, traditional characters or English (成资S3线开工了吗, How many schools pair up?): the answer is the report\'s own sentence with its citation. 总结一下 gives a briefing; 有哪些报告 lists the reports; 谁写的这篇 and 哪篇报告提到了地铁 are answered from the reports\' records and passages; several questions at once are each answered.',
};

/** A question about a report's record (这篇报道是哪天发的, 分为哪几部分): each report's front matter, or its sections. */
function renderRecord(result: AskResult, engine: Engine): string {
  const reports = toContract(result, engine).record?.reports ?? [];
  return reports
    .map((report) => [
      report.title,
      ...(report.sections
        ? report.sections.length
          ? report.sections.map((section) => `  ${sectionLabel(section)}${section.headline && section.headline !== section.keyword ? ` — ${section.headline}` : ''}`)
          : ['  (no sections: the report is one text)']
        : [`  Published by ${report.publisher} · ${report.date}`, `  ${report.url}`]),
    ].join('\n'))
    .join('\n');
}

/** A message's answers as plain text: its one question's, or each question's under its own heading. */
export function renderEach(asked: ReadonlyArray<{ question: string; result: AskResult }>, engine: Engine): string {
  if (asked.length === 1) return renderAnswer(asked[0]!.result, engine);
  return asked.map(({ question, result }, i) => `Question ${i + 1} of ${asked.length}: ${oneLine(question, 120)}\n${renderAnswer(result, engine)}`).join('\n\n');
}

/** The answer as plain text for a terminal: answer, citation, and the next two passages. */
export function renderAnswer(result: AskResult, engine: Engine): string {
  const lines: string[] = [];
  if (result.smallTalk === 'sources') return ['Reports:', ...(toContract(result, engine).reports ?? []).map((report) => `  ${report.title} · ${report.publisher} · ${report.date} (${report.documentId})`)].join('\n');
  if (result.smallTalk) return SMALL_TALK[result.smallTalk];
  if (result.overview) return renderBriefing(result, engine);
  if (result.record) return renderRecord(result, engine);
  if (result.locate !== undefined) {
    if (!result.passages.length) return `No report here mentions "${result.locate}".`;
    return [`Where the reports mention "${result.locate}":`, ...result.passages.map(({ passage }) => `  [${engine.documents.get(passage.documentId)!.source.title} · ${sectionLabel(passage.section)}] ${passage.id}  ${oneLine(passage.text, 90)}`)].join('\n');
  }
  if (result.expands) {
    const { passage } = result.passages[0]!;
    const source = engine.documents.get(passage.documentId)!.source;
    return [`Passage ${passage.id} (${sectionLabel(passage.section)}), whole:`, passage.text, `Source: ${source.title} · ${source.publisher} ${source.date} · ${source.url}`].join('\n');
  }
  if (result.found && result.answer !== null) {
    const [citation] = result.citations;
    lines.push(`Answer: ${result.answer}`);
    if (citation) {
      const passage = engine.passage(citation.passageId)!;
      lines.push(`Source: ${citation.source.title} · ${sectionLabel(passage.section)} · ${citation.passageId}`);
      lines.push(`        ${citation.source.publisher} ${citation.source.date} · ${citation.source.url}`);
    }
    if (result.matchedTerms.length) lines.push(`Matched: ${result.matchedTerms.join(', ')}`);
    if (result.context.length) lines.push(`Context: ${result.context.join(', ')} (from the earlier question)`);
    lines.push(`Confidence: ${Math.round(result.confidence * 100)}%`);
    const next = result.passages.slice(1, 3);
    if (next.length) {
      lines.push('', 'Related passages:');
      for (const { passage } of next) lines.push(`  [${sectionLabel(passage.section)}] ${passage.id}  ${oneLine(passage.text, 90)}`);
    }
  } else {
    lines.push('The report does not answer this question.');
    const closest = result.passages[0];
    if (closest) {
      // shown so the reader can judge; it is not given as the answer
      lines.push(`报告中最接近的内容 (closest in the report, not an answer): [${sectionLabel(closest.passage.section)}] ${closest.passage.id}`);
      lines.push(`  ${oneLine(closest.passage.text, 120)}`);
    }
    if (result.nearestSections.length) {
      lines.push('Nearest sections:');
      for (const { section, documentId } of result.nearestSections) {
        lines.push(`  ${sectionLabel(section)}${section.headline ? ` — ${section.headline}` : ''} (${documentId})`);
      }
    }
  }
  return lines.join('\n');
}

/** A request for the reports as a whole (AskResult.overview): each report's key sentences by section, with their passages. */
function renderBriefing(result: AskResult, engine: Engine): string {
  const { briefing = [], reportsNotBriefed } = toContract(result, engine);
  const lines = ['Briefing (key sentences of each section; ask about any of them for details):'];
  for (const report of briefing) {
    lines.push('', `${report.title} (${report.documentId})`);
    for (const section of report.sections) {
      lines.push(`  ${sectionLabel(section)}${section.headline ? ` — ${section.headline}` : ''}`);
      for (const point of section.points) lines.push(`    • ${point.text}  ${point.passageId}`);
    }
  }
  if (reportsNotBriefed) lines.push('', `${reportsNotBriefed} more reports are not briefed here: ask about one of them by name.`);
  return lines.join('\n');
}
