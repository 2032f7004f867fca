import { ChannelType } from 'discord.js';
import { zh } from '../render/localize.js';
import { describedOption, type Command } from './command.js';
import { notice } from '../render/format.js';
import { t } from '../render/i18n.js';
import { LIMITS, truncate } from '../discord/limits.js';
import { newAnswerId } from '../service/memory.js';
import { checkCron, DEFAULT_TIMEZONE, MAX_SCHEDULES_PER_GUILD } from '../service/scheduler.js';
import { findSections, sectionChoices } from './sections.js';
import { manageCommand, teamCommand, withStore } from './manage.js';

const options = [
  { name: 'subcommand', type: 'string', description: 'add, list or remove', zh: ['add、list 或 remove', 'add、list 或 remove'] },
  { name: 'channel', type: 'string', description: 'Where the briefing is posted', zh: ['简报发到哪个频道', '簡報發到哪個頻道'] },
  { name: 'cron', type: 'string', description: 'When, as cron: minute hour day month weekday, e.g. 0 9 * * 1', zh: ['时间(cron 格式:分 时 日 月 周),例如 0 9 * * 1', '時間(cron 格式:分 時 日 月 週),例如 0 9 * * 1'], maxLength: 100 },
  { name: 'section', type: 'string', description: 'Brief only this section (or report)', zh: ['只简报这个部分(或报告)', '只簡報這個部分(或報告)'], autocomplete: true },
  { name: 'timezone', type: 'string', description: `IANA time zone (default ${DEFAULT_TIMEZONE})`, zh: [`IANA 时区(默认 ${DEFAULT_TIMEZONE})`, `IANA 時區(預設 ${DEFAULT_TIMEZONE})`], maxLength: 64 },
  { name: 'id', type: 'string', description: 'The schedule to remove (see list)', zh: ['要删除的安排(见 list)', '要刪除的安排(見 list)'] },
] as const;

function data() {
  return manageCommand('brief-schedule', 'Post /brief in a channel on a schedule (Manage Server)', ['按时在频道中发送简报(需管理服务器权限)', '按時在頻道中發送簡報(需管理伺服器權限)'])
    .addSubcommand((sub) =>
      sub
        .setName('add')
        .setDescription('Schedule a briefing')
        .setDescriptionLocalizations(zh('安排定时简报', '安排定時簡報'))
        .addChannelOption((option) => describedOption(option, options, 'channel').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
        .addStringOption((option) => describedOption(option, options, 'cron').setRequired(true).setMaxLength(100))
        .addStringOption((option) => describedOption(option, options, 'section').setAutocomplete(true))
        .addStringOption((option) => describedOption(option, options, 'timezone').setMaxLength(64)),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription("This server's scheduled briefings").setDescriptionLocalizations(zh('本服务器的定时简报', '本伺服器的定時簡報')))
    .addSubcommand((sub) => sub.setName('remove').setDescription('Remove a scheduled briefing').setDescriptionLocalizations(zh('删除定时简报', '刪除定時簡報')).addStringOption((option) => describedOption(option, options, 'id').setRequired(true)))
    .toJSON();
}

/** /brief-schedule add | list | remove: scheduled briefings, stored; posted by the scheduler. */
export function briefScheduleCommand(): Command<typeof options> {
  return teamCommand({
    data: data(),
    options,
    run(args, input, memory, context) {
      const { lang, guild } = input;
      if (args.subcommand === 'add') {
        const cron = (args.cron ?? '').trim();
        const timezone = (args.timezone ?? '').trim() || DEFAULT_TIMEZONE;
        const check = checkCron(cron, timezone);
        if (!check.ok) return { reply: notice(t(lang, check.key, check.vars)) };
        if (!args.channel || !/^\d+$/.test(args.channel)) return { reply: notice(t(lang, 'unknownCommand')) };
        if (!input.ownsChannel?.(args.channel)) return { reply: notice(t(lang, 'channelNotHere')) };
        // a scope is a report or a section, as /brief takes it: checked now, not at the first run
        const section = (args.section ?? '').trim();
        if (section && !context.engine.documents.has(section) && findSections(context.engine, section).length === 0) return { reply: notice(t(lang, 'unknownSection')) };
        const channel = args.channel;
        return withStore(memory, input, async () => {
          // checked now as well as at each run: a schedule the bot could never post is refused at once
          const missing = await context.scheduler?.missingPermissions(channel);
          if (missing?.length) return { reply: notice(t(lang, 'scheduleCannotPost', { channel: `<#${channel}>`, missing: missing.join(', ') })) };
          if ((await memory.store.schedules(guild)).length >= MAX_SCHEDULES_PER_GUILD) return { reply: notice(t(lang, 'scheduleTooMany', { max: MAX_SCHEDULES_PER_GUILD })) };
          const id = newAnswerId().slice(0, 6).replace(/[-_]/g, 'x');
          await memory.store.addSchedule({ id, guild, channel, cron, timezone, section: section || null, lang, createdBy: input.user ?? 'unknown', createdAt: Date.now(), lastRunAt: null, knownReports: null, pausedReason: null });
          // the scheduler learns of it now (its timer for the next run), not at its next tick
          context.scheduler?.refresh();
          return { reply: notice(t(lang, 'scheduleAdded', { id, channel: `<#${channel}>`, cron, timezone, next: `<t:${Math.floor(check.next.getTime() / 1000)}:F>` })) };
        });
      }
      if (args.subcommand === 'remove') {
        const id = (args.id ?? '').trim();
        return withStore(memory, input, async () => ({ reply: notice(t(lang, (await memory.store.removeSchedule(guild, id)) ? 'scheduleRemoved' : 'scheduleUnknown', { id })) }));
      }
      return withStore(memory, input, async () => {
        const schedules = await memory.store.schedules(guild);
        if (!schedules.length) return { reply: notice(t(lang, 'scheduleNone')) };
        const lines = schedules.map((s) => {
          const state = s.pausedReason ? ` — ⏸ ${t(lang, 'schedulePaused', { reason: s.pausedReason })}` : '';
          const last = s.lastRunAt ? ` · last <t:${Math.floor(s.lastRunAt / 1000)}:R>` : '';
          return `\`${s.id}\` <#${s.channel}> \`${s.cron}\` (${s.timezone})${s.section ? ` · ${s.section}` : ''}${last}${state}`;
        });
        return { reply: { content: truncate([`**${t(lang, 'scheduleListTitle')}**`, ...lines].join('\n'), LIMITS.content), ephemeral: true } };
      });
    },
    autocomplete: ({ value }, { engine }) => sectionChoices(engine, value),
  });
}
