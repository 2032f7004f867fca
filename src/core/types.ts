/** Bibliographic facts of one report, from its front matter. */
export interface SourceInfo {
  title: string;
  publisher: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  url: string;
  /** BCP 47 tag of the report's language, e.g. zh-CN. */
  language: string;
}

/** A keyword section of a report. Number 0 is the lead before the first heading. */
export interface Section {
  number: number;
  /** The heading's first part as written, e.g. 关键词2; 导语 for the lead. */
  label: string;
  keyword: string;
  headline: string;
}

/** A paragraph as written in the corpus file. */
export interface Paragraph {
  section: Section;
  /** 1-based position within its section. */
  ordinal: number;
  text: string;
  /** 1-based line in the corpus file where the paragraph starts. */
  line: number;
}

/** One report of the corpus. */
export interface ReportDocument {
  /** The file name without `.md`: stable, and unique within a corpus folder. */
  id: string;
  file: string;
  source: SourceInfo;
  sections: Section[];
  paragraphs: Paragraph[];
}

/** The unit of retrieval: a paragraph, or a part of a long one cut at sentence ends. */
export interface Passage {
  /** `${documentId}#${section}.${paragraph}`, with `.${part}` when the paragraph was split. */
  id: string;
  documentId: string;
  section: Section;
  paragraph: number;
  /** 1-based part of a split paragraph; 0 when the paragraph is whole. */
  part: number;
  text: string;
}
