import { ChannelType } from 'discord.js';
import { zh } from '../render/localize.js';
import { describedOption, type Command } from './command.js';
import { notice } from '../render/format.js';
import { t } from '../render/i18n.js';
import { LIMITS, truncate } from '../discord/limits.js';
import type { ChatMode } from '../../store/index.js';
import { manageCommand, teamCommand, withStore } from './manage.js';

const MODES: readonly ChatMode[] = ['off', 'mention', 'all'];

const options = [
  { name: 'subcommand', type: 'string', description: 'chat or show', zh: ['chat 或 show', 'chat 或 show'] },
  { name: 'channel', type: 'string', description: 'The channel', zh: ['频道', '頻道'], required: true },
  { name: 'mode', type: 'string', description: 'off: never; mention: when mentioned; all: every message the report answers', zh: ['off:不回答;mention:被 @ 时;all:报告能回答的每条消息', 'off:不回答;mention:被 @ 時;all:報告能回答的每條消息'], required: true },
  { name: 'threads', type: 'string', description: 'Answer a mention in a new thread (on) or in place (off)', zh: ['在新子区中回答(on)或直接回复(off)', '在新討論串中回答(on)或直接回覆(off)'] },
] as const;

function data() {
  return manageCommand('settings', "The bot's chat behaviour per channel (Manage Server)", ['各频道的聊天方式(需管理服务器权限)', '各頻道的聊天方式(需管理伺服器權限)'])
    .addSubcommand((sub) =>
      sub
        .setName('chat')
        .setDescription('Set how the bot chats in a channel')
        .setDescriptionLocalizations(zh('设置机器人在某个频道的聊天方式', '設定機器人在某個頻道的聊天方式'))
        .addChannelOption((option) => describedOption(option, options, 'channel').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
        .addStringOption((option) => describedOption(option, options, 'mode').setRequired(true).addChoices(...MODES.map((mode) => ({ name: mode, value: mode }))))
        .addStringOption((option) => describedOption(option, options, 'threads').addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' })),
    )
    .addSubcommand((sub) => sub.setName('show').setDescription("Show this server's chat settings").setDescriptionLocalizations(zh('显示本服务器的聊天设置', '顯示本伺服器的聊天設定')))
    .toJSON();
}

const onOff = (on: boolean) => (on ? 'on' : 'off');

/** /settings chat channel mode [threads] | /settings show: stored per channel; the env values are the defaults. */
export function settingsCommand(): Command<typeof options> {
  return teamCommand({
    data: data(),
    options,
    run(args, input, memory) {
      const { lang } = input;
      const notes = (mode: ChatMode) => [...(memory.chatOff ? [t(lang, 'settingsChatOff')] : []), ...(mode === 'all' && !memory.messageContent ? [t(lang, 'settingsNeedsContent')] : [])];
      if (args.subcommand === 'chat') {
        const mode = args.mode as ChatMode;
        if (!MODES.includes(mode) || !/^\d+$/.test(args.channel)) return { reply: notice(t(lang, 'unknownCommand')) };
        // a channel of another server (an id typed into a crafted interaction) is refused
        if (!input.ownsChannel?.(args.channel)) return { reply: notice(t(lang, 'channelNotHere')) };
        return withStore(memory, input, async () => {
          // threads not given: the channel keeps what it had (its setting, else the default)
          const threads = args.threads === undefined ? (await memory.store.channelSettings(args.channel))?.threads ?? memory.chatDefaults.threads : args.threads === 'on';
          await memory.setChatBehaviour(input.guild, args.channel, { mode, threads }, input.user ?? 'unknown');
          return { reply: notice([t(lang, 'settingsSaved', { channel: `<#${args.channel}>`, mode, threads: onOff(threads) }), ...notes(mode)].join('\n')) };
        });
      }
      return withStore(memory, input, async () => {
        const stored = await memory.store.guildSettings(input.guild);
        const lines = stored.map((s) => `<#${s.channel}> — ${s.mode}, threads ${onOff(s.threads)} (<@${s.updatedBy}>, <t:${Math.floor(s.updatedAt / 1000)}:d>)`);
        const defaults = memory.chatDefaults;
        const text = [`**${t(lang, 'settingsTitle')}**`, ...lines, t(lang, 'settingsDefault', { mode: defaults.mode, threads: onOff(defaults.threads) }), ...notes(stored.some((s) => s.mode === 'all') ? 'all' : defaults.mode)].join('\n');
        return { reply: { content: truncate(text, LIMITS.content), ephemeral: true } };
      });
    },
  });
}
