/**
 * Whether a value a file gives about itself can stand as a report's title or publisher. Files carry
 * what their template or tool put there: Word's "（填写标准名称）", "Microsoft Word - 文档1", an author
 * field holding "name, mail@example.com" or a user number. Such a value is refused with its reason,
 * never taken silently: the importer then looks elsewhere, or asks.
 */

/** An instruction in brackets: （填写标准名称）, [请输入标题], <单位名称>. */
const BRACKETED_INSTRUCTION = /^[\s]*[（(【\[<〈《{]\s*(?:请|在此|此处)?\s*(?:填写|填入|输入|键入|插入|添加|编辑|修改)?[^）)】\]>〉》}]{0,20}[）)】\]>〉》}][\s]*$/u;
const INSTRUCTION_WORDS = /填写|填入|请输入|在此输入|在此处|此处输入|单击此处|点击此处|click here|type here|enter (?:the )?(?:title|name)/iu;
/** Names a tool or template gives when nobody wrote one. */
const TOOL_DEFAULTS = /^(?:untitled|无标题|未命名|新建\s*.*文档|document\d*|文档\d*|title|标题|subject|主题|author|作者|user|用户|admin(?:istrator)?|owner|normal(?:\.dotm?)?|模板|template|microsoft\s+.*|wps\s*.*|PowerPoint\s*.*|unknown|未知|佚名|匿名|none|null|n\/?a|-+)$/iu;
/** The names scanners and cameras give their files: Scan0001, IMG_2034, 扫描件3. */
const DEVICE_NAMES = /^(?:scan(?:ned)?|img|image|dsc|doc|pdf|扫描件?|图片|照片)[\s_-]*\d*$/iu;
/** A generated file name as a title: 文档1.docx, Microsoft Word - 报告.doc, scan_0001.pdf */
const FILE_NAME = /\.(?:docx?|pdf|wps|txt|html?|xlsx?|pptx?)$|^Microsoft Word - /iu;

/** Why `value` is no title or publisher of a document (in `han`: one written in Chinese), or undefined when it can stand. */
export function refusal(field: 'title' | 'publisher', value: string, han: boolean): string | undefined {
  // a tool's bytes read as text (a UTF-16 title written without its byte-order mark: \0g\04)
  if (/[\u0000-\u0008\u000e-\u001f]/u.test(value)) return 'it holds control characters, not text';
  const text = value.normalize('NFKC').trim();
  if (!text) return 'it is empty';
  if (DEVICE_NAMES.test(text)) return 'it is a name a scanner or camera gives its files';
  if (BRACKETED_INSTRUCTION.test(text) && /填|输入|名称|标题|单位|姓名|日期|click|enter|name|title/iu.test(text)) return 'it is a template placeholder';
  if (INSTRUCTION_WORDS.test(text)) return 'it is a template placeholder';
  if (TOOL_DEFAULTS.test(text)) return 'it is a default a tool writes, not a name';
  if (FILE_NAME.test(text)) return 'it is a file name';
  if (/[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\//u.test(text)) return 'it holds an address, not a name';
  if (/^[\p{N}\p{P}\p{S}\s]+$/u.test(text)) return 'it holds no name';
  if (field === 'publisher') {
    if ([...text].length > 60) return 'it is too long for a name';
    if (/^(?:本站|本网|本站原创|原创|网络|转载|网友|互联网)$/u.test(text)) return 'it names no one';
    // a Chinese document published under a Latin name in capitals only (MC SYSTEM) is a template's or a tool's
    if (han && /^[A-Z0-9\s._-]+$/.test(text) && /[A-Z]{2}/.test(text)) return 'it looks like a template or system name, not a publisher of a Chinese document';
  }
  return undefined;
}
