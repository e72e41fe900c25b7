import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../src/import/items';

const PER_CASE =
  '5.因工作不力导致本地区发生青少年犯罪、侵害未成年人权益的案（事）件，造成严重后果且社会影响恶劣，每发生一起扣0.5分，特别重大的扣1分，最多扣5分。';

describe('classifyItem', () => {
  it('reads 按件扣分 with its rates and cap from the text', () => {
    expect(classifyItem(PER_CASE)).toEqual([
      expect.objectContaining({ rule: '按件扣分', rate: '0.5/1', weight: 5, target: null, content: PER_CASE }),
    ]);
  });

  it('reads 按件扣分 written with other figures and Chinese numerals', () => {
    const [r] = classifyItem('每发生一起扣一分，特别重大的扣二分，最多扣三分。');
    expect([r.rule, r.rate, r.weight]).toEqual(['按件扣分', '1/2', 3]);
    const [noCap] = classifyItem('每发生一起扣1分。');
    expect([noCap.rule, noCap.rate, noCap.weight]).toEqual(['按件扣分', '1/1', 'points']);
    expect(noCap.confidence).toBeLessThan(0.7);
  });

  it('makes 酌情扣分 one 扣分 row capped at the 项目 分值', () => {
    const rows = classifyItem(
      '4.每半年上报青少年犯罪数据及特重大案（事）件。青少年（未成年人）涉罪率、青少年（未成年人）犯罪率低于全省前三年平均值，相比上升，酌情扣分。',
    );
    expect(rows).toHaveLength(1);
    expect([rows[0].rule, rows[0].weight, rows[0].target]).toEqual(['扣分', 'points', null]);
  });

  it('makes 交办的其他工作 and 评价分 评分 rows', () => {
    expect(classifyItem('团市委交办的其他工作。').map((r) => r.rule)).toEqual(['评分']);
    expect(classifyItem('服务对象代表评价分。').map((r) => r.rule)).toEqual(['评分']);
  });

  it.each([
    '8.按期换届。',
    '1.规范12355青少年服务平台工作，做到专人负责、热线通电。',
    '3.落实县（区）和乡镇（街道）共青团工作经费，乡镇（街道）团组织达到有阵地、有牌子、有人员、有经费、有活动。',
    '9.做好全团带队工作。',
  ])('makes an item without numbers one 达标 row with target 是: %s', (text) => {
    expect(classifyItem(text).map((r) => [r.rule, r.target, r.weight])).toEqual([['达标', '是', 'share']]);
  });

  it('makes one 比例 row per target and no rows for the qualitative clauses around them', () => {
    const single = classifyItem('3.大力推进志愿者队伍建设，成立县青年志愿者协会，培训各类志愿者40名，积极服务重大项目建设和赛会活动。');
    expect(single.map((r) => [r.rule, r.target, r.measure])).toEqual([['比例', 40, '名']]);
    // One target: the whole item is the 考核内容.
    expect(single[0].content).toMatch(/^3\.大力推进/);

    const focus = classifyItem(
      '创建星级留守学生之家2所，建立“留守学生成长电子档案”，开展留守学生圆梦活动3次，为留守学生圆梦200个，为贫困地区中小学配置文体设施15套。',
    );
    expect(focus.map((r) => [r.rule, r.target, r.measure])).toEqual([
      ['比例', 2, '所'],
      ['比例', 3, '次'],
      ['比例', 200, '个'],
      ['比例', 15, '套'],
    ]);
    const loans = classifyItem('完成80人小额贷款；积极开展创业创新大赛，培育青年创业人才5名；开展关心青年交友、婚恋活动5个；做好网宣工作。');
    expect(loans.map((r) => r.target)).toEqual([80, 5, 5]);
    const web = classifyItem(
      '3.建立共青团系统微博和微信体系，粉丝数（累加）达到3000人以上，全年转发上级团组织微博微信不少于400条；组建40人的县级网络宣传员队伍，积极开展网络舆论收集和引导；全年完成工作创新案例和工作调研文章各1篇；完成广元青年网信息采用和积分任务。',
    );
    expect(web.map((r) => r.target)).toEqual([3000, 400, 40, 1, 1]);
  });

  it('labels the rows of an item with several targets', () => {
    const rows = classifyItem('4.开展团干部大调研、大走访活动，团县委班子成员赴基层走访、调研不低于20次、35天。');
    expect(rows.map((r) => r.content)).toEqual([
      '4.团县委班子成员赴基层走访、调研：不低于20次',
      '4.团县委班子成员赴基层走访、调研：不低于35天',
    ]);
    expect(classifyItem('5.全年培训辅导员不少于50人、基层团干部不少于50人。').map((r) => r.content)).toEqual([
      '5.培训辅导员：不少于50人',
      '5.基层团干部：不少于50人',
    ]);
  });

  it('makes targets bounded from above pass/fail rows', () => {
    const [r] = classifyItem('1.安全事故不超过2次。');
    expect([r.rule, r.target, r.comparator]).toEqual(['达标', 2, '<=']);
  });

  it('reads a rate held to 90% as a threshold: 达标 90 with measure %', () => {
    const [r] = classifyItem('7.县（区）、乡镇（街道）团委班子成员配备率不低于90%。');
    expect([r.rule, r.target, r.measure]).toEqual(['达标', 90, '%']);
  });
});

describe('classifyItem on wordings beyond the seed', () => {
  it('reads 每少1人扣0.5分 as 差额扣分 against the target, with the rate per unit short', () => {
    const rows = classifyItem('3.培训志愿者40名，每少2名扣1分。');
    expect(rows.map((r) => [r.rule, r.target, r.measure, r.rate])).toEqual([['差额扣分', 40, '名', '0.5']]);
  });

  it('reads 按件扣分 and its cap written as 累计不超过', () => {
    const [r] = classifyItem('每发生一件扣0.5分，累计不超过3分。');
    expect([r.rule, r.rate, r.weight]).toEqual(['按件扣分', '0.5/0.5', 3]);
  });

  it('makes a condition with 扣X分 a 扣分 row capped at X, flagged for a person', () => {
    const [r] = classifyItem('2.未按时报送材料的扣2分。');
    expect([r.rule, r.weight, r.confidence < 0.7]).toEqual(['扣分', 2, true]);
  });

  it('makes 满意度测评 without a number a 评分 row, and 满意度达到90% a target', () => {
    expect(classifyItem('群众满意度测评。').map((r) => r.rule)).toEqual(['评分']);
    expect(classifyItem('群众满意度达到90%。').map((r) => [r.rule, r.target])).toEqual([['比例', 90]]);
  });

  it('flags an item with a number it cannot place, and names the number', () => {
    const [r] = classifyItem('5.培训青年骨干30批，做好跟踪服务。');
    expect([r.rule, r.target, r.confidence < 0.7]).toEqual(['达标', '是', true]);
    expect(r.notes).toEqual(['另有数字未识别为目标：30']);
  });

  it('gives every row a short label', () => {
    expect(classifyItem('8.按期换届。')[0].label).toBe('按期换届');
    expect(classifyItem('2.新招募派遣西部计划志愿者19名，全面落实。')[0].label).toBe('西部计划志愿者');
  });
});

describe('classifyItem with clauses (the templates)', () => {
  it('gives every clause a row: its target, or 达标 是 where it has none', () => {
    const rows = classifyItem('3.建立共青团系统微博和微信体系，粉丝数（累加）达到3000人以上；做好网宣工作。', { clauses: true });
    expect(rows.map((r) => [r.rule, r.target, r.content])).toEqual([
      ['达标', '是', '3.建立共青团系统微博和微信体系'],
      ['比例', 3000, '3.粉丝数（累加）达到3000人以上'],
      ['达标', '是', '3.做好网宣工作'],
    ]);
  });

  it('names each target of a shared clause after it, and keeps a shortfall clause with its target', () => {
    expect(classifyItem('5.全年培训辅导员不少于50人、基层团干部不少于40人。', { clauses: true }).map((r) => [r.target, r.content])).toEqual([
      [50, '5.全年培训辅导员不少于50人、基层团干部不少于40人（培训辅导员：不少于50人）'],
      [40, '5.全年培训辅导员不少于50人、基层团干部不少于40人（基层团干部：不少于40人）'],
    ]);
    expect(classifyItem('3.培训志愿者40名，每少2名扣1分。', { clauses: true }).map((r) => [r.rule, r.rate, r.content])).toEqual([
      ['差额扣分', '0.5', '3.培训志愿者40名，每少2名扣1分'],
    ]);
  });

  it('makes a clause that names a rating 评分, and leaves items without targets whole', () => {
    expect(classifyItem('1.开展活动3次，接受群众满意度测评。', { clauses: true }).map((r) => r.rule)).toEqual(['比例', '评分']);
    expect(classifyItem('8.按期换届，做好交接。', { clauses: true }).map((r) => [r.rule, r.content])).toEqual([['达标', '8.按期换届，做好交接。']]);
  });
});
