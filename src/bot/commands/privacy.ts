import { SlashCommandBuilder } from 'discord.js';
import { type Command } from './command.js';
import { notice } from '../render/format.js';
import { t } from '../render/i18n.js';
import { zh } from '../render/localize.js';
import { withStore } from './manage.js';

const options = [{ name: 'subcommand', type: 'string', description: 'forget-me', zh: ['forget-me', 'forget-me'] }] as const;

function data() {
  return new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('What the bot keeps about you')
    .setDescriptionLocalizations(zh('机器人保存的与你有关的数据', '機器人保存的與你有關的資料'))
    .addSubcommand((sub) =>
      sub
        .setName('forget-me')
        .setDescription('Delete all your 👍/👎 votes and comments, in every server')
        .setDescriptionLocalizations(zh('删除你在所有服务器中的全部 👍/👎 投票和留言', '刪除你在所有伺服器中的全部 👍/👎 投票和留言')),
    )
    .toJSON();
}

/**
 * /privacy forget-me: deletes the asker's votes and comments everywhere, at once, and tells only
 * them. The question log names no user, so votes are all the bot keeps that is tied to a person.
 */
export function privacyCommand(): Command<typeof options> {
  return {
    data: data(),
    options,
    defer: true,
    deferEphemeral: () => true,
    run(_args, input, context) {
      const { memory } = context;
      if (!memory) return { reply: notice(t(input.lang, 'noMemory')) };
      const user = input.user;
      if (!user) return { reply: notice(t(input.lang, 'discordOnly')) };
      return withStore(memory, input, async () => {
        // queued votes of this user are written first, so that none lands after the deletion
        await memory.writes.flush();
        const count = await memory.store.forgetUser(user);
        memory.logger.info({ user, votes: count }, 'a user deleted their votes and comments');
        return { reply: notice(t(input.lang, 'forgetMeDone', { count })) };
      });
    },
  };
}
