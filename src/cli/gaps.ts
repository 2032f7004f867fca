import { DEFAULT_GAPS_DAYS, gapsQuery, gapsText, MAX_GAPS_DAYS } from '../bot/render/gaps.js';
import { withCliStore } from './store.js';
import { parseCommandLine } from './args.js';
import { exitQuietlyOnClosedPipe, isMainModule } from './main-module.js';

const USAGE = `usage: npm run gaps -- --guild ID|dm [--days N] [--report ID] [--json] [--lang en|zh-CN|zh-TW]

What the reports did not answer in one server, from the bot's question log (DATA_DIR or
DATABASE_URL), as /gaps shows it there: the most frequent unanswered questions grouped by
normalized text, the low-confidence answers, and the answers marked 👎 with their comments.

  --guild ID     the server (its id); dm for the questions asked in DMs
  --days N       how many days back (default ${DEFAULT_GAPS_DAYS})
  --report ID    only questions about this report
  --json         the report as JSON (GapsReport: totals, unanswered, lowConfidence, downVotes)
  --lang L       the language of the text (default en)`;

/** Exit codes: 0 printed, 1 the store cannot be opened or read, 2 bad usage. */
export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseCommandLine('gaps', USAGE, argv, { guild: { type: 'string' }, days: { type: 'string' }, report: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'en' } }, out, err);
  if (typeof args === 'number') return args;
  const days = Number(args.values.days ?? DEFAULT_GAPS_DAYS);
  if (!Number.isInteger(days) || days < 1 || days > MAX_GAPS_DAYS) {
    err.write(`gaps: --days must be a whole number from 1 to ${MAX_GAPS_DAYS}, not ${args.values.days}\n${USAGE}\n`);
    return 2;
  }
  const guild = args.values.guild;
  if (guild === undefined || (guild !== 'dm' && !/^\d{1,20}$/.test(guild))) {
    err.write(`gaps: --guild names one server by its id (digits), or dm for DMs: a server's questions are shown alone\n${USAGE}\n`);
    return 2;
  }
  const lang = args.values.lang;
  if (lang !== 'en' && lang !== 'zh-CN' && lang !== 'zh-TW') {
    err.write(`gaps: --lang must be en, zh-CN or zh-TW, not ${lang}\n`);
    return 2;
  }
  return withCliStore('gaps', err, async (store) => {
    const report = await store.gaps(gapsQuery(guild === 'dm' ? null : guild, days, args.values.report));
    out.write(args.values.json ? `${JSON.stringify({ days, ...report }, null, 2)}\n` : `${gapsText(report, days, lang)}\n`);
    return 0;
  });
}

if (isMainModule(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
}
