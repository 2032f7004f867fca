/**
 * The custom-id protocol of buttons and modals, built and parsed here only. Each id carries all its
 * handler needs (a passage id, a scope and a page), so a button keeps working after a restart; the
 * question itself is read from the message it is on. Discord allows 100 characters.
 */

/** What a page of /section or /brief may hold, leaving room in the 6,000 characters of a message. */
export const PAGE_CHARS = 3800;
/** What a related passage shows before "…": enough to judge it, short enough for three. */
export const SNIPPET_CHARS = 300;

/** The ids of buttons and modals. */
export const CUSTOM_ID = {
  passage: (passageId: string) => `passage:${passageId}`,
  more: (scope: string) => `more:${scope}`,
  page: (kind: 'section' | 'brief', scope: string, page: number) => `${kind}:${scope}:${page}`,
  /** Ask a follow-up: opens the modal; the earlier question is the message's, its passage is here. */
  followUp: (passageId: string) => `followup:${passageId}`,
  /** The follow-up modal's submit, with the passage of the answer it follows. */
  followUpModal: (passageId: string) => `followup-modal:${passageId}`,
  /** Save a previewed import (its token) / drop it. */
  importSave: (token: string) => `import-save:${token}`,
  importCancel: (token: string) => `import-cancel:${token}`,
  /** Remove a report, once confirmed / keep it. */
  removeConfirm: (documentId: string) => `remove-confirm:${documentId}`,
  removeCancel: (documentId: string) => `remove-cancel:${documentId}`,
  /** 👍 or 👎 on an answer (its id in the question log). */
  vote: (value: 'up' | 'down', answerId: string) => `vote:${value}:${answerId}`,
  /** The 👎 modal's submit ("what did you expect?"). */
  voteComment: (answerId: string) => `vote-comment:${answerId}`,
} as const;

/** The 👎 modal's one text field, and its length limit. */
export const EXPECTED_FIELD = 'expected';
export const MAX_EXPECTED_CHARS = 300;

/** The follow-up modal's one text field. */
export const FOLLOW_UP_FIELD = 'question';

/** A custom id, read back. */
export type ParsedCustomId =
  | { kind: 'passage'; passageId: string }
  | { kind: 'more'; scope: string }
  | { kind: 'section' | 'brief'; scope: string; page: number }
  | { kind: 'followup' | 'followup-modal'; passageId: string }
  | { kind: 'import-save' | 'import-cancel'; token: string }
  | { kind: 'remove-confirm' | 'remove-cancel'; documentId: string }
  | { kind: 'vote'; value: 1 | -1; answerId: string }
  | { kind: 'vote-comment'; answerId: string }
  | { kind: 'unknown' };

/** Reads a custom id made by {@link CUSTOM_ID}; anything else is `unknown`. */
export function parseCustomId(id: string): ParsedCustomId {
  const colon = id.indexOf(':');
  const kind = colon < 0 ? id : id.slice(0, colon);
  const rest = colon < 0 ? '' : id.slice(colon + 1);
  switch (kind) {
    case 'passage':
    case 'followup':
    case 'followup-modal':
      return rest ? { kind, passageId: rest } : { kind: 'unknown' };
    case 'more':
      return { kind, scope: rest };
    case 'import-save':
    case 'import-cancel':
      return rest ? { kind, token: rest } : { kind: 'unknown' };
    case 'remove-confirm':
    case 'remove-cancel':
      return rest ? { kind, documentId: rest } : { kind: 'unknown' };
    case 'vote': {
      const [value, answerId] = [rest.slice(0, rest.indexOf(':')), rest.slice(rest.indexOf(':') + 1)];
      return (value === 'up' || value === 'down') && answerId && rest.includes(':') ? { kind, value: value === 'up' ? 1 : -1, answerId } : { kind: 'unknown' };
    }
    case 'vote-comment':
      return rest ? { kind, answerId: rest } : { kind: 'unknown' };
    case 'section':
    case 'brief': {
      const cut = rest.lastIndexOf(':');
      const page = Number(rest.slice(cut + 1));
      return cut < 0 || !Number.isInteger(page) || page < 0 ? { kind: 'unknown' } : { kind, scope: rest.slice(0, cut), page };
    }
    default:
      return { kind: 'unknown' };
  }
}
