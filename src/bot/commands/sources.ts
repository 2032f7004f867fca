import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { confirmRemove, previewImport, removableReports } from './sources-admin.js';
import { describedOption, type Command } from './command.js';
import { notice, sourcesReply } from '../render/format.js';
import { t } from '../render/i18n.js';
import { zh } from '../render/localize.js';
import { reportChoices } from './sections.js';

/** Every option of the subcommands, flat: the dispatcher hands the chosen subcommand's values. */
const options = [
  { name: 'subcommand', type: 'string', description: 'list, add or remove', zh: ['list、add 或 remove', 'list、add 或 remove'] },
  { name: 'url', type: 'string', description: 'The web page (or PDF, Word file) to import', zh: ['要导入的网页(或 PDF、Word 文件)地址', '要導入的網頁(或 PDF、Word 文件)地址'] },
  { name: 'file', type: 'attachment', description: 'The file to import: .html, .docx, .pdf or .txt', zh: ['要导入的文件:.html、.docx、.pdf 或 .txt', '要導入的文件:.html、.docx、.pdf 或 .txt'] },
  { name: 'title', type: 'string', description: "The report's title, when the file does not say", zh: ['报告标题(文件未写明时)', '報告標題(文件未寫明時)'] },
  { name: 'publisher', type: 'string', description: 'Who published it, when the file does not say', zh: ['发布者(文件未写明时)', '發布者(文件未寫明時)'] },
  { name: 'date', type: 'string', description: 'Its date, YYYY-MM-DD, when the file does not say', zh: ['发布日期 YYYY-MM-DD(文件未写明时)', '發布日期 YYYY-MM-DD(文件未寫明時)'] },
  { name: 'link', type: 'string', description: 'Where readers can check it, for a file', zh: ['读者可以核对的链接(上传文件时)', '讀者可以核對的連結(上傳文件時)'] },
  { name: 'id', type: 'string', description: 'The report id (letters, digits, "-")', zh: ['报告编号(字母、数字、"-")', '報告編號(字母、數字、"-")'] },
  { name: 'report', type: 'string', description: 'The report to remove', zh: ['要删除的报告', '要刪除的報告'], autocomplete: true },
] as const;

/** The definition: three subcommands, each with its own options. */
function data() {
  return new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The reports the bot answers from; add or remove one (Manage Server)')
    .setDescriptionLocalizations(zh('机器人所依据的报告;添加或删除(需管理服务器权限)', '機器人所依據的報告;添加或刪除(需管理伺服器權限)'))
    .addSubcommand((sub) => sub.setName('list').setDescription('The reports, with links').setDescriptionLocalizations(zh('报告及链接', '報告及連結')))
    .addSubcommand((sub) => {
      sub.setName('add').setDescription('Import a report from a web page or a file (Manage Server)').setDescriptionLocalizations(zh('从网页或文件导入报告(需管理服务器权限)', '從網頁或文件導入報告(需管理伺服器權限)'));
      sub.addStringOption((option) => describedOption(option, options, 'url'));
      sub.addAttachmentOption((option) => describedOption(option, options, 'file'));
      for (const name of ['title', 'publisher', 'date', 'link', 'id']) sub.addStringOption((option) => describedOption(option, options, name));
      return sub;
    })
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Remove a report (Manage Server)')
        .setDescriptionLocalizations(zh('删除报告(需管理服务器权限)', '刪除報告(需管理伺服器權限)'))
        .addStringOption((option) => describedOption(option, options, 'report').setRequired(true).setAutocomplete(true)),
    )
    .toJSON();
}

/** /sources list | add | remove. */
export function sourcesCommand(): Command<typeof options> {
  return {
    data: data(),
    options,
    defer: true,
    // a preview or a confirmation is for the admin alone; the list is for the channel
    deferEphemeral: (raw) => raw.subcommand === 'add' || raw.subcommand === 'remove',
    run(args, { lang, canManage, user, guild }, context) {
      const sub = args.subcommand ?? 'list';
      if (sub === 'list') return { reply: sourcesReply(context.engine, lang, new Set(context.tenants?.own(guild).keys() ?? [])) };
      if (!context.admin) return { reply: notice(t(lang, 'discordOnly')) };
      if (!canManage || !guild) return { reply: notice(t(lang, guild ? 'needsManage' : 'guildOnly')) };
      const actor = { user: user ?? 'unknown', guild, lang };
      if (sub === 'remove') return { reply: confirmRemove(args.report ?? '', context, actor) };
      return previewImport(args, context.admin, actor).then((reply) => ({ reply }));
    },
    // only the reports this server may remove are offered
    autocomplete: ({ value }, context, guild) => {
      const removable = removableReports(context, guild);
      return reportChoices(context.engine, value).filter((choice) => removable.has(choice.value));
    },
  };
}

/** The permission /sources add and remove need (checked before acting). */
export const MANAGE = PermissionFlagsBits.ManageGuild;
