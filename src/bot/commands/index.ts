import type { Engine } from '../../core/index.js';
import type { Command } from '../command.js';
import { askMessageCommand } from './ask-message.js';
import { askCommand } from './ask.js';
import { briefCommand } from './brief.js';
import { helpCommand } from './help.js';
import { sectionCommand } from './section.js';
import { sourcesCommand } from './sources.js';

/** Every command the bot has, listed explicitly: this list is what is deployed and dispatched. */
export function createCommands(engine: Engine): Command[] {
  return [askCommand(engine), sectionCommand(engine), briefCommand(engine), sourcesCommand(), helpCommand(), askMessageCommand()];
}
