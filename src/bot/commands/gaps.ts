import { describedOption, type Command } from './command.js';
import { DEFAULT_GAPS_DAYS, gapsQuery, gapsReply, MAX_GAPS_DAYS } from '../render/gaps.js';
import { reportChoices } from './sections.js';
import { manageCommand, teamCommand, withStore } from './manage.js';

const options = [
  { name: 'days', type: 'string', description: `How many days back (default ${DEFAULT_GAPS_DAYS})`, zh: [`往前看多少天(默认 ${DEFAULT_GAPS_DAYS})`, `往前看多少天(預設 ${DEFAULT_GAPS_DAYS})`] },
  { name: 'report', type: 'string', description: 'Only questions about this report', zh: ['只看关于这个报告的问题', '只看關於這個報告的問題'], autocomplete: true },
] as const;

function data() {
  return manageCommand('gaps', 'What the reports did not answer: unanswered questions, low confidence, 👎 (Manage Server)', ['报告没能回答的:未回答的问题、低置信度、👎(需管理服务器权限)', '報告沒能回答的:未回答的問題、低置信度、👎(需管理伺服器權限)'])
    .addIntegerOption((option) => describedOption(option, options, 'days').setMinValue(1).setMaxValue(MAX_GAPS_DAYS))
    .addStringOption((option) => describedOption(option, options, 'report').setAutocomplete(true))
    .toJSON();
}

/** /gaps [days] [report]: for the team, only the asker sees it. */
export function gapsCommand(): Command<typeof options> {
  return teamCommand({
    data: data(),
    options,
    run(args, input, memory, { engine }) {
      const days = Math.min(MAX_GAPS_DAYS, Math.max(1, Math.trunc(Number(args.days ?? DEFAULT_GAPS_DAYS)) || DEFAULT_GAPS_DAYS));
      const report = args.report ? engine.documents.get(args.report) : undefined;
      return withStore(memory, input, async () => ({ reply: gapsReply(await memory.store.gaps(gapsQuery(input.guild, days, args.report || undefined)), days, input.lang, report?.source.title ?? args.report) }));
    },
    autocomplete: ({ value }, { engine }) => reportChoices(engine, value),
  });
}
