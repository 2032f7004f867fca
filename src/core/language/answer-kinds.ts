import { ENGLISH_AMOUNT } from './english.js';
import { MEASURE_WORDS } from './numerals.js';
import { BoundedCache } from '../util/bounded-cache.js';
import { escapePattern } from '../util/pattern.js';
import { tag, TAG_EVIDENCE, type TaggedWord } from './tagger.js';
import { AS_WHAT } from './tokenizer.js';

/**
 * What kind of answer a question asks for, and whether a text holds one. A question that asks
 * "who", "when", "where", "how much money", "how long / how big" or "how many <unit>" is answered
 * only by a sentence that holds a filler of that kind beyond the question's own words: that is how
 * a near miss (成资S3线什么时候通车, when the report says only that it started) abstains.
 */

/** Kinds of answers a question can ask for. */
export type AnswerType = 'amount' | 'agent' | 'place' | 'time' | 'list' | 'reason' | 'which' | 'definition';

/** What a question asks for. */
export interface Expectation {
  /** The kind of answer, when the question says (多少 -> amount, 谁 -> agent, 哪些 -> list ...). */
  expects: AnswerType | null;
  /**
   * For amounts, the units that answer, as a regular-expression fragment (几条 -> 条, 多久 -> a
   * unit of time, 多少钱 -> 元), so that a figure with one is preferred, and required when strict.
   * For a which-question, the noun it asks one of (哪个港 -> 港); for a what-is question, the last
   * two letters of the term it asks to have defined (什么是棱柱 -> 棱柱); for a when-question asking for the year (哪一年), 年.
   */
  measure: string | null;
  /**
   * True when an answer must hold a filler of the kind (who, when, where, money, a length, area or
   * duration, a count in a given unit). A yes/no question (…吗) is never strict: its wh-word is
   * embedded (能查公交什么时候到站吗 asks whether, not when).
   */
  strict: boolean;
  /** For a what-is question that names nothing but its term (see termAlone), the term (成德眉资, 0130机制). */
  term?: string;
}

const NUMBER = String.raw`\d[\d.,]*(?:余|多)?(?:万|亿|千|百)?(?:余|多)?`;
const TIME_UNITS = '(?:秒|分钟|小时|天|日|周|星期|个月|月|年)';
/** Spans of time a when-question may name as its own words (何年代, 哪个世纪): what a time in the answer is said in. */
const TIME_SPANS = '年代|世纪|时代|时期|年间';
const LENGTH_UNITS = '(?:公里|千米|米|km|厘米)';
// Latin unit symbols may stand after a space (1.601 km²; NFKC writes ² as 2)
const AREA_UNITS = String.raw`(?:亩|平方米|平方公里|平方千米|公顷|\s?(?:km2|m2|ha)(?![a-z\d]))`;
const MONEY_UNITS = '(?:元|块)';

/**
 * Measure words that count the same kind of thing: a question in one is answered by a figure in
 * any of its class (几次 is answered by 四届; 几趟 is not answered by 3条).
 */
const UNIT_CLASSES = ['次届场期轮批回趟', '个项件种类份套处只', '家所座个', '人名位', '辆台架艘列班对趟', '条', '户', '张', '篇', '层', '栋', '号', '倍', '宗', '吨', '亩'];

function unitsLike(unit: string): string {
  const same = new Set<string>([unit]);
  for (const members of UNIT_CLASSES) if (members.includes(unit)) for (const ch of members) same.add(ch);
  // people are counted with 个 too (18个人)
  return `${same.has('人') ? '个?' : ''}[${[...same].join('')}]`;
}

// Questions come normalized (lower case, see normalizeText), so the patterns need no i flag: with
// the u flag, it makes V8 match some ten times slower (0.7 against 0.05 µs a test, measured)
// 几 asks how many, but not inside 几何 (geometry) or 几乎 (almost)
const AMOUNT = /多少|几(?![何乎])|多大|多高|多长|多久|多远|比例|占比|百分之|比重|增长率|增幅|降幅/u;
// 几个人 counts people: the answer says 八人, not 八个
const MEASURE = new RegExp(`(?:多少|几)(?:个(?=人))?(${TIME_UNITS.slice(3, -1)}|${LENGTH_UNITS.slice(3, -1)}|${AREA_UNITS.slice(3, -1)}|[${MEASURE_WORDS}班趟])`, 'u');
const MONEY = /多少钱|几块钱|几元|花了多少|投资多少|票价|价格|价钱|费用|门票|工资|how much money|\bcost\b|\bprice\b|\bfare\b|\bfee\b/u;
const DURATION = /多久|多长时间|多少时间|多少分钟|多少小时|多少天|多少年|how long does|how long will|how long did|how much time/u;
const LENGTH = /多长|多远|全长|长度|how long\b|how far/u;
const AREA = /多大面积|面积|占地|how large|how big|\barea\b/u;
const TIME = /什么时候|啥时候|啥时|什么时间|多会儿|何时|几时|几点(?!建议|意见|要求|措施|内容|共识|经验|做法|体会|原因|理由|想法|看法|考虑)|哪年|哪一年|何年|几月|几号|几日|哪个月|哪天|哪一天|\bwhen\b|\bwhat (year|date|time)\b/u;
const AGENT = /谁|何人|哪个单位|哪家|哪些单位|哪个部门|哪些部门|哪所|哪个机构|哪些机构|哪位|由哪|\bwho\b|\bby whom\b|\bwhich (university|universities|organi[sz]ation|department|agency|institution|institute|body|bodies|company|companies|media)\b/u;
/** Why and what for: answered by a clause that gives a cause or a purpose (never withheld without one: reasons are said in too many ways). */
const REASON = /为什么|为何|因何|何故|什么原因|(?:原因|理由|缘由|缘故)是什么|原因为何|出于什么|什么目的|目的是什么|目的为何|怎么会|\bwhy\b/u;
/** A noun that names a reason or a purpose (原因, 理由, 目的): a why-question's focus that an answer names by giving one. */
const REASON_NOUN = /原因|理由|缘由|缘故|目的/u;
export function namesReason(word: string): boolean {
  return REASON_NOUN.test(word);
}
/** How, in what way, of what sort: asks for an account (怎样形成的, 怎么死的, 获得了怎样的成绩). */
const MANNER = /怎样|怎么|如何|什么样|啥样|\bhow\b/u;
/** Which ones: an answer that names several. */
const PLURAL = /哪些/u;
const LIST = /哪些|包括什么|\bwhat are\b|\bwhich\b.*\b(are|were)\b/u;
const PLACE = /哪里|哪儿|在哪(?![个种类样届期次代天年月日场轮批])|什么地方|哪个城市|哪些城市|哪个国家|哪个地方|哪个县|哪个区|哪个省|哪个市|哪个镇|\bwhere\b|\bwhich (city|cities|place|places|district|area|areas|county)\b/u;
/** "Which <place noun>": the noun is what the answer must name (彭什产业园在哪个县 needs a 县). */
const PLACE_NOUN = /哪个(县|区(?!域)|省|市(?!场)|镇|乡|村)/u;
/**
 * The characters that make a place noun part of a common word rather than the end of a place's
 * name (地区, 社区, 园区, 区域; 城市, 市场; 农村, 村民): before it, and after it. General word
 * formation, not any report's words: 毗邻地区 names no 区 for 成都四中在哪个区.
 */
const GENERIC_PLACE_WORDS: Readonly<Record<string, { before: string; after: string }>> = {
  区: { before: '地社园小城市片景辖街郊矿校厂', after: '域别县间' },
  县: { before: '区市', after: '域级' },
  市: { before: '城都超上全本各门夜股', after: '场民域级值' },
  省: { before: '全本各节外', after: '级直委内钱力' },
  镇: { before: '城乡', after: '村' },
  乡: { before: '城下返家老故', after: '村镇亲' },
  村: { before: '农乡政', after: '民级' },
};

/** The pattern of a place noun that ends a place's name: after a Han character, not inside a common word (see GENERIC_PLACE_WORDS). */
function placeNounPattern(noun: string): string {
  const generic = GENERIC_PLACE_WORDS[noun];
  return generic ? `(?<=\\p{Script=Han})(?<![${generic.before}])${noun}(?![${generic.after}])` : noun;
}
/** Yes/no questions: …吗, …么 (not 什么, 怎么), …了没, 是否 / 有没有 / 是不是 / 能不能 …, or an English one opening with a verb. */
const YES_NO = /(?:吗|(?<![什怎这那多要])么)[?,.!]*\s*$|了没有?[?,.!]*\s*$|是否|有没有|是不是|能不能|可不可以|会不会/u;
const ENGLISH_YES_NO_START = /^(is|are|was|were|has|have|had|did|does|do|can|could|will|would)\b/i;

/**
 * A when-question that asks for the year (哪年, 何年, 什么年份, what year; 哪一年 is read as 哪年): a
 * month, a day, an age or an era does not answer it (78岁高龄的他当选 says not when he was chosen).
 */
const YEAR_ASKED = /哪年|何年(?!代)|(?:什么|哪个|哪1个)年份|\bwhat year\b/u;
/** The measure of a when-question that asks for the year (Expectation.measure). */
const YEAR = '年';
/** What answers a question asking for the year: a year (1857年, 民国18年, 同年 after a year said before), a decade or a reign's years. */
const YEAR_FILLER = /\d+年(?!级)|元年|同年|当年|翌年|次年|前一年|年代|年间/u;

/** Detects what a normalized question (lower case, see normalizeText) asks for. */
export function expectationOf(asked: string): Expectation {
  const normalized = askedForm(asked);
  const yesNo = YES_NO.test(normalized) || ENGLISH_YES_NO_START.test(normalized.trim());
  const make = (expects: AnswerType | null, measure: string | null, strict: boolean): Expectation => ({ expects, measure, strict: strict && !yesNo });
  if (MONEY.test(normalized) && (AMOUNT.test(normalized) || /how much|\bcost\b|\bprice\b|\bfare\b/i.test(normalized))) return make('amount', MONEY_UNITS, true);
  if (DURATION.test(normalized)) return make('amount', TIME_UNITS, true);
  if (AREA.test(normalized) && AMOUNT.test(normalized)) return make('amount', AREA_UNITS, true);
  if (LENGTH.test(normalized) && (AMOUNT.test(normalized) || /how long|how far/.test(normalized))) return make('amount', `(?:${LENGTH_UNITS.slice(3, -1)}|${TIME_UNITS.slice(3, -1)})`, true);
  if (TIME.test(normalized)) return make('time', YEAR_ASKED.test(normalized) ? YEAR : null, true);
  if (AGENT.test(normalized)) return make('agent', null, true);
  const placeNoun = PLACE_NOUN.exec(normalized);
  if (placeNoun) return make('place', placeNoun[1]!, true);
  if (PLACE.test(normalized) && !asksWhichThings(normalized)) return make('place', null, true);
  if (LIST.test(normalized)) return make('list', null, false);
  if (AMOUNT.test(normalized) || ENGLISH_AMOUNT.test(normalized)) {
    const unit = MEASURE.exec(normalized)?.[1] ?? null;
    if (unit === null) return make('amount', null, false);
    if ([...unit].length > 1) return make('amount', `(?:${unit})`, true);
    return make('amount', unitsLike(unit), true);
  }
  if (REASON.test(normalized)) return make('reason', null, false);
  const defined = definedTerm(normalized);
  // what does X mean, what is meant by X, define X: nothing but X is named (what is X may ask for a
  // value: what is the fare)
  const english = ENGLISH_DEFINED.exec(normalized.trim());
  if (english) {
    const term = (english[1] ?? english[2] ?? english[3])!.replace(/^(?:the|a|an) /u, '').trim();
    return { ...make('definition', term, true), term };
  }
  if (defined) {
    const term = termAlone(normalized);
    return term === undefined ? make('definition', defined, false) : { ...make('definition', defined, true), term };
  }
  const which = whichNoun(normalized);
  if (which) return make('which', which, false);
  return make(null, null, false);
}

/**
 * 在哪些X asks for places only when X is a place word (在哪些省市, 在哪些城市): 在哪些平台上 asks
 * which platforms, a list.
 */
const IN_WHICH = /在哪些(\p{Script=Han}{1,2})/u;
function asksWhichThings(normalized: string): boolean {
  const noun = IN_WHICH.exec(normalized)?.[1];
  return noun !== undefined && !FILLERS.place.test(noun);
}

/**
 * 哪个X, 哪种X, 哪一项X…: the noun the answer names one of. Its measure word (the numerals' measure
 * words, and the few that count things but never follow a figure in a report: 本, 首, 间…) is left
 * out, and the noun ends before a particle or a verb that follows it (哪个港的 -> 港; 哪种语言的母语 -> 语言).
 */
const WHICH_NOUN = new RegExp(`哪[${MEASURE_WORDS}本首间片段颗块句款]?(\\p{Script=Han}{1,2})`, 'u');
/** What ends the noun after 哪: particles, prepositions and the commonest verbs and locatives. */
const NOUN_END = /[的是为在于了上中里内所被由与和及就会能将把对从到出有之时最才又也都还曾已而并或即可以做用等得着过呢吗]/u;
/** The noun a which-question asks one of (its first two characters at most), or null. */
export function whichNoun(normalized: string): string | null {
  const match = WHICH_NOUN.exec(normalized);
  if (!match || /^(?:里|儿|些|样|怕|一)/u.test(match[1]!)) return null;
  const end = match[1]!.search(NOUN_END);
  const noun = end < 0 ? match[1]! : match[1]!.slice(0, end);
  return noun || null;
}

/**
 * What-is questions (什么是X, X是什么, X指的是什么, X是?, X的意思是什么): the term they ask to have
 * defined, as its last two letters (the head of a longer phrase), or null.
 */
const DEFINED_FIRST = /^(?:什么是|何谓|何为|什么叫)([\p{L}\p{N}]{2,})[?？。!！]*\s*$/u;
const DEFINED_LAST = /[」》”"’')）]?(?:一词)?(?:所代表)?(?:指的|的意思|的意义|的定义|的含义)?(?:是|为|指)(?:什么|何|啥)?(?:意思)?[?？。!！]*\s*$/u;
/** An English what-is question that can ask for nothing but a definition: the term is group 1, 2 or 3. */
const ENGLISH_DEFINED = /^(?:what does (.{2,60}?) (?:mean|stand for)|what is meant by (.{2,60}?)|define (.{2,60}?))[?.!]*$/u;
export function definedTerm(normalized: string): string | null {
  const first = DEFINED_FIRST.exec(normalized)?.[1];
  const term = first ?? (DEFINED_LAST.test(normalized) ? /[\p{L}\p{N}]{2}$/u.exec(normalized.replace(DEFINED_LAST, ''))?.[0] : undefined);
  return term ? [...term].slice(-2).join('') : null;
}

/** Tags of words that make a what-is question's term a clause: times, adverbs, pronouns, prepositions, conjunctions, particles. */
const CLAUSE_WORD = /^(?:t|d|r|p|c|u|y)/;
/**
 * The term of a what-is question that names nothing but it (什么是棱柱, JAXR是什么, 成德眉资是什么意思),
 * else undefined: one noun phrase, no 的 (蓍的别名是什么 asks for an attribute of 蓍, which 又名
 * answers), no time, adverb or verb (胜利广场周围地区现在是什么). Every passage that names the term
 * covers such a question whole, so coverage cannot tell the one that answers: only a sentence that
 * defines or introduces the term does (see nounCheck).
 */
export function termAlone(normalized: string): string | undefined {
  const first = DEFINED_FIRST.exec(normalized)?.[1];
  const term = (first ?? (DEFINED_LAST.test(normalized) ? normalized.replace(DEFINED_LAST, '') : '')).replace(/^[「《“"‘']|[」》”"’']$/gu, '').trim();
  if (!term || /[的之\s，,、：:；;「」《》“”"‘’'()（）]/u.test(term) || [...term].length > 16) return undefined;
  // a term is names and nouns, verbal nouns among them (观测 of 东海观测联盟: vn); a one-letter verb is
  // mostly a noun's last letter (浮标站 is tagged 浮标/n 站/v); a time, an adverb, a pronoun, a
  // preposition or a verb of two letters or more makes it a clause
  return tag(term).every((word) => !CLAUSE_WORD.test(word.tag) && !(/^v(?!n)/.test(word.tag) && [...word.word].length > 1)) ? term : undefined;
}

/**
 * A question word that opens a clause of the question, or follows only what narrows it down there
 * (安图县境内的哪一个…, 日本人的组成当中哪一部分…: no verb or preposition before it): it asks for the subject.
 */
const SUBJECT_ASKER = /(?:^|[，,：:；;])\s*(?:[^，,：:；;是为在由被把向给对从于]{1,12}(?:的|当中|之中))?(?:谁|何人|哪)/u;

/**
 * The question as its kind is read: normalization writes the count of 哪一年, 哪一个县 as a digit
 * (哪1年), and asked which one it is 哪年, 哪个县; 为什么 ending its clause asks as what (AS_WHAT).
 */
function askedForm(normalized: string): string {
  return normalized.replace(/哪1(?!\d)/gu, '哪').replace(AS_WHAT, '为 什么');
}

/** Fillers of each kind, looked for in what a text holds beyond the question's own words. */
const FILLERS: Record<Exclude<AnswerType, 'amount' | 'list' | 'which' | 'definition'>, RegExp> = {
  // a name transliterated from another language joins its parts with a middle dot (梅莉·史翠普, 让-皮埃尔·巴利冈)
  agent: /院|大学|学校|部门|政府|委员会|委|局|厅|办公室|公司|集团|中心|小组|协会|联盟|机构|媒体|企业|记者|银行|研究所|书记|市长|省长|主任|主席|部长|局长|校长|院长|经理|董事长|专家|\p{Script=Han}[·‧・•]\p{Script=Han}/u,
  place: /省|市(?!场)|县|区(?!域|别)|镇|乡|村|街道|地区|地带|江|河|山|湖|园|港|站|机场|口岸/u,
  reason: /因为|由于|为了|以便|以免|原因|之所以|是因|目的|为由/u,
  time: /\d+年|(?:\d+|[一二两三四五六七八九十]+)岁|\p{Script=Han}(?:时代|时期|年间)|\d+月|\d+日|\d+号|昨日|昨天|今日|今天|今年|去年|明年|前年|年底|年初|年内|年中|上半年|下半年|季度|月底|月初|春节|元旦|\d+时|\d+点(?!\d)|\d{1,2}:\d{2}/u,
};
// items joined by 、: names, a name with its gloss in brackets (素铁讪路(sutthisan road)、叻抛路), titles in 《》
const LIST_FILLER = /[\p{Script=Han})）》」』”]、[\p{Script=Han}《「『“]/u;

/**
 * Scores what a text holds beyond the question's own words that is of the kind asked for. Built
 * once per question from its own terms (blanked out of the text first, longest first).
 */
export interface TypeCheck {
  /** 0 when the text holds nothing of the kind; more with the unit asked for (amounts); at most MAX_TYPE_BONUS. */
  bonus(normalized: string): number;
  /** True when the text holds a filler of the kind, or the question asks for no kind. */
  holds(normalized: string): boolean;
  /**
   * True when the question opens a clause with its question word (谁首先提出…, 哪个城市是…): what it
   * asks for is the subject of the answering clause, which a sentence that opens on a pronoun names
   * only in the sentence before.
   */
  subjectSlot?: boolean;
  /**
   * True when what the bonus finds is evidence enough to let a lower-ranked passage that holds it
   * answer instead of a better-ranked one that does not (the defining clause of a what-is question).
   */
  ranksSources?: boolean;
  /**
   * True when the question asks why or how (为什么…, …获得了怎样的成绩, 是如何形成的): what answers
   * it is an account, the whole sentence that gives it, not one part of it (see DESCRIBING_ANSWER_CHARS).
   */
  describes?: boolean;
}

/** What it is worth, for extraction, when a clause holds what was asked for. */
export const TYPE_BONUS = 0.15;
/** The most {@link TypeCheck.bonus} gives. */
export const MAX_TYPE_BONUS = 3 * TYPE_BONUS;
/** Verbs that say where something lies. */
const LOCATIVE = /位于|坐落|座落|地处|位在/u;

/**
 * The type check of a question: its expectation and its own terms (blanked from texts, so that a
 * question about 产业园 does not find its own 园 to be a place).
 */
export function typeCheck(expectation: Expectation & { cleaned?: string }, ownTerms: Iterable<string>): TypeCheck {
  const check = kindCheck(expectation, ownTerms, expectation.cleaned);
  const subjectSlot = expectation.cleaned !== undefined && SUBJECT_ASKER.test(expectation.cleaned);
  // only a strict question withholds an answer without its kind; the bonus still guides extraction
  const describes = expectation.expects === 'reason' || (expectation.expects === null && expectation.cleaned !== undefined && MANNER.test(expectation.cleaned));
  // 哪些 asking for places or people (分布在哪些地区, 由哪些单位) is answered by several: a clause that
  // lists them (items joined by 、) is worth a third of the kind bonus more than one that names one
  const plural = expectation.expects !== 'list' && expectation.cleaned !== undefined && PLURAL.test(expectation.cleaned);
  const bonus = plural ? (text: string) => check.bonus(text) + (LIST_FILLER.test(text) ? TYPE_BONUS : 0) : check.bonus;
  return { bonus, holds: expectation.strict ? check.holds : () => true, subjectSlot, ranksSources: expectation.expects === 'definition', describes };
}

/**
 * Regular expressions made from a question's measure, kept by their source: the measures are few
 * (the unit classes and the unit lists above), and each question would otherwise build its own.
 */
const madeExpressions = new BoundedCache<string, RegExp>(256);
function expression(source: string, flags: string): RegExp {
  return madeExpressions.get(`${flags}/${source}`, () => new RegExp(source, flags));
}

/** Particles between a question's words and its question word (是谁, 在哪里, 讨伐了哪儿): part of neither. */
const BEFORE_ASKER = /[是在了的为于给到被向由从去往]+$/u;
const AFTER_ASKER = /^[了呢吗啊呀]+/u;
const SLOT_PARTICLES = /^[是在了的为于给到被向由从去往着过]+/u;
/** The longest filler a slot takes, in characters: a name, not a clause. */
const MAX_SLOT_CHARS = 12;

/**
 * The question's words around its question word (小说家 谁 的小说; 讨伐了 哪儿): the two characters
 * before it (是, 在, 了… aside) and the two after it (了, 呢, 吗… aside; none at the question's end).
 * When fewer than two letters or digits stand before it (《魔笛》是谁的作品: a title's mark, or the
 * question's start), the left anchor is '' and the filler is sought at the start of a clause, before
 * the words after it (莫扎特的作品), in a sentence that names what the question names before its
 * question word (《魔笛》). `before` is that part of the question. Undefined when neither side has
 * two such characters.
 */
export function slotAnchors(question: string, asker: RegExp): { left: string; right: string; before: string } | undefined {
  const match = asker.exec(question);
  if (!match) return undefined;
  const before = [...question.slice(0, match.index).replace(BEFORE_ASKER, '')];
  const left = before.slice(-2).join('');
  const after = question.slice(match.index + match[0].length).replace(AFTER_ASKER, '');
  const right = [...(/^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? '')].slice(0, 2).join('');
  if (before.length >= 2 && /^[\p{L}\p{N}]{2}$/u.test(left)) return { left, right, before: before.join('') };
  return [...right].length === 2 ? { left: '', right, before: before.join('') } : undefined;
}

/** Where a clause ends: the filler of a slot never spans one. */
const CLAUSE_MARKS = /[，,。；;！？!?、]/u;
const SENTENCE_MARKS = /[。；;！？!?]/u;

/** The sentence of `text` that holds the character at `at`. */
function sentenceAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !SENTENCE_MARKS.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !SENTENCE_MARKS.test(text[end]!)) end++;
  return text.slice(start, end);
}

/**
 * The check of a what-is or which question, from the term or noun it asks about (its measure): a
 * bonus for extraction; and for a what-is question that names nothing but its term (`whole`, see
 * termAlone; `said`: the Chinese words an English term is read as), what holds it: a sentence that
 * defines or introduces the term (a veto only through `strict`, which such a question is).
 */
function nounCheck(expects: 'definition' | 'which', noun: string | null, beyondQuestion: (normalized: string) => string, whole?: string, said: readonly string[] = []): TypeCheck {
  if (!noun) return { bonus: () => 0, holds: () => true };
  if (expects === 'definition') {
    // the clause that defines the term says it before 是, 指, 为 or 即 (棱柱是…; 绿窗口或绿色窗口是…;
    // JAXR（Java API…）是…)
    const head = escapePattern(noun);
    const defines = expression(`${head}(?:[（(][^）)]*[）)])?(?:是|指|为|即|意为|意思是)`, 'u');
    // a question naming only its term is answered by a sentence that defines or introduces it: the
    // term, its last two letters, or a run of letters and digits in it (0130 of 0130机制), in a
    // definition's shapes (X（…）是/指/系/即/又称…, X glossed in brackets, …叫做X, X opening its
    // sentence with 是 after an apposition: 马来穿山甲（学名…），又名…，是东南亚的一种穿山甲), or in the
    // quotation marks a report introduces a coined term with (“两环三射”轨道交通骨架, 就医“一码通”)
    const names = [...new Set([whole, noun, ...(whole?.match(/[a-z0-9][a-z0-9+.\-]*/gu) ?? []), ...said].filter((name): name is string => name !== undefined && [...name].length >= 2))];
    const term = `(?:${names.map(escapePattern).join('|')})`;
    const defined = expression(
      `${term}[」》”"’']?(?:[（(][^）)]*[）)])?[，,]?(?:是|指|为|即|系|乃|意为|意思是|意指|叫做?|称为|又称|又名|全称|简称|也称|亦称|俗称|或称)` +
        `|${term}[」》”"’']?[（(][^）)]{2,}[）)]` +
        `|(?:叫做?|称为|称作|称之为|名为|简称为?|统称为?)[「《“"‘']?[^，,。；;]{0,12}${term}` +
        `|^[「《“"‘']?[^，,。；;]{0,14}${term}[」》”"’']?(?:[（(][^）)]*[）)])?[，,][^。；;]*?是` +
        `|[“"「『]${term}[”"」』]`,
      'u',
    );
    return { bonus: (text) => (defines.test(text) ? 2 * TYPE_BONUS : 0), holds: (text) => defined.test(text) };
  }
  // a thing of the kind asked for is named by a word that ends in one of the noun's letters
  // (维多利亚港, 爱尔兰语, 清朝 for 哪个港, 哪种语言, 哪个朝代), beyond the question's own words
  // (a letter inside a longer word names no such thing: the 港 of 港铁, the subway, is no harbour)
  const letters = new Set(noun);
  const named = expression(`(?<=\\p{Script=Han})[${[...letters].join('')}]`, 'u');
  const endsWord = (text: string): boolean => tag(text).some(({ word }) => [...word].length > 1 && letters.has([...word].at(-1)!));
  const bonus = (text: string): number => {
    const beyond = beyondQuestion(text);
    return named.test(beyond) && endsWord(beyond) ? 2 * TYPE_BONUS : 0;
  };
  return { bonus, holds: () => true };
}

/**
 * The runs of three Han characters of a question (南美站 in 丝路行南美站在哪里启动), but for its question
 * word and the three characters after it: the kind it asks for (哪个地区的教宗: 地区) is what an
 * answer names, never the question's own phrase.
 */
function questionTrigrams(question: string): Trigrams {
  const trigrams = new Set<string>();
  const firsts = new Set<string>();
  // by UTF-16 code units, as withoutQuoted reads a text: the rare Han character outside the BMP only
  // makes fewer runs match
  for (const run of question.replace(ASKER_AND_KIND, ' ').match(/\p{Script=Han}{3,}/gu) ?? []) {
    for (let i = 0; i + 3 <= run.length; i++) {
      trigrams.add(run.slice(i, i + 3));
      firsts.add(run[i]!);
    }
  }
  return { trigrams, firsts };
}

/** A question's runs of three Han characters, and their first characters (a text is looked up only where one stands). */
interface Trigrams {
  trigrams: ReadonlySet<string>;
  firsts: ReadonlySet<string>;
}

const ASKER_AND_KIND = /(?:哪|什么|多少|几|何|谁|啥)\p{Script=Han}{0,3}/gu;

/**
 * A text without what it says word for word from the question: every run of three Han characters or
 * more that the question has too is blanked. Such a run is the question's own phrase (南美站 of
 * 丝路行南美站在哪里启动 in a caption 丝路行（南美站）启动仪式), and a kind found in it (站, a place) is
 * the question's, not an answer; the own-word check above misses it when the question's segmentation
 * cut the phrase otherwise (南美|站在).
 */
function withoutQuoted(text: string, { trigrams, firsts }: Trigrams): string {
  if (trigrams.size === 0) return text;
  let units: string[] | undefined;
  for (let i = 0; i + 3 <= text.length; i++) {
    if (!firsts.has(text[i]!) || !trigrams.has(text.slice(i, i + 3))) continue;
    units ??= text.split('');
    units[i] = units[i + 1] = units[i + 2] = ' ';
  }
  return units ? units.join('') : text;
}

function kindCheck(expectation: Expectation, ownTerms: Iterable<string>, question?: string): TypeCheck {
  const { expects, measure } = expectation;
  if (!expects) return { bonus: () => 0, holds: () => true };
  // the question's units (人次, 个, 分钟) stay: they are what the answer's figure is counted in; so
  // do the spans of time a when-question names (何年代 is answered by 1990年代)
  const unit = expression(`^(?:[${MEASURE_WORDS}]+|${TIME_UNITS}|${LENGTH_UNITS}|${AREA_UNITS}${measure && expects === 'amount' ? `|${measure}` : ''}${expects === 'time' ? `|${TIME_SPANS}` : ''})$`, 'u');
  const own = [...ownTerms].filter((token) => (token.length > 1 || !/\p{Script=Han}/u.test(token)) && !unit.test(token)).sort((a, b) => b.length - a.length);
  // a number of the question is blanked where it stands whole: its 1 (第1届) is not the 1 of 1929年
  const wholeNumbers = own.filter((token) => /^\d[\d.]*$/u.test(token)).map((token) => expression(`(?<![\\d.])${token.replaceAll('.', '\\.')}(?![\\d.])`, 'gu'));
  const words = own.filter((token) => !/^\d[\d.]*$/u.test(token));
  // read as its kind is (哪1年 is 哪年): the count of a question word is no part of a phrase after it
  const quoted = question === undefined ? undefined : questionTrigrams(askedForm(question));
  const beyondQuestion = (normalized: string): string => {
    let rest = quoted ? withoutQuoted(normalized, quoted) : normalized;
    for (const token of words) if (rest.includes(token)) rest = rest.replaceAll(token, ' ');
    for (const number of wholeNumbers) rest = rest.replace(number, ' ');
    return rest;
  };
  // a text's tags do not depend on the question (they are cached by text); the question's own words are then left out
  const taggedBeyond = (text: string): TaggedWord[] => tag(text).filter((word) => !own.some((token) => token.includes(word.word) || word.word.includes(token)));
  // an English term is said in the report by the words it is read as (chengdu-deyang… -> 成都, 德阳…)
  const said = expectation.term !== undefined && !/\p{Script=Han}/u.test(expectation.term) ? own.filter((word) => /\p{Script=Han}/u.test(word)) : [];
  if (expects === 'definition' || expects === 'which') return nounCheck(expects, measure, beyondQuestion, expectation.term, said);
  if (expects === 'list') {
    return { bonus: (text) => (LIST_FILLER.test(beyondQuestion(text)) ? 2 * TYPE_BONUS : 0), holds: () => true };
  }
  if (expects !== 'amount') {
    const year = expects === 'time' && measure === YEAR;
    const filler = expects === 'place' && measure ? expression(placeNounPattern(measure), 'u') : year ? YEAR_FILLER : FILLERS[expects];
    // a name no pattern knows (a person, a place, an organization, an era) is found by its part-of-speech tags
    const tagged = (expects === 'place' && measure) || expects === 'reason' || year ? undefined : TAG_EVIDENCE[expects];
    // a name no pattern nor tag knows (乙一, a pen name; 百济) is found in place: the text says the
    // question's words before its question word, then something new, then the words after it
    const anchors = question && (expects === 'agent' || (expects === 'place' && !measure)) ? slotAnchors(question, expects === 'agent' ? AGENT : PLACE) : undefined;
    // the particles the question left out may stand in the text (驶向了zeta): they name nothing
    const names = (slot: string): boolean => {
      const named = slot.replace(SLOT_PARTICLES, '');
      return named.length > 0 && [...named].length <= MAX_SLOT_CHARS && /\p{L}/u.test(beyondQuestion(named));
    };
    const slotFilled = (text: string): boolean => {
      if (!anchors) return false;
      if (!anchors.left) {
        // the filler starts its clause and ends at the words after the question word, in a
        // sentence that names the question's subject (晚年的作品 says nothing of whose 《魔笛》 is)
        const subject = words.filter((word) => anchors.before.includes(word));
        for (let at = text.indexOf(anchors.right); at > 0; at = text.indexOf(anchors.right, at + 1)) {
          let start = at;
          while (start > 0 && !CLAUSE_MARKS.test(text[start - 1]!)) start--;
          const sentence = sentenceAround(text, at);
          if (names(text.slice(start, at)) && (subject.length === 0 || subject.some((word) => sentence.includes(word)))) return true;
        }
        return false;
      }
      for (let at = text.indexOf(anchors.left); at >= 0; at = text.indexOf(anchors.left, at + 1)) {
        const clause = text.slice(at + anchors.left.length).split(CLAUSE_MARKS, 1)[0]!;
        const end = anchors.right ? clause.indexOf(anchors.right) : clause.length;
        if (end > 0 && names(clause.slice(0, end))) return true;
      }
      return false;
    };
    const holds = (text: string): boolean => filler.test(beyondQuestion(text)) || (tagged !== undefined && tagged(taggedBeyond(text))) || slotFilled(text);
    // a where-question is answered by where something lies: a clause that says so (位于…) is worth more
    const locates = expects === 'place' && !measure;
    return { bonus: (text) => (holds(text) ? 2 * TYPE_BONUS + (locates && LOCATIVE.test(text) ? TYPE_BONUS : 0) : 0), holds };
  }
  // a figure answers when the question does not hold it already (完成投资多少亿元 is answered by 1088亿元)
  // a global expression is only used through matchAll, which copies it: sharing it is safe
  const figure = expression(`(${NUMBER})${measure ?? `[${MEASURE_WORDS}%]`}`, 'gu');
  const ownNumbers = new Set(own.flatMap((token) => token.match(/\d[\d.,]*/g) ?? []));
  // money, area and length come in units no list holds (英镑, 英亩, 海里): a number with its measure word, as tagged, answers too
  const anyUnit = measure === MONEY_UNITS || measure === AREA_UNITS || (measure?.includes('公里') ?? false);
  // a unit of another kind (分钟, 公里, 个) is no such amount: only units no list knows are taken
  const knownUnit = expression(`^(?:[${MEASURE_WORDS}]|${TIME_UNITS}|${LENGTH_UNITS}|${AREA_UNITS}|${MONEY_UNITS})`, 'u');
  const newFigure = (text: string): boolean =>
    [...text.matchAll(figure)].some((match) => !ownNumbers.has(match[1]!.match(/\d[\d.,]*/)![0])) ||
    (anyUnit && TAG_EVIDENCE.quantity(taggedBeyond(text)).some((unit) => !knownUnit.test(unit)));
  return {
    bonus(text) {
      if (!/\d/.test(beyondQuestion(text))) return 0;
      return TYPE_BONUS + (newFigure(text) ? TYPE_BONUS : 0);
    },
    holds(text) {
      return measure ? newFigure(text) : /\d|[一二两三四五六七八九十百千万亿]/u.test(beyondQuestion(text));
    },
  };
}
