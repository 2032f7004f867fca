import { describe, expect, it } from 'vitest';
import { expectationOf, slotAnchors, typeCheck } from '../../../src/core/language/answer-kinds.js';
import { normalizeText } from '../../../src/core/language/normalize.js';

const expect_ = (question: string) => expectationOf(normalizeText(question));
const holds = (question: string, own: string[], text: string) => typeCheck(expect_(question), own).holds(normalizeText(text));

describe('expected answer type', () => {
  it('GIVEN who, when, where and money questions THEN each asks strictly for its kind', () => {
    expect(expect_('码头由谁管理')).toMatchObject({ expects: 'agent', strict: true });
    expect(expect_('何人主持修建了码头')).toMatchObject({ expects: 'agent', strict: true });
    expect(expect_('码头什么时候开放')).toMatchObject({ expects: 'time', strict: true });
    expect(expect_('码头在哪里')).toMatchObject({ expects: 'place', strict: true });
    expect(expect_('船票多少钱')).toMatchObject({ expects: 'amount', strict: true });
    expect(expect_('How much does the ferry cost?')).toMatchObject({ expects: 'amount', strict: true });
  });

  it('GIVEN 何年 or 何年代 (in which year, decade) THEN a time is asked, and a decade answers 何年代 though the question says 年代', () => {
    expect(expect_('码头于何年建成')).toMatchObject({ expects: 'time', strict: true });
    expect(expect_('码头于何年代建成')).toMatchObject({ expects: 'time', strict: true });
    expect(holds('码头于何年代建成', ['码头', '年代', '建成'], '码头在1990年代建成')).toBe(true);
    expect(holds('码头于何年代建成', ['码头', '年代', '建成'], '码头建成后游客增多')).toBe(false);
  });

  it('GIVEN which-one asked with 一 (哪一年, 哪一个县, 哪一位, traditional too) THEN the kind is read as for 哪年, 哪个县, 哪位', () => {
    expect(expect_('渡口在哪一年建成')).toMatchObject({ expects: 'time', strict: true });
    expect(expect_('渡口建於哪一年')).toMatchObject({ expects: 'time', strict: true });
    expect(expect_('码头位于哪一个县')).toMatchObject({ expects: 'place', measure: '县' });
    expect(expect_('码头由哪一位船长管理')).toMatchObject({ expects: 'agent', strict: true });
  });

  it('GIVEN 甚麼, the Taiwan and Hong Kong spelling of 什麼 THEN 為甚麼 asks why and 甚麼時候 when; 甚至 stays a word', () => {
    expect(expect_('為甚麼風機都超過100公尺').expects).toBe('reason');
    expect(expect_('這條路甚麼時候開通').expects).toBe('time');
    expect(normalizeText('甚至')).toBe('甚至');
  });

  it('GIVEN 在哪 with a classifier (在哪一种状态下, 在哪个阶段) THEN the noun decides: no place is asked for', () => {
    expect(expect_('溶液在哪一种状态下最稳定').expects).not.toBe('place');
    expect(expect_('工程在哪个阶段停工').expects).not.toBe('place');
    // an edition, a round, a match: which one, not where
    for (const question of ['张华在哪一届比赛中夺冠', '球队在哪一场比赛中失利', '他在哪一轮被淘汰']) expect(expect_(question).expects, question).not.toBe('place');
    expect(expect_('码头在哪')).toMatchObject({ expects: 'place' });
    expect(expect_('牡丹分布在哪些省')).toMatchObject({ expects: 'place' });
    expect(expect_('码头在哪个县')).toMatchObject({ expects: 'place', measure: '县' });
  });

  it('GIVEN a yes/no question that embeds a wh-word THEN nothing is required', () => {
    expect(expect_('能查渡船什么时候到吗').strict).toBe(false);
  });

  it('GIVEN a when question THEN only a sentence with a date or time holds', () => {
    expect(holds('码头什么时候开放', ['码头', '开放'], '码头已于6月1日开放')).toBe(true);
    expect(holds('码头什么时候开放', ['码头', '开放'], '码头正在加紧建设')).toBe(false);
  });

  it('GIVEN "what time" (几点) THEN it asks for a clock time; 几点建议 still counts', () => {
    expect(expect_('渡口几点开船')).toMatchObject({ expects: 'time', strict: true });
    expect(holds('渡口几点开船', ['渡口', '开船'], '渡口每天8点开船')).toBe(true);
    expect(holds('渡口几点开船', ['渡口', '开船'], '渡口新增渡船2艘')).toBe(false);
    expect(expect_('会上提出了几点建议').expects).toBe('amount');
  });

  it('GIVEN a money question THEN a figure in 元 holds and another figure does not', () => {
    expect(holds('船票多少钱', ['船票'], '船票每张5元')).toBe(true);
    expect(holds('船票多少钱', ['船票'], '渡船每天开行30班')).toBe(false);
  });

  it('GIVEN a count in one unit THEN a figure in a unit of the same kind holds, another kind does not', () => {
    expect(holds('论坛开了几次', ['论坛'], '论坛已举办三届')).toBe(true);
    expect(holds('渡船每周发几趟', ['渡船'], '开通渡船线路3条')).toBe(false);
  });

  it('GIVEN a length question whose unit the question names THEN the unit is not taken for the question\'s own word', () => {
    expect(holds('栈道全长多少公里', ['栈道', '全长', '公里'], '栈道全长4.5公里')).toBe(true);
  });

  it('GIVEN 几何 (geometry) or 几乎 (almost) in a question THEN no amount is asked for', () => {
    expect(expect_('角是在什么学说中的几何对象')).not.toMatchObject({ expects: 'amount' });
    expect(expect_('哪座灯塔几乎被海水淹没')).not.toMatchObject({ expects: 'amount' });
    expect(expect_('灯塔有几层')).toMatchObject({ expects: 'amount' });
  });

  it('GIVEN a where-question whose own phrase ends in a place noun (丝路行东非站) THEN a caption repeating the phrase names no place; a sentence naming where does', () => {
    const question = '丝路行东非站在哪里启动';
    const check = typeCheck({ ...expect_(question), cleaned: normalizeText(question) }, ['丝路', '东非', '站在', '启动']);
    expect(check.holds(normalizeText('图为丝路行（东非站）启动仪式。'))).toBe(false);
    expect(check.holds(normalizeText('丝路行（东非站）活动在肯尼亚内罗毕市正式启动。'))).toBe(true);
  });

  it('GIVEN a which-question THEN the kind it asks for (哪个地区) is no phrase of the question\'s own: a text naming one of the kind holds', () => {
    const question = '他是首位来自哪个地区的教宗';
    const check = typeCheck({ ...expect_(question), cleaned: normalizeText(question) }, ['首位', '来自', '教宗']);
    expect(check.bonus(normalizeText('他是首位来自德语地区的教宗。'))).toBeGreaterThan(0);
  });

  it('GIVEN a question asking for the year THEN an age or a month alone does not answer it; a year, 元年 or 同年 does', () => {
    expect(expect_('他在哪一年当选为会长')).toMatchObject({ expects: 'time', measure: '年' });
    expect(expect_('他什么时候当选为会长')).toMatchObject({ expects: 'time', measure: null });
    const own = ['当选', '会长'];
    expect(holds('他在哪一年当选为会长', own, '62岁高龄的他当选为会长。')).toBe(false);
    expect(holds('他在哪一年当选为会长', own, '3月他当选为会长。')).toBe(false);
    expect(holds('他何年当选为会长', own, '1998年他当选为会长。')).toBe(true);
    expect(holds('他在哪一年当选为会长', own, '民国元年他当选为会长。')).toBe(true);
    // a when-question not asking for the year is still answered by an age or a month
    expect(holds('他什么时候当选为会长', own, '62岁时他当选为会长。')).toBe(true);
  });

  it('GIVEN 哪一年 before the question\'s own phrase THEN the year the text says beside that phrase is no part of it', () => {
    const question = '商会在哪一年收购了这座码头';
    const check = typeCheck({ ...expect_(question), cleaned: normalizeText(question) }, ['商会', '收购', '码头']);
    expect(check.holds(normalizeText('商会在1903年收购了这座码头。'))).toBe(true);
  });

  it('GIVEN a figure the question itself holds THEN it does not count as the answer', () => {
    expect(holds('3号码头有几个泊位', ['3', '码头', '泊位'], '3号码头改造完成')).toBe(false);
  });

  it('GIVEN "which county" THEN the answer must name a county, not any place', () => {
    expect(holds('茶园在哪个县', ['茶园'], '茶园年产值2亿元,位于山区')).toBe(false);
    expect(holds('茶园在哪个县', ['茶园'], '茶园位于青川县')).toBe(true);
  });

  it('GIVEN "which district" THEN a common word holding the noun (地区, 社区, 区域) is no district', () => {
    expect(holds('实验中学在哪个区', ['实验中学'], '实验中学服务周边地区和社区,区域覆盖率达90%')).toBe(false);
    expect(holds('实验中学在哪个区', ['实验中学'], '实验中学位于东湖区')).toBe(true);
    expect(holds('老茶厂在哪个村', ['老茶厂'], '老茶厂带动农村村民增收')).toBe(false);
    expect(holds('老茶厂在哪个村', ['老茶厂'], '老茶厂在溪口村')).toBe(true);
  });

  it('GIVEN "which area" (哪个区域) or "which market" (哪个市场) THEN no district or city is required: any place answers', () => {
    expect(expect_('观测站建在哪个区域').measure).toBeNull();
    expect(expect_('这批茶叶卖到哪个市场').measure).toBeNull();
    expect(holds('观测站建在哪个区域', ['观测站'], '观测站建在青海湖北岸附近')).toBe(true);
    expect(expect_('实验中学在哪个区').measure).toBe('区');
  });

  it('GIVEN an agent question THEN the question\'s own organization word does not satisfy it', () => {
    expect(holds('运营公司是哪家', ['运营', '公司'], '渡船运营公司正在招标')).toBe(false);
    expect(holds('码头由谁管理', ['码头', '管理'], '码头由港务集团管理')).toBe(true);
  });
});

describe('kinds no pattern lists, read from part-of-speech tags', () => {
  it('GIVEN a who-question THEN a person named in transliteration (默多克) answers, and a text naming no one does not', () => {
    expect(holds('这家报社被谁收购', ['报社', '收购'], '该报社于1985年被默多克收购。')).toBe(true);
    expect(holds('这家报社被谁收购', ['报社', '收购'], '该报社后来被收购了。')).toBe(false);
  });

  it('GIVEN a who-question THEN a name whose parts a middle dot joins (梅莉·史翠普, 安德里・尼里纳) answers; the question\'s own such name does not', () => {
    expect(holds('谁获得提名的次数最多', ['获得', '提名', '次数', '最多'], '梅莉·史翠普提名次数最多，达16次。')).toBe(true);
    expect(holds('谁获得提名的次数最多', ['获得', '提名', '次数', '最多'], '安德里・尼里纳获得提名次数最多。')).toBe(true);
    expect(holds('谁获得提名的次数最多', ['获得', '提名', '次数', '最多'], '提名次数最多的达16次。')).toBe(false);
    expect(holds('梅莉·史翠普获得了谁的提名', ['梅莉', '史翠普', '获得', '提名'], '梅莉·史翠普获得了提名。')).toBe(false);
  });

  it('GIVEN a who-question THEN a name the dictionary lacks answers when it starts with a surname (汪兆铭, 陈树声); another unknown word (由青禾…) is no one', () => {
    expect(holds('伪政府以谁为领导人', ['政府', '领导人'], '民国二十九年，汪兆铭在南京成立国民政府。')).toBe(true);
    expect(holds('调查由谁主持', ['调查', '主持'], '这次调查由陈树声主持。')).toBe(true);
    expect(holds('调查由谁主持', ['调查', '主持'], '这次调查由青禾县主持。')).toBe(false);
    expect(holds('伪政府以谁为领导人', ['政府', '领导人'], '民国二十九年，在南京成立国民政府。')).toBe(false);
  });

  it('GIVEN a who-question about a role THEN an organization’s kind of word alone (联合体) is no one', () => {
    expect(holds('示例大学校长是谁', ['示例大学', '校长'], '由示例大学牵头组建的创新联合体已培育新品种7个。')).toBe(false);
  });

  it('GIVEN a when-question THEN an era or a century answers, and 目前 does not', () => {
    expect(holds('这座塔建于什么时候', ['塔', '建于'], '这座塔建于清朝。')).toBe(true);
    expect(holds('这座塔建于什么时候', ['塔', '建于'], '这座塔始建于19世纪末。')).toBe(true);
    expect(holds('这座塔什么时候开放', ['塔', '开放'], '这座塔目前正在修缮。')).toBe(false);
  });

  it('GIVEN a when-question THEN a ruler\'s regnal number (六世, 三世: tagged as times) does not answer', () => {
    expect(holds('他是什么时候改名的', ['改名'], '教宗亚历山大六世,出身于西班牙,是加里斯都三世的外甥。')).toBe(false);
    expect(holds('他是什么时候改名的', ['改名'], '他于16世纪初改名。')).toBe(true);
  });

  it('GIVEN an area or money question THEN a figure in a unit no list holds answers, and one in a unit of another kind does not', () => {
    expect(holds('公园占地多少', ['公园', '占地'], '公园占地约120英亩。')).toBe(true);
    expect(holds('每小时能挣多少钱', ['每小时', '挣'], '她每小时能挣100英镑。')).toBe(true);
    expect(holds('大桥花了多少钱', ['大桥'], '大桥全长2.4公里,已通车。')).toBe(false);
    expect(holds('门票多少钱', ['门票'], '审批只需30分钟。')).toBe(false);
  });

  it('GIVEN 几个人 or 多少人 THEN a count of people (八人, 18个人) answers', () => {
    expect(holds('一行几个人到金融街调研', ['一行', '金融街', '调研'], '局长等一行八人到金融街进行实地调研。')).toBe(true);
    expect(holds('调研组一共有多少人', ['调研组'], '据统计,调研组目前一共找着18个人。')).toBe(true);
    expect(holds('一行几个人到金融街调研', ['一行', '金融街', '调研'], '局长到金融街进行实地调研。')).toBe(false);
  });

  it('GIVEN a who- or where-question THEN a name no pattern or tag knows answers where the question has its question word, between the same words; elsewhere it does not', () => {
    const inPlace = (question: string, own: string[], text: string) => {
      const normalized = normalizeText(question);
      return typeCheck({ ...expectationOf(normalized), cleaned: normalized }, own).holds(normalizeText(text));
    };
    // kobo and zeta are no names to any pattern or tag: only their place says what they are
    expect(inPlace('《夜行》是日本作家谁的小说', ['夜行', '日本', '作家', '小说'], '《夜行》是日本作家kobo的小说,2003年出版。')).toBe(true);
    expect(inPlace('《夜行》是日本作家谁的小说', ['夜行', '日本', '作家', '小说'], '《夜行》是日本作家的长篇小说,2003年出版。')).toBe(false);
    expect(inPlace('《夜行》是日本作家谁的小说', ['夜行', '日本', '作家', '小说'], '日本作家kobo写过很多小说。')).toBe(false);
    expect(inPlace('舰队最后驶向了哪里', ['舰队', '最后', '驶向'], '舰队补给之后,最后驶向zeta。')).toBe(true);
    expect(inPlace('舰队最后驶向了哪里', ['舰队', '最后', '驶向'], '舰队最后驶向了。')).toBe(false);
    expect(slotAnchors('《夜行》是日本作家谁的小说', /谁/u)).toMatchObject({ left: '作家', right: '的小' });
    expect(slotAnchors('讨伐了哪儿', /哪儿/u)).toMatchObject({ left: '讨伐', right: '' });
    expect(slotAnchors('是谁', /谁/u)).toBeUndefined();
  });

  it('GIVEN a who-question with nothing but a title before 谁 THEN a name starting a clause before the words after 谁 answers, in a sentence naming the title', () => {
    const inPlace = (text: string) => {
      const normalized = normalizeText('《魔笛》是谁的作品');
      return typeCheck({ ...expectationOf(normalized), cleaned: normalized }, ['魔笛', '作品']).holds(normalizeText(text));
    };
    expect(slotAnchors('《魔笛》是谁的作品', /谁/u)).toMatchObject({ left: '', right: '的作' });
    // kobo is no name to any pattern or tag: only its place says what it is
    expect(inPlace('kobo的作品《魔笛》于1791年首演。')).toBe(true);
    expect(inPlace('《魔笛》首演于1791年,场场爆满。晚年的作品多为宗教音乐。')).toBe(false);
    expect(inPlace('《魔笛》是一部德语歌剧。')).toBe(false);
  });

  it('GIVEN a when-question THEN an age (自十八岁起, 25岁时) or an era (清宣宗时代, 康熙年间) answers it as a time', () => {
    const holds = (text: string) => {
      const normalized = normalizeText('他什么时候开始学琴');
      return typeCheck({ ...expectationOf(normalized), cleaned: normalized }, ['开始', '学琴']).holds(normalizeText(text));
    };
    expect(holds('他自六岁开始学琴,师从名家。')).toBe(true);
    expect(holds('他25岁时开始学琴。')).toBe(true);
    expect(holds('到清宣宗时代,他开始学琴。')).toBe(true);
    expect(holds('他在康熙年间开始学琴。')).toBe(true);
    expect(holds('他开始学琴,师从名家。')).toBe(false);
  });

  it('GIVEN an area question THEN a figure in a Latin unit symbol, after a space or not, answers it', () => {
    const holds = (text: string) => {
      const normalized = normalizeText('该区土地面积是多少');
      return typeCheck({ ...expectationOf(normalized), cleaned: normalized }, ['该区', '土地', '面积']).holds(normalizeText(text));
    };
    expect(holds('该区土地面积1.601 km²,是全市最小的区。')).toBe(true);
    expect(holds('该区土地面积约300ha。')).toBe(true);
    expect(holds('该区土地面积在全市最小。')).toBe(false);
  });

  it('GIVEN 在哪些 and a noun THEN it asks for places only when the noun is a place word', () => {
    expect(expectationOf(normalizeText('这个程序可以运行在哪些平台上'))).toMatchObject({ expects: 'list', strict: false });
    expect(expectationOf(normalizeText('这种植物分布在哪些省市'))).toMatchObject({ expects: 'place', strict: true });
    expect(expectationOf(normalizeText('这种植物分布在哪里'))).toMatchObject({ expects: 'place', strict: true });
  });
});

describe('which-questions and what-is questions', () => {
  const bonus = (question: string, own: string[], text: string) => typeCheck(expect_(question), own).bonus(normalizeText(text));

  it('GIVEN 哪个X, 哪种X, 哪一项X THEN the question asks for one X: the noun, without its measure word or what follows it, and nothing is required', () => {
    expect(expect_('哪个港口吞吐量最大')).toMatchObject({ expects: 'which', measure: '港口', strict: false });
    expect(expect_('哪一種語言的民歌流傳最廣?')).toMatchObject({ expects: 'which', measure: '语言' });
    expect(expect_('总兵在哪个朝代时为正二品')).toMatchObject({ expects: 'which', measure: '朝代' });
    expect(expect_('湖区最大的渔场属于哪个湖')).toMatchObject({ expects: 'which', measure: '湖' });
    // the kinds read before stay theirs: a county, a country (a place), a year
    expect(expect_('它在哪个县')).toMatchObject({ expects: 'place', measure: '县' });
    expect(expect_('总部设在哪个国家')).toMatchObject({ expects: 'place', strict: true });
    expect(expect_('哪一年建成')).toMatchObject({ expects: 'time' });
  });

  it('GIVEN a which-question THEN a word ending in the noun beyond the question\'s own words earns the bonus; the noun alone does not', () => {
    expect(bonus('哪个港口吞吐量最大', ['港口', '吞吐量', '最大'], '吞吐量最大的是维多利亚港')).toBeGreaterThan(0);
    expect(bonus('哪种语言的民歌流传最广', ['语言', '民歌', '流传', '最广'], '流传最广的是用白苗语唱的民歌')).toBeGreaterThan(0);
    expect(bonus('哪个港口吞吐量最大', ['港口', '吞吐量', '最大'], '各个港口的吞吐量都在增长')).toBe(0);
    expect(typeCheck(expect_('哪个港口吞吐量最大'), ['港口']).holds(normalizeText('吞吐量逐年增长'))).toBe(true);
  });

  it('GIVEN a which-question THEN the noun\'s letter inside a longer word (the 港 of 港铁) earns no bonus; ending a word (维多利亚港) does', () => {
    expect(bonus('码头属于哪一个港', ['码头', '属于'], '码头在港铁站以南')).toBe(0);
    expect(bonus('码头属于哪一个港', ['码头', '属于'], '码头属于维多利亚港的一部分')).toBeGreaterThan(0);
  });

  it('GIVEN 什么是X, X是什么, X指的是什么, X是? THEN the question asks for X defined; a when- or why-question does not', () => {
    expect(expect_('什么是浮标站')).toMatchObject({ expects: 'definition', measure: '标站' });
    expect(expect_('浮標站是什麼？')).toMatchObject({ expects: 'definition', measure: '标站' });
    expect(expect_('绿窗口指的是什么')).toMatchObject({ expects: 'definition', measure: '窗口' });
    expect(expect_('「南华县」一词所代表的意义是?')).toMatchObject({ expects: 'definition', measure: '华县' });
    expect(expect_('浮标站是什么时候建的')).toMatchObject({ expects: 'time' });
    expect(expect_('浮标站为什么要换电池')).toMatchObject({ expects: 'reason' });
  });

  it('GIVEN a what-is question THEN a clause that says the term before 是, 指 or 为 (a gloss in brackets between) earns the bonus; one that only names it does not', () => {
    expect(bonus('什么是浮标站', ['浮标站'], '浮标站是锚定在海面的无人平台')).toBeGreaterThan(0);
    expect(bonus('什么是JAXR', ['jaxr'], 'JAXR（Java API for XML Registries）是一组接口')).toBeGreaterThan(0);
    expect(bonus('什么是浮标站', ['浮标站'], '浮标站由海洋局维护')).toBe(0);
  });

  it('GIVEN a what-is question that names nothing but its term THEN only a sentence defining the term holds it; one asking for an attribute (X的别名) or a time (X现在是什么) is not held to that', () => {
    for (const question of ['什么是浮标站', '浮标站是什么', '浮标站是什么意思', 'JAXR是什么？', '什么叫潮汐能']) expect(expect_(question), question).toMatchObject({ expects: 'definition', strict: true });
    for (const question of ['浮标站的别名是什么', '浮标站周围现在是什么', '「浮标站」字面上的意义是?']) expect(expect_(question).strict, question).toBe(false);
    for (const text of ['浮标站是锚定在海面的无人平台', '浮标站（锚定在海面的无人平台）由海洋局维护', '这种锚定在海面的无人平台叫做浮标站', '浮标站，又称海洋浮标，是一种观测平台']) {
      expect(holds('什么是浮标站', ['浮标站'], text), text).toBe(true);
    }
    for (const text of ['浮标站由海洋局维护', '新建浮标站观测网覆盖全省海域', '浮标站数据中心今年投入使用']) expect(holds('浮标站是什么', ['浮标站'], text), text).toBe(false);
  });

  it('GIVEN what does X mean, what is meant by X or define X THEN X is asked to be defined, in the Chinese words it is read as; what is X is left loose (what is the fare asks a value)', () => {
    expect(expect_('What does the buoy station mean?')).toMatchObject({ expects: 'definition', strict: true, term: 'buoy station' });
    expect(expect_('what is meant by buoy station')).toMatchObject({ expects: 'definition', term: 'buoy station' });
    expect(expect_('Define buoy station.')).toMatchObject({ expects: 'definition', term: 'buoy station' });
    expect(expect_('What is the fare?').expects).toBe('amount');
    expect(expect_('What is the buoy station?').expects).not.toBe('definition');
    expect(holds('What does the buoy station mean?', ['浮标站'], '浮标站是锚定在海面的无人平台')).toBe(true);
    expect(holds('What does the buoy station mean?', ['浮标站'], '浮标站由海洋局维护')).toBe(false);
  });

  it('GIVEN a coined term a report introduces in quotation marks, or a run of letters and digits of the term glossed THEN that sentence holds the what-is question', () => {
    expect(holds('一站通是什么', ['一站通'], '全市推行办事“一站通”,群众少跑腿')).toBe(true);
    expect(holds('一站通是什么', ['一站通'], '一站通办事窗口今年增至40个')).toBe(false);
    expect(holds('0260机制是啥', ['0260', '机制'], '建立起“0260”(0费用2环节60分钟办结)快速服务机制')).toBe(true);
    expect(holds('0260机制是啥', ['0260', '机制'], '0260机制今年办结业务3万件')).toBe(false);
  });

  it('GIVEN a question ending in 什么 THEN it is no yes-no question (the 么 of 什么 is no particle); one ending in 吗 is', () => {
    expect(expect_('浮标站是什么').strict).toBe(true);
    expect(expect_('码头什么时候开放吗')).toMatchObject({ expects: 'time', strict: false });
  });

  const subject = (question: string) => typeCheck({ ...expect_(question), cleaned: normalizeText(question) }, []).subjectSlot;

  it('GIVEN a question word that opens a clause (谁…, 何人…, 哪个…) THEN the question asks for a subject; one after other words does not', () => {
    expect(subject('谁最早研究本县水利')).toBe(true);
    expect(subject('1998年，何人整理了县档案')).toBe(true);
    expect(subject('哪个湖的银鱼产量最高')).toBe(true);
    expect(subject('县档案由谁整理')).toBe(false);
    expect(subject('银鱼产量最高的是哪个湖')).toBe(false);
  });

  it('GIVEN a question word after only what narrows it down (县境内的哪一个…, 组成当中哪一部分…) THEN the question asks for a subject; after a verb or a preposition it does not', () => {
    expect(subject('县境内的哪一个泉与青龙泉并称三大名泉')).toBe(true);
    expect(subject('本县人口的组成当中哪一部分来自山区')).toBe(true);
    expect(subject('青龙泉是县境内的哪一个泉')).toBe(false);
    expect(subject('泉水由县里的哪一个部门管理')).toBe(false);
  });
});

describe('length questions', () => {
  it('GIVEN 长度 or 全长 with an amount asked (多少, 多长) THEN a length is required; said in passing (长度不定，和什么有关) THEN none is', () => {
    expect(expect_('大桥全长多少米')).toMatchObject({ expects: 'amount', strict: true });
    expect(expect_('这条路的长度是多少')).toMatchObject({ expects: 'amount', strict: true });
    expect(expect_('第二阶段长度不定，一般和什么有关')).not.toMatchObject({ expects: 'amount' });
  });
});

describe('where-questions', () => {
  const bonus = (question: string, own: string[], text: string) => typeCheck(expect_(question), own).bonus(normalizeText(text));

  it('GIVEN a where-question THEN a clause saying where the thing lies (位于, 地处) is worth more than one that only names a place', () => {
    const located = bonus('古桥在哪里', ['古桥'], '古桥位于青石镇东侧');
    const named = bonus('古桥在哪里', ['古桥'], '古桥由青石镇出资修建');
    expect(named).toBeGreaterThan(0);
    expect(located).toBeGreaterThan(named);
    // a clause with no place at all gets nothing, 位于 or not
    expect(bonus('古桥在哪里', ['古桥'], '古桥位于此处已有百年')).toBe(0);
  });

  it('GIVEN a which-county question THEN 位于 adds nothing: the county decides', () => {
    expect(bonus('古桥在哪个县', ['古桥'], '古桥位于青石县')).toBe(bonus('古桥在哪个县', ['古桥'], '古桥属青石县'));
  });
});

describe('questions that ask for an account', () => {
  const describes = (question: string) => {
    const normalized = normalizeText(question);
    return typeCheck({ ...expectationOf(normalized), cleaned: normalized }, []).describes;
  };

  it('GIVEN a why- or how-question THEN it asks for an account (the whole sentence answers it)', () => {
    for (const question of ['为什么两队爆发了冲突', '渡口是怎样废弃的', '她在决赛中取得了怎样的成绩', '新馆如何筹建', 'How did the bridge collapse']) expect(describes(question), question).toBe(true);
  });

  it('GIVEN a question for one fact (when, who, how much), or a few keywords THEN it does not', () => {
    for (const question of ['渡口是什么时候废弃的', '谁筹建了新馆', '新馆花了多少钱', '新馆 筹建', '怎么样才算多少']) expect(describes(question), question).toBe(false);
  });
});
