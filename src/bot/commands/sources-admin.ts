import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import { extractDocx, extractHtml, extractPdf, extractText } from '../../ingest/extract.js';
import { FetchError, fetchDocument } from '../../ingest/fetch.js';
import { buildReport, MissingFieldError, summarize } from '../../ingest/report.js';
import { ReportQaError } from '../../core/index.js';
import type { AttachmentArg, BotContext, CorpusAdmin, PendingImport } from './command.js';
import { CUSTOM_ID, type ParsedCustomId } from '../discord/custom-id.js';
import { notice } from '../render/format.js';
import { t, type Lang } from '../render/i18n.js';
import { LIMITS, truncate } from '../discord/limits.js';
import type { Reply } from '../render/reply.js';

/**
 * Changing the corpus from Discord, for those who may manage the server: `/sources add` imports a
 * web page or an attached file and shows a preview with Save and Cancel; `/sources remove` asks for
 * a confirmation. Every change is logged with who made it, and the corpus is reloaded at once.
 */


function buttons(...items: Array<[customId: string, label: string, style: ButtonStyle]>): Reply['components'] {
  return [{ type: ComponentType.ActionRow, components: items.map(([custom_id, label, style]) => ({ type: ComponentType.Button, custom_id, label: truncate(label, LIMITS.buttonLabel), style }) as APIButtonComponent) }];
}

/** The options /sources add takes besides the source: they override the file's metadata. */
export interface AddOptions {
  url?: string;
  file?: AttachmentArg;
  title?: string;
  publisher?: string;
  date?: string;
  link?: string;
  id?: string;
}

/** The flags of the importer, as /sources add names them. */
const OPTION_OF_FLAG: Record<string, string> = { title: 'title', publisher: 'publisher', date: 'date', url: 'link', id: 'id' };

/** /sources add: fetches, extracts and previews; the import waits for Save. */
export async function previewImport(options: AddOptions, admin: CorpusAdmin, user: string, lang: Lang): Promise<Reply> {
  const source = options.file?.url ?? options.url;
  if (!source) return notice(t(lang, 'addNeedsSource'));
  let report;
  try {
    const fetched = await fetchDocument(source);
    const text = (): string => new TextDecoder('utf-8').decode(fetched.data);
    const extracted = fetched.kind === 'html' ? extractHtml(text(), options.file ? undefined : fetched.url) : fetched.kind === 'pdf' ? await extractPdf(fetched.data) : fetched.kind === 'docx' ? await extractDocx(fetched.data) : extractText(text());
    report = buildReport(extracted, { id: options.id, title: options.title, publisher: options.publisher, date: options.date, url: options.link }, { url: options.file ? undefined : fetched.url, fileName: options.file?.name });
  } catch (error) {
    if (error instanceof MissingFieldError) return notice(t(lang, 'addMissing', { options: error.flags.map((flag) => `${OPTION_OF_FLAG[flag] ?? flag}:`).join(' ') }));
    if (error instanceof FetchError || error instanceof ReportQaError) return notice(t(lang, 'addFailed', { reason: error.message }));
    throw error;
  }
  const path = join(admin.corpusDir, `${report.id}.md`);
  const token = randomBytes(6).toString('hex');
  await admin.pending.put(token, { id: report.id, markdown: report.markdown, user, at: Date.now() });
  const exists = existsSync(path) ? `\n${t(lang, 'addExists', { id: report.id })}` : '';
  return {
    ephemeral: true,
    embeds: [{ title: truncate(t(lang, 'addPreview'), LIMITS.embedTitle), description: truncate(`\`\`\`\n${summarize(report, path, false)}\n\`\`\`${exists}`, LIMITS.embedDescription) }],
    components: buttons([CUSTOM_ID.importSave(token), t(lang, 'save'), ButtonStyle.Success], [CUSTOM_ID.importCancel(token), t(lang, 'cancel'), ButtonStyle.Secondary]),
  };
}

/** /sources remove: asks for a confirmation. */
export function confirmRemove(documentId: string, context: BotContext, lang: Lang): Reply {
  const document = context.engine.documents.get(documentId);
  if (!document) return notice(t(lang, 'noSuchReport'));
  return {
    ephemeral: true,
    content: truncate(t(lang, 'removeConfirm', { title: document.source.title, id: document.id }), LIMITS.content),
    components: buttons([CUSTOM_ID.removeConfirm(document.id), t(lang, 'remove'), ButtonStyle.Danger], [CUSTOM_ID.removeCancel(document.id), t(lang, 'cancel'), ButtonStyle.Secondary]),
  };
}

/** The Save, Cancel and Remove buttons: the change, logged with who made it, and a reload. */
export async function handleAdminButton(parsed: ParsedCustomId, context: BotContext, user: string, canManage: boolean, lang: Lang): Promise<Reply> {
  const admin = context.admin;
  if (!admin) return notice(t(lang, 'unknownCommand'));
  if (!canManage) return notice(t(lang, 'needsManage'));
  switch (parsed.kind) {
    case 'import-save': {
      const pending = await admin.pending.take(parsed.token);
      if (!pending) return { content: t(lang, 'addExpired'), components: [] };
      const path = join(admin.corpusDir, `${pending.id}.md`);
      writeFileSync(path, pending.markdown);
      admin.log({ action: 'report added', report: pending.id, path, user });
      admin.reload();
      const document = context.engine.documents.get(pending.id);
      return { content: t(lang, 'added', { id: pending.id, passages: context.engine.passages.filter((passage) => passage.documentId === pending.id).length, title: document?.source.title ?? pending.id }), embeds: [], components: [] };
    }
    case 'import-cancel':
      await admin.pending.take(parsed.token);
      return { content: t(lang, 'cancelled'), embeds: [], components: [] };
    case 'remove-confirm': {
      const document = context.engine.documents.get(parsed.documentId);
      if (!document) return { content: t(lang, 'noSuchReport'), components: [] };
      rmSync(document.file, { force: true });
      rmSync(document.file.replace(/\.md$/, '.lexicon.yaml'), { force: true });
      admin.log({ action: 'report removed', report: document.id, path: document.file, user });
      admin.reload();
      return { content: t(lang, 'removed', { id: document.id }), components: [] };
    }
    case 'remove-cancel':
      return { content: t(lang, 'cancelled'), components: [] };
    default:
      return notice(t(lang, 'unknownCommand'));
  }
}
