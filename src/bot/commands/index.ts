import type { Command } from './command.js';
import { askMessageCommand } from './ask-message.js';
import { askCommand } from './ask.js';
import { briefCommand } from './brief.js';
import { helpCommand } from './help.js';
import { sectionCommand } from './section.js';
import { sourcesCommand } from './sources.js';
import { gapsCommand } from './gaps.js';
import { settingsCommand } from './settings.js';
import { briefScheduleCommand } from './brief-schedule.js';
import { privacyCommand } from './privacy.js';

/**
 * Every command the bot has, listed explicitly: this list is what is deployed and dispatched. The
 * definitions do not depend on the corpus, so deploying needs no index.
 */
export function createCommands(): Command[] {
  return [askCommand(), sectionCommand(), briefCommand(), sourcesCommand(), gapsCommand(), settingsCommand(), briefScheduleCommand(), privacyCommand(), helpCommand(), askMessageCommand()];
}
