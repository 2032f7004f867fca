import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import { FetchError, fetchDocument } from '../../ingest/fetch.js';
import { ImportFailure } from '../../ingest/import-worker.js';
import { checkReportId, ImportFieldError, summarize } from '../../ingest/report.js';
import type { AttachmentArg, BotContext, CorpusAdmin } from './command.js';
import { CUSTOM_ID, type ParsedCustomId } from '../discord/custom-id.js';
import { notice } from '../render/format.js';
import { t, type Lang } from '../render/i18n.js';
import { LIMITS, truncate } from '../discord/limits.js';
import type { Reply } from '../render/reply.js';
import { GLOBAL_SCOPE } from '../service/tenants.js';

/**
 * Changing reports from Discord, for those who may manage the server: `/sources add` imports a web
 * page or an attached file and shows a preview with Save and Cancel; `/sources remove` asks for a
 * confirmation. A server changes its own reports only (the operator's corpus from the servers of
 * CORPUS_ADMIN_GUILDS alone); a preview is saved only by the user who made it, in its server.
 * Every change is logged with who made it, and only the changed server's reports are loaded again.
 */

function buttons(...items: Array<[customId: string, label: string, style: ButtonStyle, disabled?: boolean]>): Reply['components'] {
  return [{ type: ComponentType.ActionRow, components: items.map(([custom_id, label, style, disabled]) => ({ type: ComponentType.Button, custom_id, label: truncate(label, LIMITS.buttonLabel), style, ...(disabled ? { disabled } : {}) }) as APIButtonComponent) }];
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

/** Who acts, and where. */
export interface Actor {
  user: string;
  guild: string;
  lang: Lang;
}

/** The flags of the importer, as /sources add names them. */
const OPTION_OF_FLAG: Record<string, string> = { title: 'title', publisher: 'publisher', date: 'date', url: 'link', id: 'id' };

/** A refused field, named as the /sources add option that gives it. */
function badField(field: string, reason: string, lang: Lang): Reply {
  return notice(t(lang, 'addBadField', { option: `${OPTION_OF_FLAG[field] ?? field}:`, reason }));
}

/** `name` inside `dir`, or an error: no id can lead a write out of its folder. */
export function insideFolder(dir: string, name: string): string {
  const root = resolve(dir);
  const path = resolve(root, name);
  const rel = relative(root, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.includes('/') || rel.includes('\\')) throw new ImportFieldError('id', `${name} is not a file name inside the reports folder`);
  return path;
}

/** Where a server's /sources add writes: the operator's corpus for CORPUS_ADMIN_GUILDS, else its own folder. */
function scopeOf(admin: CorpusAdmin, guild: string): string {
  return admin.adminGuilds.has(guild) ? GLOBAL_SCOPE : guild;
}

/** /sources add: fetches, extracts (in a worker) and previews; the import waits for Save. */
export async function previewImport(options: AddOptions, admin: CorpusAdmin, actor: Actor): Promise<Reply> {
  const { lang } = actor;
  const source = options.file?.url ?? options.url;
  if (!source) return notice(t(lang, 'addNeedsSource'));
  if (options.file && options.file.size > admin.maxBytes) return notice(t(lang, 'addTooLarge', { size: (options.file.size / 2 ** 20).toFixed(1), max: admin.maxBytes / 2 ** 20 }));
  let report;
  try {
    if (options.id !== undefined) checkReportId(options.id);
    report = await admin.importer.run(async () => {
      const fetched = await fetchDocument(source, { ...admin.fetchPolicy, maxBytes: admin.maxBytes });
      return admin.importer.extract({
        kind: fetched.kind,
        data: fetched.data,
        ...(options.file ? { fileName: options.file.name } : { url: fetched.url }),
        flags: { id: options.id, title: options.title, publisher: options.publisher, date: options.date, url: options.link },
      });
    });
  } catch (error) {
    if (error instanceof FetchError) {
      // the reason stays in the log: told to the user, it would tell an open port from a closed one
      admin.log({ action: 'import fetch refused or failed', user: actor.user, guild: actor.guild, code: error.code, reason: error.message });
      return notice(t(lang, 'addFetchFailed'));
    }
    if (error instanceof ImportFieldError) return badField(error.field, error.reason, lang);
    if (error instanceof ImportFailure) {
      if (error.kind === 'field') return badField(error.field ?? '', error.message, lang);
      if (error.kind === 'busy') return notice(t(lang, 'addBusy'));
      admin.log({ action: 'import failed', user: actor.user, guild: actor.guild, kind: error.kind, reason: error.message });
      return notice(t(lang, 'addFailedImport', { reason: error.message }));
    }
    throw error;
  }
  const scope = scopeOf(admin, actor.guild);
  // a server's report may not take the id of a report every server shares
  if (scope !== GLOBAL_SCOPE && admin.tenants.global.documents.has(report.id)) return notice(t(lang, 'addIdTaken', { id: report.id }));
  const path = insideFolder(admin.tenants.dirOf(scope), `${report.id}.md`);
  const token = randomBytes(6).toString('hex');
  const complete = report.missing.length === 0;
  // a preview that lacks a field is shown, but nothing is kept to save: Save stays disabled
  if (complete) await admin.pending.put(token, { id: report.id, markdown: report.markdown, user: actor.user, at: Date.now(), guild: actor.guild, scope });
  const exists = existsSync(path) ? `\n${t(lang, 'addExists', { id: report.id })}` : '';
  const missing = complete ? '' : `\n${t(lang, 'addMissing', { options: report.missing.map((flag) => `${OPTION_OF_FLAG[flag] ?? flag}:`).join(' ') })}`;
  const shown = scope === GLOBAL_SCOPE ? path : join(`<server ${actor.guild}>`, `${report.id}.md`);
  const summary = summarize(report, shown, false, (flag) => `${OPTION_OF_FLAG[flag] ?? flag}:`);
  return {
    ephemeral: true,
    embeds: [{ title: truncate(t(lang, 'addPreview'), LIMITS.embedTitle), description: `${truncate(`\`\`\`\n${summary}`, LIMITS.embedDescription - 8 - exists.length - missing.length)}\n\`\`\`${exists}${missing}` }],
    components: buttons([CUSTOM_ID.importSave(token), t(lang, 'save'), ButtonStyle.Success, !complete], [CUSTOM_ID.importCancel(token), t(lang, 'cancel'), ButtonStyle.Secondary]),
  };
}

/** The scope a server may remove `documentId` from: its own reports, or the global ones for an admin server; null for neither. */
function removableScope(admin: CorpusAdmin, guild: string, documentId: string): string | null {
  if (admin.tenants.own(guild).has(documentId)) return guild;
  if (admin.adminGuilds.has(guild) && admin.tenants.global.documents.has(documentId)) return GLOBAL_SCOPE;
  return null;
}

/** The reports a server may remove, for the remove option's autocomplete. */
export function removableReports(context: BotContext, guild: string | null | undefined): Set<string> {
  const admin = context.admin;
  if (!admin || !guild) return new Set();
  return new Set([...context.engine.documents.keys()].filter((id) => removableScope(admin, guild, id) !== null));
}

/** /sources remove: asks for a confirmation, for a report this server may remove. */
export function confirmRemove(documentId: string, context: BotContext, actor: Actor): Reply {
  const { lang } = actor;
  const document = context.engine.documents.get(documentId);
  if (!document || !context.admin) return notice(t(lang, 'noSuchReport'));
  if (removableScope(context.admin, actor.guild, documentId) === null) return notice(t(lang, 'removeNotOwn'));
  return {
    ephemeral: true,
    content: truncate(t(lang, 'removeConfirm', { title: document.source.title, id: document.id }), LIMITS.content),
    components: buttons([CUSTOM_ID.removeConfirm(document.id), t(lang, 'remove'), ButtonStyle.Danger], [CUSTOM_ID.removeCancel(document.id), t(lang, 'cancel'), ButtonStyle.Secondary]),
  };
}

/** The Save, Cancel and Remove buttons: the change, logged with who made it, and a reload of that scope alone. */
export async function handleAdminButton(parsed: ParsedCustomId, context: BotContext, actor: Actor & { canManage: boolean }): Promise<Reply> {
  const { admin } = context;
  const { lang, user, guild } = actor;
  if (!admin) return notice(t(lang, 'unknownCommand'));
  if (!actor.canManage) return notice(t(lang, 'needsManage'));
  switch (parsed.kind) {
    case 'import-save': {
      const pending = await admin.pending.take(parsed.token, user, guild);
      if (!pending) return notice(t(lang, 'addNotYours'));
      const dir = admin.tenants.dirOf(pending.scope);
      const path = insideFolder(dir, `${checkReportId(pending.id)}.md`);
      mkdirSync(dir, { recursive: true });
      const before = existsSync(path) ? readFileSync(path) : null;
      writeFileSync(path, pending.markdown);
      const loaded = admin.tenants.reload(pending.scope);
      if (!loaded.ok) {
        // the folder must keep loading: the file goes back to what it was, and the admin is told why
        if (before) writeFileSync(path, before);
        else rmSync(path, { force: true });
        admin.tenants.reload(pending.scope);
        admin.log({ action: 'report save rolled back', report: pending.id, scope: pending.scope, user, guild, errors: loaded.errors });
        return { content: truncate(t(lang, 'addRolledBack', { reason: loaded.errors[0] ?? '?' }), LIMITS.content), embeds: [], components: [] };
      }
      admin.log({ action: 'report added', report: pending.id, scope: pending.scope, user, guild });
      const view = admin.tenants.view(guild).engine;
      const document = view.documents.get(pending.id);
      return { content: t(lang, 'added', { id: pending.id, passages: view.passages.filter((passage) => passage.documentId === pending.id).length, title: document?.source.title ?? pending.id }), embeds: [], components: [] };
    }
    case 'import-cancel':
      await admin.pending.take(parsed.token, user, guild);
      return { content: t(lang, 'cancelled'), embeds: [], components: [] };
    case 'remove-confirm': {
      const scope = removableScope(admin, guild, parsed.documentId);
      if (scope === null) return { content: t(lang, context.engine.documents.has(parsed.documentId) ? 'removeNotOwn' : 'noSuchReport'), components: [] };
      const document = (scope === GLOBAL_SCOPE ? admin.tenants.global : admin.tenants.view(guild).engine).documents.get(parsed.documentId)!;
      // the report's own file (a Chinese file name gives a pinyin id), which must lie in that scope's folder
      const file = insideFolder(admin.tenants.dirOf(scope), basename(document.file));
      if (file !== resolve(document.file)) return { content: t(lang, 'removeNotOwn'), components: [] };
      rmSync(file, { force: true });
      rmSync(file.replace(/\.md$/, '.lexicon.yaml'), { force: true });
      admin.log({ action: 'report removed', report: document.id, scope, user, guild });
      admin.tenants.reload(scope);
      return { content: t(lang, 'removed', { id: document.id }), components: [] };
    }
    case 'remove-cancel':
      return { content: t(lang, 'cancelled'), components: [] };
    default:
      return notice(t(lang, 'unknownCommand'));
  }
}
