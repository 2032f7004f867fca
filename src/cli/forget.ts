import { forgetGuild } from '../bot/service/forget.js';
import { withCliStore } from './store.js';
import { parseCommandLine } from './args.js';
import { exitQuietlyOnClosedPipe, isMainModule } from './main-module.js';

const USAGE = `usage: npm run forget -- --guild ID

Deletes, at once, everything the bot keeps about one server: its question log, votes and comments,
channel settings, scheduled briefings, previewed imports (in the store of DATA_DIR or DATABASE_URL)
and the reports it added (its folder in GUILD_CORPUS_DIR). A running bot that serves the server
stops answering from those reports at its next restart.

  --guild ID     the server's id`;

/** Exit codes: 0 deleted, 1 the store cannot be opened or written, 2 bad usage. */
export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseCommandLine('forget', USAGE, argv, { guild: { type: 'string' } }, out, err);
  if (typeof args === 'number') return args;
  const guild = args.values.guild;
  if (!guild || !/^\d{1,21}$/.test(guild)) {
    err.write(`forget: --guild names one server by its id (digits)\n${USAGE}\n`);
    return 2;
  }
  return withCliStore('forget', err, async (store, config) => {
    const forgotten = await forgetGuild(store, config.GUILD_CORPUS_DIR, guild);
    out.write(`forgot server ${guild}: ${forgotten.questions} questions, ${forgotten.votes} votes, ${forgotten.settings} channel settings, ${forgotten.schedules} schedules, ${forgotten.previews} previews${forgotten.reports ? ', and its reports folder' : ''}\n`);
    return 0;
  });
}

if (isMainModule(import.meta.url)) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
}
