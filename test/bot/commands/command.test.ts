import { describe, expect, it } from 'vitest';
import { argumentsOf, type ArgumentsOf, type OptionSpec } from '../../../src/bot/commands/command.js';
import { CUSTOM_ID, parseCustomId } from '../../../src/bot/discord/custom-id.js';

const options = [
  { name: 'question', type: 'string', description: 'q', zh: ['问', '問'], required: true },
  { name: 'private', type: 'boolean', description: 'p', zh: ['私', '私'] },
] as const satisfies readonly OptionSpec[];

describe('typed command options', () => {
  it('GIVEN raw option values THEN the arguments have the spec\'s types; a value of another type is converted or dropped', () => {
    const args: ArgumentsOf<typeof options> = argumentsOf(options, { question: 42, private: 'true' });
    expect(args).toEqual({ question: '42', private: true });
    expect(argumentsOf(options, { private: 'maybe' })).toEqual({ question: '', private: undefined });
  });
});

describe('the custom-id protocol', () => {
  it('GIVEN every id the bot builds THEN it parses back to what was built', () => {
    expect(parseCustomId(CUSTOM_ID.passage('cdms-2021-04-15#4.1.2'))).toEqual({ kind: 'passage', passageId: 'cdms-2021-04-15#4.1.2' });
    expect(parseCustomId(CUSTOM_ID.more('doc#3'))).toEqual({ kind: 'more', scope: 'doc#3' });
    expect(parseCustomId(CUSTOM_ID.page('section', 'doc:x#2', 4))).toEqual({ kind: 'section', scope: 'doc:x#2', page: 4 });
    expect(parseCustomId(CUSTOM_ID.page('brief', '', 1))).toEqual({ kind: 'brief', scope: '', page: 1 });
    expect(parseCustomId(CUSTOM_ID.followUp('a#1.1'))).toEqual({ kind: 'followup', passageId: 'a#1.1' });
    expect(parseCustomId(CUSTOM_ID.followUpModal('a#1.1'))).toEqual({ kind: 'followup-modal', passageId: 'a#1.1' });
    expect(parseCustomId(CUSTOM_ID.vote('up', 'Ab-9_x'))).toEqual({ kind: 'vote', value: 1, answerId: 'Ab-9_x' });
    expect(parseCustomId(CUSTOM_ID.vote('down', 'Ab-9_x'))).toEqual({ kind: 'vote', value: -1, answerId: 'Ab-9_x' });
    expect(parseCustomId(CUSTOM_ID.voteComment('Ab-9_x'))).toEqual({ kind: 'vote-comment', answerId: 'Ab-9_x' });
  });

  it('GIVEN a malformed or foreign id THEN it is unknown', () => {
    for (const id of ['nope', 'section:doc#1', 'brief:doc#1:x', 'brief:doc#1:-1', 'passage:', 'vote:up', 'vote:sideways:x', 'vote:up:', 'vote-comment:']) expect(parseCustomId(id)).toEqual({ kind: 'unknown' });
  });
});
