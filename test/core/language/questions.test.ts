import { describe, expect, it } from 'vitest';
import { MAX_QUESTIONS, splitQuestions } from '../../../src/core/language/questions.js';

describe('messages of several questions (written here)', () => {
  it('GIVEN questions each ended by a question mark THEN each is a question of its own', () => {
    expect(splitQuestions('成资S3线开工了吗？动车每天多少对？')).toEqual(['成资S3线开工了吗？', '动车每天多少对？']);
    expect(splitQuestions('湿地有多少种鸟?绿道多长?')).toEqual(['湿地有多少种鸟?', '绿道多长?']);
    expect(splitQuestions('How many trains a day? And when did the line open?')).toEqual(['How many trains a day?', 'And when did the line open?']);
  });

  it('GIVEN a piece that is wrapping or a clause THEN it stays with the question after it, or with the last', () => {
    expect(splitQuestions('在吗?湿地有多少种鸟')).toEqual(['在吗?湿地有多少种鸟']);
    expect(splitQuestions('请问湿地有多少种鸟?谢谢')).toEqual(['请问湿地有多少种鸟?谢谢']);
    expect(splitQuestions('关于地铁?开通了几条线?绿道多长?')).toEqual(['关于地铁?开通了几条线?', '绿道多长?']);
  });

  it('GIVEN one question with a comma, or with its mark doubled THEN it is one question', () => {
    expect(splitQuestions('驱逐舰是为了对付哪种战舰,到后期取代了它的地位?')).toEqual(['驱逐舰是为了对付哪种战舰,到后期取代了它的地位?']);
    expect(splitQuestions('地铁开通了吗??')).toEqual(['地铁开通了吗??']);
    expect(splitQuestions('地铁开通了吗')).toEqual(['地铁开通了吗']);
  });

  it(`GIVEN more than ${MAX_QUESTIONS} questions THEN the rest stay with the last`, () => {
    const parts = splitQuestions('地铁多长?湿地多大?绿道多长?公园几个?');
    expect(parts).toHaveLength(MAX_QUESTIONS);
    expect(parts.at(-1)).toBe('绿道多长?公园几个?');
  });
});
