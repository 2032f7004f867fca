import { bylineNearTop, isDateLine } from './dates.js';
import type { Block } from './extract.js';

/**
 * Only the article: the lines a page, a Word file or a PDF carries around its text and that are not
 * text a reader asks about. Dropped, whatever the document's kind:
 *
 * - site furniture: breadcrumbs, previous/next links, font-size and print controls;
 * - credit lines: 责任编辑, 来源, 编辑, 校对, 摄影/张三 编辑/李四, 原标题, "…供稿";
 * - copyright and disclaimer lines: 版权所有, ICP备, 声明：…, 转载请注明;
 * - share and follow prompts: 分享到, 扫码, 长按识别, 阅读原文, 返回…查看更多;
 * - "related" lists: the heading (相关阅读, 为你推荐) and the run of short link lines under it;
 * - lone date or time lines, and the dated byline by the title (metadata, never a section);
 * - lines without a letter, digit or character (&, ■).
 */

/** Breadcrumbs and page controls. */
const SITE_CHROME = /^(?:[•·\s]*)(?:您所在的位置|当前位置|所在位置|位置[:：]|首页\s*[>»]|上一篇|下一篇|本文地址|本文链接|【?字体|字号[:：]|打印本页|关闭窗口|浏览次数|阅读次数|点击数|【\s*打印|\[打印\])|[>»]{2}.*[>»]{2}/u;
/** Labels of a credit: who wrote, edited, photographed, or where the text came from. */
const CREDIT_LABEL = '(?:责任编辑|责编|值班编辑|编辑|校对|审核|审校|终审|初审|复审|来源|信息来源|作者|记者|通讯员|摄影|摄像|图片|图|文|文字|撰稿|撰文|执笔|采写|采访|综合|排版|美编|监制|出品|策划|统筹|制作|供稿|视频|原标题|原文标题)';
const CREDIT = new RegExp(`^[（(【\\[]?\\s*(?:${CREDIT_LABEL}\\s*[:：/／|｜]\\s*[^。！？]{0,40}?\\s*)+[）)】\\]]?$`, 'u');
const CREDIT_LABELLED = new RegExp(`${CREDIT_LABEL}\\s*[:：/／]`, 'gu');
/** A credit written after the name: 医技药剂党支部供稿, 本报记者 张三 整理. */
const CREDIT_AFTER = /^[（(]?(?![一二三四五六七八九十\d]+[、.．])[^。！？，,、]{2,30}(?:供稿|整理)[）)]?$/u;
/** Copyright, licence and disclaimer lines. */
const LEGAL = /^(?:声明|免责声明|版权声明|特别声明|郑重声明|风险提示|免责条款|法律声明)\s*[:：]|版权所有|copyright|all rights reserved|ICP备|ICP证|公网安备|未经(?:授权|许可|书面).{0,12}(?:转载|使用|复制)|转载请注明|如有侵权/iu;
/** Share, follow and navigation prompts. */
const PROMPT = /^(?:分享到|分享[:：]|扫码|扫一扫|长按(?:识别|二维码|扫码)|点击(?:阅读|查看|关注|进入|下载)|阅读原文|查看原文|返回.{0,12}(?:查看更多|首页|顶部|列表)|查看更多|更多精彩|欢迎关注|关注我们|喜欢此内容的人还喜欢|写评论|发表评论|我要评论|已有\s*\d*\s*条?评论|网友评论|收藏本文|推荐给朋友|微信扫一扫|手机看新闻)/u;
/** Headings of "related" lists: what follows them is links, not the article. */
const RELATED = /^(?:相关(?:阅读|新闻|文章|推荐|链接|报道|资讯|搜索)|推荐阅读|为你推荐|延伸阅读|热门(?:推荐|文章|新闻|资讯)|猜你喜欢|往期(?:回顾|推荐|精彩)|更多(?:阅读|新闻|资讯)|精彩推荐|热点推荐|作者最新文章|返回.{0,12}查看更多)\s*[:：]?\s*$/u;
/** A line short enough to be a link in a list, without a sentence's ending. */
function linkLike(text: string): boolean {
  return [...text].length <= 40 && !/[。！？；]$/u.test(text);
}

/** How long a line may be and still be a credit, prompt or legal line (longer ones are text). */
const SHORT_LINE_CHARS = 80;

/** Why `text` is not article text, or undefined when it is. */
export function chromeReason(text: string): string | undefined {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no text';
  if (isDateLine(text)) return 'a date line';
  if (SITE_CHROME.test(text)) return 'site furniture';
  const short = [...text].length <= SHORT_LINE_CHARS;
  if (short && (CREDIT.test(text) || CREDIT_AFTER.test(text))) return 'a credit line';
  // several credits on one line: 医技药剂党支部供稿 摄影/张三 编辑/李四
  const labels = text.match(CREDIT_LABELLED) ?? [];
  if ([...text].length <= 60 && (labels.length >= 2 || (labels.length === 1 && /供稿|整理/u.test(text))) && !/[。！？]/u.test(text)) return 'a credit line';
  if (short && LEGAL.test(text)) return 'a copyright or disclaimer line';
  // a "related" heading before the prompts: 返回…查看更多 is both, and the links under it go with it
  if (RELATED.test(text)) return 'a related list';
  if (short && PROMPT.test(text)) return 'a share or follow prompt';
  return undefined;
}

/** How near the top a dated byline is metadata. */
const BYLINE_BLOCKS = 6;

/** The share of the text that may follow the closing credits and still be the article's (else it is what the page puts after it). */
const AFTER_CREDITS_SHARE = 0.25;
/** Credits that close an article (editors, reporters), as opposed to a source named under a table. */
const CLOSING_CREDIT = /^[（(【\[]?\s*(?:责任编辑|责编|值班编辑|编辑|采写|校对|审核|审校|终审)/u;

/**
 * The blocks without what is not the article (see the module comment). Credits close a news
 * article (采写：…, 责任编辑：…): a little text after the last of them, near the end, is the page's
 * teasers and is dropped too.
 */
export function articleOnly(blocks: readonly Block[]): Block[] {
  const kept: Block[] = [];
  let lastCredit = -1;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const reason = chromeReason(block.text);
    if (reason === 'a related list') {
      // the list under it: short link lines, up to the next real paragraph
      while (i + 1 < blocks.length && linkLike(blocks[i + 1]!.text) && blocks[i + 1]!.kind === 'paragraph') i++;
      continue;
    }
    if (reason === 'a credit line' && CLOSING_CREDIT.test(block.text)) lastCredit = kept.length;
    if (reason) continue;
    // the dated line by the title (示例日报 2021年04月15日) is metadata, not text
    if (i < BYLINE_BLOCKS && bylineNearTop([block.text]) !== undefined) continue;
    kept.push(block);
  }
  if (lastCredit > 0 && lastCredit < kept.length) {
    const chars = (list: readonly Block[]): number => list.reduce((sum, block) => sum + [...block.text].length, 0);
    const after = chars(kept.slice(lastCredit));
    if (after <= chars(kept) * AFTER_CREDITS_SHARE) return kept.slice(0, lastCredit);
  }
  return kept;
}
